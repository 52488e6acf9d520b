import * as z from 'zod';
import type { ApiContext } from '../api-context';
import type { OpenApiDocument } from '../openapi';
import { ApiProblem } from '../problem-details';
import { defineRoute, type RouteDefinition } from './route-definition';

/** How long `/readyz` waits for the store before calling it unreachable. */
const readinessTimeoutMilliseconds = 2_000;

function withTimeout<Value>(promise: Promise<Value>, milliseconds: number): Promise<Value> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), milliseconds);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The probes and the OpenAPI document: `/healthz` (the process is up), `/readyz` (the store answers)
 * and `/openapi.json`. None needs a key.
 */
export function systemRoutes(context: ApiContext, document: () => OpenApiDocument): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/healthz',
      operationId: 'getLiveness',
      summary: 'Liveness: the process is up',
      tag: 'system',
      scope: 'public',
      usesStore: false,
      responses: { 200: { description: 'Up', schema: z.object({ status: z.literal('ok') }) } },
      handle: () => ({ body: { status: 'ok' } }),
    }),
    defineRoute({
      method: 'get',
      path: '/readyz',
      operationId: 'getReadiness',
      summary: 'Readiness: the store answers',
      description:
        'Runs one cheap query. 503 while the database is unreachable; ready again as soon as it returns.',
      tag: 'system',
      scope: 'public',
      usesStore: true,
      responses: { 200: { description: 'Ready', schema: z.object({ status: z.literal('ready') }) } },
      handle: async () => {
        try {
          await withTimeout(context.store.listCustomerIds({ limit: 1 }), readinessTimeoutMilliseconds);
        } catch (error) {
          context.logger.warn({ err: error }, 'readiness check failed');
          throw new ApiProblem('STORE_UNAVAILABLE', 'The database does not answer.', {
            headers: { 'Retry-After': '5' },
          });
        }
        return { body: { status: 'ready' } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/openapi.json',
      operationId: 'getOpenApiDocument',
      summary: 'This OpenAPI 3.1 document',
      tag: 'system',
      scope: 'public',
      usesStore: false,
      responses: { 200: { description: 'The document', schema: z.record(z.string(), z.unknown()) } },
      handle: () => ({ body: document() }),
    }),
  ];
}
