import { type OutboxEntry, toInstant } from '@kizuna/core';
import * as z from 'zod';
import type { ApiContext } from '../api-context';
import { ApiProblem } from '../problem-details';
import { actionOutputSchema, apiIdSchema, limitSchema } from './common-schemas';
import { defineRoute, type RouteDefinition } from './route-definition';

const doneSchema = z.object({ doneAt: z.string(), doneBy: z.string(), note: z.string().optional() });

const alertSchema = z.object({
  action: actionOutputSchema,
  status: z.enum(['pending', 'delivering', 'delivered', 'failed']),
  attempts: z.number().int(),
  enqueuedAt: z.string(),
  nextAttemptAt: z.string(),
  deliveredAt: z.string().optional(),
  lastError: z.string().optional(),
  /** Set once a person marked the action done. */
  done: doneSchema.nullable(),
});

/** An outbox entry as the API shows it: no claim internals, the acknowledgement as `done`. */
function present(entry: OutboxEntry) {
  const { claimToken: _claim, leaseExpiresAt: _lease, acknowledgement, ...visible } = entry;
  const done =
    acknowledgement === undefined
      ? null
      : {
          doneAt: acknowledgement.at,
          doneBy: acknowledgement.by,
          ...(acknowledgement.note === undefined ? {} : { note: acknowledgement.note }),
        };
  return { ...visible, done };
}

/**
 * The outbox as a list of alerts and tasks: what the pipeline decided, whether it was delivered, and
 * whether a person marked it done.
 */
export function alertRoutes(context: ApiContext): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/alerts',
      operationId: 'listAlerts',
      summary: 'Actions in the outbox, oldest first',
      tag: 'alerts',
      scope: 'read',
      usesStore: true,
      query: z.object({
        status: z.enum(['pending', 'delivering', 'delivered', 'failed']).optional(),
        customerId: apiIdSchema().optional(),
        limit: limitSchema(50, 200),
      }),
      responses: { 200: { description: 'The alerts', schema: z.object({ alerts: z.array(alertSchema) }) } },
      handle: async ({ query }) => {
        const entries = await context.store.listActions({
          limit: query.limit,
          ...(query.status === undefined ? {} : { status: query.status }),
          ...(query.customerId === undefined ? {} : { customerId: query.customerId }),
        });
        return { body: { alerts: entries.map(present) } };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/alerts/{idempotencyKey}/done',
      operationId: 'markAlertDone',
      summary: 'Mark an action done (a person handled it)',
      description:
        'Exactly once: the first mark answers 201, every later or concurrent one 200 with the first record unchanged. URL-encode the key: it contains colons.',
      tag: 'alerts',
      scope: 'write',
      usesStore: true,
      params: z.object({ idempotencyKey: apiIdSchema(500) }),
      body: { kind: 'json', schema: z.object({ note: z.string().max(2000).optional() }), maxBytes: 8 * 1024 },
      responses: {
        200: { description: 'Already marked done', schema: alertSchema },
        201: { description: 'Marked done now', schema: alertSchema },
      },
      handle: async ({ params, body, apiKey }) => {
        // One atomic store call: of concurrent first marks exactly one gets 201.
        const marked = await context.store.acknowledgeAction(params.idempotencyKey, {
          now: toInstant(context.clock.now()),
          by: apiKey?.name ?? 'unknown',
          ...(body.note === undefined ? {} : { note: body.note }),
        });
        if (marked === undefined)
          throw new ApiProblem('NOT_FOUND', 'No action with this idempotency key is in the outbox.');
        return { status: marked.acknowledged ? 201 : 200, body: present(marked.entry) };
      },
    }),
  ];
}
