import * as z from 'zod';
import { problemCodes, problemContentType, problemDetailsSchema } from './problem-details';
import type { RouteDefinition } from './routes/route-definition';

/** A JSON Schema object as zod writes it. */
type JsonSchema = Record<string, unknown>;

/** An OpenAPI 3.1 document (only the parts this API writes). */
export interface OpenApiDocument {
  readonly openapi: '3.1.1';
  readonly info: { readonly title: string; readonly version: string; readonly description: string };
  readonly servers: readonly { readonly url: string }[];
  readonly paths: Record<string, Record<string, unknown>>;
  readonly components: {
    readonly schemas: Record<string, JsonSchema>;
    readonly securitySchemes: Record<string, unknown>;
  };
  readonly tags: readonly { readonly name: string }[];
}

/**
 * Converts a zod schema to JSON Schema 2020-12 (OpenAPI 3.1's dialect) with zod's own
 * `z.toJSONSchema`, and moves the schema's local `$defs` (recursive JSON values) into the document's
 * components, so every `$ref` resolves from the document root.
 */
function toSchema(
  schema: z.ZodType,
  io: 'input' | 'output',
  components: Record<string, JsonSchema>,
  prefix: string,
): JsonSchema {
  const generated = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as JsonSchema;
  const { $schema: _dialect, $defs, ...rest } = generated;
  const renames = new Map<string, string>();
  for (const name of Object.keys(($defs as Record<string, JsonSchema> | undefined) ?? {})) {
    renames.set(`#/$defs/${name}`, `#/components/schemas/${prefix}_${name.replace(/^_+/, '')}`);
  }
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (typeof value !== 'object' || value === null) return value;
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = key === '$ref' && typeof inner === 'string' ? (renames.get(inner) ?? inner) : rewrite(inner);
    }
    return out;
  };
  for (const [name, definition] of Object.entries(($defs as Record<string, JsonSchema> | undefined) ?? {})) {
    components[`${prefix}_${name.replace(/^_+/, '')}`] = rewrite(definition) as JsonSchema;
  }
  return rewrite(rest) as JsonSchema;
}

function parameters(
  schema: z.ZodType | undefined,
  location: 'path' | 'query',
  components: Record<string, JsonSchema>,
  prefix: string,
): unknown[] {
  if (schema === undefined) return [];
  const objectSchema = toSchema(schema, 'input', components, prefix) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(objectSchema.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property as { description?: string };
    return {
      name,
      in: location,
      required: location === 'path' || (objectSchema.required ?? []).includes(name),
      ...(description === undefined ? {} : { description }),
      schema: rest,
    };
  });
}

const problemReference = { $ref: '#/components/schemas/ProblemDetails' };

function problemResponse(code: keyof typeof problemCodes) {
  return {
    description: problemCodes[code].title,
    content: { [problemContentType]: { schema: problemReference } },
  };
}

/**
 * Writes the OpenAPI 3.1 document of the routes from the same zod schemas that validate requests:
 * parameters, bodies and responses, the problem responses every route can give, and the API-key
 * security scheme with the scope each operation needs.
 */
export function buildOpenApiDocument(
  routes: readonly RouteDefinition[],
  options: { readonly version: string },
): OpenApiDocument {
  const schemas: Record<string, JsonSchema> = {};
  schemas.ProblemDetails = toSchema(problemDetailsSchema, 'output', schemas, 'ProblemDetails');
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const prefix = route.operationId;
    const responses: Record<string, unknown> = {};
    for (const [status, response] of Object.entries(route.responses)) {
      responses[status] = {
        description: response.description,
        ...(response.schema === undefined && response.contentType === undefined
          ? {}
          : {
              content: {
                [response.contentType ?? 'application/json']: {
                  schema:
                    response.schema === undefined
                      ? { type: 'string' }
                      : toSchema(response.schema, 'output', schemas, prefix),
                },
              },
            }),
      };
    }
    if (route.params !== undefined || route.query !== undefined || route.body !== undefined)
      responses['400'] = problemResponse('VALIDATION_FAILED');
    if (route.scope !== 'public') {
      responses['401'] = problemResponse('UNAUTHENTICATED');
      responses['403'] = problemResponse('FORBIDDEN');
      responses['429'] = problemResponse('RATE_LIMITED');
    }
    if (route.body !== undefined) {
      responses['413'] = problemResponse('PAYLOAD_TOO_LARGE');
      responses['415'] = problemResponse('UNSUPPORTED_MEDIA_TYPE');
    }
    if (route.path.includes('{')) responses['404'] ??= problemResponse('NOT_FOUND');
    responses['500'] = problemResponse('INTERNAL');
    if (route.notImplemented === true) responses['501'] = problemResponse('NOT_IMPLEMENTED');
    if (route.usesStore) responses['503'] = problemResponse('STORE_UNAVAILABLE');

    const requestBody =
      route.body === undefined
        ? undefined
        : route.body.kind === 'json'
          ? {
              required: true,
              content: {
                'application/json': { schema: toSchema(route.body.schema, 'input', schemas, prefix) },
              },
            }
          : {
              required: true,
              description: route.body.description,
              content: Object.fromEntries(
                route.body.contentTypes.map((type) => [
                  type,
                  { schema: { type: 'string', contentMediaType: type } },
                ]),
              ),
            };
    const operation = {
      operationId: route.operationId,
      summary: route.summary,
      ...(route.description === undefined ? {} : { description: route.description }),
      tags: [route.tag],
      security: route.scope === 'public' ? [] : [{ apiKey: [route.scope] }],
      parameters: [
        ...parameters(route.params, 'path', schemas, prefix),
        ...parameters(route.query, 'query', schemas, prefix),
      ],
      ...(requestBody === undefined ? {} : { requestBody }),
      responses,
    };
    paths[route.path] = { ...(paths[route.path] ?? {}), [route.method]: operation };
  }
  return {
    openapi: '3.1.1',
    info: {
      title: 'Kizuna API',
      version: options.version,
      description:
        'Customer-success automation over HTTP: ingestion, snapshots, health, churn, recommendations, alerts, funnels, chat and noise analysis. Errors are RFC 9457 problem documents.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description:
            'An API key `kz_<id>_<secret>` as a bearer token (or in `X-API-Key`). Scopes: read < write < admin.',
        },
      },
    },
    tags: [...new Set(routes.map((route) => route.tag))].map((name) => ({ name })),
  };
}
