import * as z from 'zod';
import type { ApiContext } from '../api-context';
import { notImplemented } from './not-implemented';
import { defineRoute, type RouteDefinition } from './route-definition';

/** Admin-only routes: the configured keys and the pipeline. */
export function adminRoutes(context: ApiContext): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/admin/api-keys',
      operationId: 'listApiKeys',
      summary: 'The configured API keys (ids, names, scopes, limits; never secrets or hashes)',
      tag: 'admin',
      scope: 'admin',
      usesStore: false,
      responses: {
        200: {
          description: 'The keys',
          schema: z.object({
            keys: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                scope: z.string(),
                requestsPerMinute: z.number(),
              }),
            ),
          }),
        },
      },
      handle: () => ({ body: { keys: context.apiKeys.list() } }),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/admin/pipeline-runs',
      operationId: 'listPipelineRuns',
      summary: 'The latest runs of the in-process pipeline',
      tag: 'admin',
      scope: 'admin',
      usesStore: false,
      notImplemented: true,
      responses: {
        200: { description: 'Runs, newest first', schema: z.object({ runs: z.array(z.unknown()) }) },
      },
      handle: async () => {
        if (context.pipeline === undefined)
          return notImplemented('The pipeline', 'this process runs no worker loop (KIZUNA_WORKER=off).');
        return { body: { runs: await context.pipeline.recentRuns() } };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/admin/pipeline-runs',
      operationId: 'runPipeline',
      summary: 'Run the pipeline now (snapshots → health → churn → alerts → outbox → delivery)',
      tag: 'admin',
      scope: 'admin',
      usesStore: true,
      notImplemented: true,
      responses: { 200: { description: 'What the run did', schema: z.object({ run: z.unknown() }) } },
      handle: async () => {
        if (context.pipeline === undefined)
          return notImplemented('The pipeline', 'this process runs no worker loop (KIZUNA_WORKER=off).');
        return { body: { run: await context.pipeline.runNow() } };
      },
    }),
  ];
}
