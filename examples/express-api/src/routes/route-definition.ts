import type { Request, Response } from 'express';
import type * as z from 'zod';
import type { ApiKeyScope, AuthenticatedKey } from '../api-keys';

/** HTTP methods the API uses. */
export type RouteMethod = 'get' | 'post' | 'put' | 'delete';

/** A documented response of a route. */
export interface RouteResponse {
  readonly description: string;
  /** The body's schema (output side); absent for bodies described only in words (event streams). */
  readonly schema?: z.ZodType;
  /** @defaultValue 'application/json' */
  readonly contentType?: string;
}

/** A JSON request body, parsed with `schema` after `express.json` with `maxBytes`. */
export interface JsonBody<Schema extends z.ZodType> {
  readonly kind: 'json';
  readonly schema: Schema;
  /** Largest accepted body. @defaultValue the app's `jsonBodyLimitBytes` */
  readonly maxBytes?: number;
}

/** A binary request body (a WAV upload), handed to the route as a Buffer. */
export interface BinaryBody {
  readonly kind: 'binary';
  /** Accepted media types, e.g. `audio/wav`. */
  readonly contentTypes: readonly string[];
  readonly maxBytes: number;
  readonly description: string;
}

/** The parsed input of a route, typed from its schemas. */
export interface RouteInput<Params, Query, Body> {
  readonly params: Params;
  readonly query: Query;
  readonly body: Body;
  /** The key the request was made with; `undefined` on public routes. */
  readonly apiKey: AuthenticatedKey | undefined;
  readonly request: Request;
  readonly response: Response;
}

/** What a handler returns: a JSON body with its status, or `undefined` when it wrote the response itself. */
export interface RouteResult {
  /** @defaultValue 200 */
  readonly status?: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * One route: its method and path, the scope it needs, the zod schemas of its input and output, and
 * its handler. The same definition mounts the route (validation included) and writes its OpenAPI
 * operation, so the document cannot drift from what the server accepts.
 */
export interface RouteDefinition<
  ParamsSchema extends z.ZodType = z.ZodType,
  QuerySchema extends z.ZodType = z.ZodType,
  BodySchema extends z.ZodType = z.ZodType,
> {
  readonly method: RouteMethod;
  /** OpenAPI path template: `/v1/customers/{customerId}/health`. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tag: string;
  /** The scope a key needs; `public` routes need no key (probes and the OpenAPI document). */
  readonly scope: ApiKeyScope | 'public';
  readonly params?: ParamsSchema;
  readonly query?: QuerySchema;
  readonly body?: JsonBody<BodySchema> | BinaryBody;
  /** Successful responses by status; the problem responses are added for every route. */
  readonly responses: Readonly<Record<number, RouteResponse>>;
  /** Whether the route reads or writes the store (adds the 503 problem to its documentation). */
  readonly usesStore: boolean;
  /** Whether the engine behind it has not landed yet (documents the 501 problem). */
  readonly notImplemented?: boolean;
  handle(
    input: RouteInput<z.output<ParamsSchema>, z.output<QuerySchema>, unknown>,
  ): Promise<RouteResult | undefined> | RouteResult | undefined;
}

/**
 * Declares a route with its input types inferred from its schemas.
 *
 * @example
 * ```ts
 * defineRoute({
 *   method: 'get', path: '/v1/customers/{customerId}/snapshot', operationId: 'getSnapshot',
 *   summary: 'The customer-360 snapshot', tag: 'customers', scope: 'read', usesStore: true,
 *   params: z.object({ customerId: idSchema }),
 *   responses: { 200: { description: 'The snapshot', schema: customerSnapshotSchema } },
 *   handle: async ({ params }) => ({ body: await buildSnapshot(store, params.customerId, { asOf }) }),
 * });
 * ```
 */
export function defineRoute<
  ParamsSchema extends z.ZodType = z.ZodType,
  QuerySchema extends z.ZodType = z.ZodType,
  BodySchema extends z.ZodType = z.ZodType,
>(
  definition: Omit<RouteDefinition<ParamsSchema, QuerySchema, BodySchema>, 'handle'> & {
    handle(
      input: RouteInput<z.output<ParamsSchema>, z.output<QuerySchema>, z.output<BodySchema>>,
    ): Promise<RouteResult | undefined> | RouteResult | undefined;
  },
): RouteDefinition {
  return definition as unknown as RouteDefinition;
}
