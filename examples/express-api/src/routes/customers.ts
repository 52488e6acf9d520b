import { customerSnapshotSchema } from '@kizuna/core';
import { evaluateAlerts, recommendExpansion } from '@kizuna/health';
import * as z from 'zod';
import type { ApiContext } from '../api-context';
import { computeHealth, explainHealth, readHealth, resolveAsOf, snapshotAt } from '../customer-insights';
import {
  actionOutputSchema,
  apiIdSchema,
  asOfQuerySchema,
  booleanFlagSchema,
  customerParamsSchema,
  limitSchema,
} from './common-schemas';
import { defineRoute, type RouteDefinition } from './route-definition';

const number = z.number();

/** The documented shape of a health result (see `HealthResult` in @kizuna/health). */
export const healthResultSchema = z
  .object({
    scorecardId: z.string(),
    score: number,
    computedScore: number,
    band: z.string(),
    status: z.enum(['red', 'yellow', 'green']),
    coverage: number,
    components: z.array(
      z
        .object({ id: z.string(), label: z.string(), points: number, maxPoints: number, coverage: number })
        .loose(),
    ),
    reasonCodes: z.array(z.string()),
    recommendations: z.array(
      z
        .object({
          type: z.string(),
          action: z.string(),
          priority: z.string(),
          automated: z.boolean(),
          message: z.string(),
        })
        .loose(),
    ),
    delta: z.object({ previousScore: number, change: number, explanation: z.string() }).loose().optional(),
  })
  .loose();

const healthReadingSchema = z.object({
  customerId: z.string(),
  asOf: z.string(),
  source: z.enum(['stored', 'computed']),
  health: healthResultSchema,
  /** Plain sentences: the breakdown, what moved since the last score, what to do. */
  explanation: z.array(z.string()),
});

/**
 * Per-customer reads: the customer list, the customer-360 snapshot, health with its explanation,
 * recommendations (health playbook + expansion) and the alerts the rules would raise now.
 */
export function customerRoutes(context: ApiContext): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/customers',
      operationId: 'listCustomers',
      summary: 'Customer ids in ascending order, with a cursor',
      tag: 'customers',
      scope: 'read',
      usesStore: true,
      query: z.object({
        after: apiIdSchema().optional().meta({ description: 'Only ids after this one (the cursor).' }),
        limit: limitSchema(100, 1000),
      }),
      responses: {
        200: {
          description: 'A page of ids',
          schema: z.object({ customerIds: z.array(z.string()), next: z.string().nullable() }),
        },
      },
      handle: async ({ query }) => {
        const customerIds = await context.store.listCustomerIds({
          limit: query.limit,
          ...(query.after === undefined ? {} : { after: query.after }),
        });
        const next = customerIds.length === query.limit ? (customerIds.at(-1) ?? null) : null;
        return { body: { customerIds, next } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/customers/{customerId}/snapshot',
      operationId: 'getCustomerSnapshot',
      summary: 'The customer-360 snapshot at an instant',
      tag: 'customers',
      scope: 'read',
      usesStore: true,
      params: customerParamsSchema,
      query: asOfQuerySchema,
      responses: { 200: { description: 'The snapshot', schema: customerSnapshotSchema } },
      handle: async ({ params, query }) => ({
        body: await snapshotAt(context, params.customerId, resolveAsOf(context, query.asOf)),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/customers/{customerId}/health',
      operationId: 'getCustomerHealth',
      summary: 'Health score with its breakdown and explanation',
      description:
        'Without asOf: the latest score the pipeline stored (one query), or a fresh one when none is stored yet. With asOf (or live=true): scored now from the records, with the change against the previous stored score.',
      tag: 'customers',
      scope: 'read',
      usesStore: true,
      params: customerParamsSchema,
      query: asOfQuerySchema.extend({
        live: booleanFlagSchema
          .optional()
          .meta({ description: 'Score now even when a stored score exists.' }),
      }),
      responses: { 200: { description: 'The health reading', schema: healthReadingSchema } },
      handle: async ({ params, query }) => {
        const reading = await readHealth(context, params.customerId, {
          ...(query.asOf === undefined ? {} : { asOf: query.asOf }),
          ...(query.live === undefined ? {} : { live: query.live }),
        });
        return {
          body: { customerId: params.customerId, ...reading, explanation: explainHealth(reading.health) },
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/customers/{customerId}/recommendations',
      operationId: 'getCustomerRecommendations',
      summary: 'Next steps: the health playbook and expansion offers',
      description:
        "The scorecard's recommendations (re-engagement, tutorial, CSM intervention, escalation) and the top upsell / cross-sell offers, suppressed while the account is red.",
      tag: 'customers',
      scope: 'read',
      usesStore: true,
      params: customerParamsSchema,
      query: asOfQuerySchema,
      responses: {
        200: {
          description: 'Recommendations',
          schema: z.object({
            customerId: z.string(),
            asOf: z.string(),
            health: z.object({ score: number, band: z.string(), status: z.string() }),
            playbook: healthResultSchema.shape.recommendations,
            expansion: z
              .object({
                recommendations: z.array(
                  z.object({ ruleId: z.string(), product: z.string(), confidence: number }).loose(),
                ),
                matchedRuleIds: z.array(z.string()),
                suppressed: z.boolean(),
                suppressedReason: z.string().optional(),
              })
              .loose(),
          }),
        },
      },
      handle: async ({ params, query }) => {
        const asOf = resolveAsOf(context, query.asOf);
        const snapshot = await snapshotAt(context, params.customerId, asOf);
        const health = await computeHealth(context.store, snapshot);
        const expansion = recommendExpansion(snapshot, { health: { status: health.status } });
        return {
          body: {
            customerId: params.customerId,
            asOf,
            health: { score: health.score, band: health.band, status: health.status },
            playbook: health.recommendations,
            expansion,
          },
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/customers/{customerId}/alerts',
      operationId: 'evaluateCustomerAlerts',
      summary: 'The proactive alerts that would fire now, with every trigger and why',
      description:
        'Evaluates usage drop, late payment, detractor and renewal risk without enqueueing anything (the pipeline enqueues). Each action carries the idempotency key it would be stored under.',
      tag: 'alerts',
      scope: 'read',
      usesStore: true,
      params: customerParamsSchema,
      query: asOfQuerySchema,
      responses: {
        200: {
          description: 'The evaluation',
          schema: z.object({
            customerId: z.string(),
            asOf: z.string(),
            checks: z.array(z.object({ trigger: z.string(), fired: z.boolean(), reason: z.string() })),
            actions: z.array(actionOutputSchema),
          }),
        },
      },
      handle: async ({ params, query }) => {
        const asOf = resolveAsOf(context, query.asOf);
        const snapshot = await snapshotAt(context, params.customerId, asOf);
        const health = await computeHealth(context.store, snapshot);
        const evaluation = evaluateAlerts(snapshot, health, { asOf });
        return { body: { customerId: params.customerId, asOf, ...evaluation } };
      },
    }),
  ];
}
