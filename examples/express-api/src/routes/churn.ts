import * as z from 'zod';
import type { ApiContext } from '../api-context';
import { asOfQuerySchema, customerParamsSchema } from './common-schemas';
import { notImplemented } from './not-implemented';
import { defineRoute, type RouteDefinition } from './route-definition';

/** The result kind the pipeline stores churn predictions under. */
export const churnResultKind = 'churn';

const churnPredictionSchema = z.object({
  customerId: z.string(),
  asOf: z.string(),
  source: z.enum(['stored', 'computed']),
  prediction: z
    .object({
      churnProbability: z.number(),
      riskLevel: z.string(),
      factors: z.array(z.object({ feature: z.string(), contribution: z.number() }).loose()),
      plan: z.array(z.unknown()),
    })
    .loose(),
});

/** Churn prediction with its top factors and the retention plan. */
export function churnRoutes(context: ApiContext): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/customers/{customerId}/churn',
      operationId: 'getCustomerChurn',
      summary: 'Churn probability, risk level, top factors and retention plan',
      description:
        'Without asOf: the latest prediction the pipeline stored. Live scoring needs the feature extraction, risk levels and retention plans of @kizuna/churn.',
      tag: 'customers',
      scope: 'read',
      usesStore: true,
      notImplemented: true,
      params: customerParamsSchema,
      query: asOfQuerySchema,
      responses: { 200: { description: 'The prediction', schema: churnPredictionSchema } },
      handle: async ({ params, query }) => {
        if (query.asOf === undefined) {
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
        return notImplemented(
          'Live churn prediction',
          '@kizuna/churn has its model but not yet the feature extraction from a snapshot, risk levels or retention plans; no stored prediction exists for this customer either.',
        );
      },
    }),
  ];
}
