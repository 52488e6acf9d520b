import { type OutboxEntry, toInstant } from '@kizuna/core';
import * as z from 'zod';
import type { ApiContext } from '../api-context';
import { ApiProblem } from '../problem-details';
import { actionOutputSchema, apiIdSchema, limitSchema } from './common-schemas';
import { defineRoute, type RouteDefinition } from './route-definition';

/** Results of this kind record that a person marked an action done (the store has no such state). */
const doneKind = (idempotencyKey: string) => `action-done:${idempotencyKey}`;
/** Stored results need a customer id; workspace-wide actions are filed under this one. */
const workspaceOwner = '_workspace';

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

async function doneOf(context: ApiContext, entry: OutboxEntry) {
  const stored = await context.store.getLatestResult(
    doneKind(entry.action.idempotencyKey),
    entry.action.customerId ?? workspaceOwner,
  );
  return stored === undefined ? null : doneSchema.parse(stored.value);
}

async function present(context: ApiContext, entry: OutboxEntry) {
  const { claimToken: _claim, leaseExpiresAt: _lease, ...visible } = entry;
  return { ...visible, done: await doneOf(context, entry) };
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
        return { body: { alerts: await Promise.all(entries.map((entry) => present(context, entry))) } };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/alerts/{idempotencyKey}/done',
      operationId: 'markAlertDone',
      summary: 'Mark an action done (a person handled it)',
      description:
        'Idempotent: marking it again returns the first record unchanged (200). URL-encode the key: it contains colons.',
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
        const entry = await context.store.getAction(params.idempotencyKey);
        if (entry === undefined)
          throw new ApiProblem('NOT_FOUND', 'No action with this idempotency key is in the outbox.');
        const existing = await doneOf(context, entry);
        if (existing !== null) return { status: 200, body: { ...(await present(context, entry)) } };
        const doneAt = toInstant(context.clock.now());
        await context.store.putResult({
          kind: doneKind(entry.action.idempotencyKey),
          customerId: entry.action.customerId ?? workspaceOwner,
          asOf: doneAt,
          value: {
            doneAt,
            doneBy: apiKey?.name ?? 'unknown',
            ...(body.note === undefined ? {} : { note: body.note }),
          },
        });
        return { status: 201, body: await present(context, entry) };
      },
    }),
  ];
}
