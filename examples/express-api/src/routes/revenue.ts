import { instantSchema } from '@kizuna/core';
import * as z from 'zod';
import type { ApiContext } from '../api-context';
import { notImplemented } from './not-implemented';
import { defineRoute, type RouteDefinition } from './route-definition';

/** SaaS revenue metrics (MRR movements, NRR, GRR, LTV, CAC, payback, quick ratio) and dashboards. */
export function revenueRoutes(_context: ApiContext): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/revenue',
      operationId: 'getRevenueMetrics',
      summary: 'MRR movements, NRR, GRR, LTV, quick ratio over a period',
      tag: 'revenue',
      scope: 'read',
      usesStore: true,
      notImplemented: true,
      query: z.object({
        from: instantSchema,
        to: instantSchema,
        period: z.enum(['month', 'week', 'day']).default('month'),
      }),
      responses: { 200: { description: 'The metrics', schema: z.record(z.string(), z.unknown()) } },
      handle: () =>
        notImplemented('Revenue metrics', 'the SaaS revenue metrics of @kizuna/funnel have not landed yet.'),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/dashboards/{dashboard}',
      operationId: 'getDashboardDatasets',
      summary: 'Datasets of a dashboard: executive, marketing, sales or customer success',
      tag: 'revenue',
      scope: 'read',
      usesStore: true,
      notImplemented: true,
      params: z.object({ dashboard: z.enum(['executive', 'marketing', 'sales', 'customer-success']) }),
      query: z.object({ asOf: instantSchema.optional() }),
      responses: { 200: { description: 'The datasets', schema: z.record(z.string(), z.unknown()) } },
      handle: () =>
        notImplemented('Dashboard datasets', 'the dashboard datasets of @kizuna/funnel have not landed yet.'),
    }),
  ];
}
