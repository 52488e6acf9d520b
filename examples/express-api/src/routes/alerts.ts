import { type ActionCursor, actionPrioritySchema, type OutboxEntry, toInstant } from '@kizuna/core';
import * as z from 'zod';
import type { ApiContext } from '../api-context';
import { ApiProblem } from '../problem-details';
import { actionOutputSchema, apiIdSchema, booleanFlagSchema, limitSchema } from './common-schemas';
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

/** The opaque page cursor: the last entry's (enqueuedAt, idempotencyKey) as base64url JSON. */
export function encodeAlertCursor(entry: OutboxEntry): string {
  return Buffer.from(JSON.stringify([entry.enqueuedAt, entry.action.idempotencyKey]), 'utf8').toString(
    'base64url',
  );
}

const cursorSchema = z
  .string()
  .max(2000)
  .transform((value, context): ActionCursor => {
    try {
      const decoded: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
      if (
        Array.isArray(decoded) &&
        decoded.length === 2 &&
        typeof decoded[0] === 'string' &&
        apiIdSchema(500).safeParse(decoded[1]).success &&
        !Number.isNaN(Date.parse(decoded[0]))
      )
        return { enqueuedAt: new Date(decoded[0]).toISOString(), idempotencyKey: decoded[1] };
    } catch {
      // reported below
    }
    context.addIssue({ code: 'custom', message: 'expected the nextCursor of a previous page' });
    return z.NEVER;
  })
  .meta({ description: 'The `nextCursor` of the previous page (opaque).' });

const prioritiesSchema = z
  .string()
  .transform((value) => value.split(','))
  .pipe(z.array(actionPrioritySchema).min(1))
  .meta({ description: 'One priority or a comma list: low, medium, high, critical.' });

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
      summary: 'Actions in the outbox, oldest first, filtered and paged',
      description:
        'Ordered by enqueuedAt then idempotency key. Filters apply in the store before the page is cut; pass nextCursor as cursor for the next page (null when there is none). Entries enqueued after a page was read come on later pages; none is given twice.',
      tag: 'alerts',
      scope: 'read',
      usesStore: true,
      query: z.object({
        status: z.enum(['pending', 'delivering', 'delivered', 'failed']).optional(),
        customerId: apiIdSchema().optional(),
        done: booleanFlagSchema
          .optional()
          .meta({ description: 'true: only actions marked done; false: only the open ones.' }),
        priority: prioritiesSchema.optional(),
        csm: apiIdSchema()
          .optional()
          .meta({ description: 'Only actions on accounts of this customer-success manager (csmId).' }),
        rule: z.string().min(1).max(200).optional().meta({
          description:
            'Only actions whose source.ruleId starts with this text (case-sensitive, no wildcards), e.g. upsell-campaign/.',
        }),
        cursor: cursorSchema.optional(),
        limit: limitSchema(50, 200),
      }),
      responses: {
        200: {
          description: 'A page of alerts',
          schema: z.object({ alerts: z.array(alertSchema), nextCursor: z.string().nullable() }),
        },
      },
      handle: async ({ query }) => {
        // One more than the page: whether another page exists, without an empty last page.
        const entries = await context.store.listActions({
          limit: query.limit + 1,
          ...(query.status === undefined ? {} : { status: query.status }),
          ...(query.customerId === undefined ? {} : { customerId: query.customerId }),
          ...(query.done === undefined ? {} : { done: query.done }),
          ...(query.priority === undefined ? {} : { priorities: query.priority }),
          ...(query.csm === undefined ? {} : { csmId: query.csm }),
          ...(query.rule === undefined ? {} : { ruleIdPrefix: query.rule }),
          ...(query.cursor === undefined ? {} : { after: query.cursor }),
        });
        const page = entries.slice(0, query.limit);
        const last = page.at(-1);
        const nextCursor =
          entries.length > query.limit && last !== undefined ? encodeAlertCursor(last) : null;
        return { body: { alerts: page.map(present), nextCursor } };
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
