import { type ChurnScorer, loadGradientBoostedTrees, predictChurn } from '@kizuna/churn';
import type { JsonValue, Store } from '@kizuna/core';
import { runRecordOwner } from '@kizuna/example-worker';
import * as z from 'zod';
import type { ApiContext } from '../api-context';
import { resolveAsOf, snapshotAt } from '../customer-insights';
import { asOfQuerySchema, booleanFlagSchema, customerParamsSchema } from './common-schemas';
import { defineRoute, type RouteDefinition } from './route-definition';

/** The result kind the pipeline stores churn predictions under. */
export const churnResultKind = 'churn';
/** The result kind of the model versions the pipeline trains (owner: the workspace). */
export const churnModelKind = 'churn-model';

/** A stored model version, as the worker writes it. */
interface ChurnModelRecord {
  readonly version: string;
  readonly method: 'model' | 'rules';
  readonly reason: string;
  readonly model: JsonValue | null;
}

const churnPredictionSchema = z.object({
  customerId: z.string(),
  asOf: z.string(),
  source: z.enum(['stored', 'computed']),
  prediction: z
    .object({
      churnProbability: z.number(),
      riskLevel: z.string(),
      method: z.enum(['model', 'rules']),
      topRiskFactors: z.array(z.object({ feature: z.string(), contribution: z.number() }).loose()),
      retentionPlan: z.array(z.record(z.string(), z.unknown())),
      modelVersion: z.string().nullable().optional(),
    })
    .loose(),
});

/** Loads scorers once per model version: parsing 100 trees per request would dominate the route. */
function createScorerCache() {
  const scorers = new Map<string, ChurnScorer>();
  return async (store: Store, asOf: string): Promise<{ scorer: ChurnScorer; version: string | null }> => {
    const latest = await store.getLatestResult(churnModelKind, runRecordOwner, {
      before: new Date(Date.parse(asOf) + 1).toISOString(),
    });
    const record = latest?.value as unknown as ChurnModelRecord | undefined;
    if (record === undefined)
      return {
        scorer: {
          method: 'rules',
          reason: 'no model trained yet (the pipeline trains one on its first run): rules',
        },
        version: null,
      };
    let scorer = scorers.get(record.version);
    if (scorer === undefined) {
      scorer =
        record.method === 'model' && record.model !== null
          ? { method: 'model', model: loadGradientBoostedTrees(record.model), reason: record.reason }
          : { method: 'rules', reason: record.reason };
      if (scorers.size > 8) scorers.clear();
      scorers.set(record.version, scorer);
    }
    return { scorer, version: record.version };
  };
}

/** Churn prediction with its top factors (TreeSHAP) and the retention plan. */
export function churnRoutes(context: ApiContext): RouteDefinition[] {
  const scorerAt = createScorerCache();
  return [
    defineRoute({
      method: 'get',
      path: '/v1/customers/{customerId}/churn',
      operationId: 'getCustomerChurn',
      summary: 'Churn probability, risk level, top factors and retention plan',
      description:
        "Without asOf: the latest prediction the pipeline stored, or a live one when none is stored. With asOf (or live=true): predicted now from the snapshot with the latest model version the pipeline trained (the churn package's rules before the first training).",
      tag: 'customers',
      scope: 'read',
      usesStore: true,
      params: customerParamsSchema,
      query: asOfQuerySchema.extend({
        live: booleanFlagSchema
          .optional()
          .meta({ description: 'Predict now even when a stored prediction exists.' }),
      }),
      responses: { 200: { description: 'The prediction', schema: churnPredictionSchema } },
      handle: async ({ params, query }) => {
        if (query.asOf === undefined && query.live !== true) {
          const stored = await context.store.getLatestResult(churnResultKind, params.customerId);
          if (stored !== undefined)
            return {
              body: {
                customerId: params.customerId,
                asOf: stored.asOf,
                source: 'stored',
                prediction: stored.value,
              },
            };
        }
        const asOf = resolveAsOf(context, query.asOf);
        const snapshot = await snapshotAt(context, params.customerId, asOf);
        const { scorer, version } = await scorerAt(context.store, asOf);
        const prediction = predictChurn(scorer, snapshot, { asOf });
        return {
          body: {
            customerId: params.customerId,
            asOf,
            source: 'computed',
            prediction: { ...prediction, modelVersion: version },
          },
        };
      },
    }),
  ];
}
