import { instantSchema, type Store } from '@kizuna/core';
import {
  buildCustomerSuccessDashboard,
  buildExecutiveDashboard,
  buildMarketingDashboard,
  buildSalesDashboard,
  computeRevenueMetrics,
} from '@kizuna/funnel';
import * as z from 'zod';
import type { ApiContext } from '../api-context';
import { resolveAsOf } from '../customer-insights';
import { ApiProblem } from '../problem-details';
import { defineRoute, type RouteDefinition } from './route-definition';

/** Most rows one revenue or dashboard query loads per table. */
export const maxTableRows = 200_000;

function withinLimit<Row>(rows: Row[]): Row[] {
  if (rows.length > maxTableRows)
    throw new ApiProblem(
      'UNPROCESSABLE',
      `More than ${maxTableRows.toLocaleString('en-US')} rows: too many for one request.`,
    );
  return rows;
}

async function subscriptionEvents(store: Store, asOf: string) {
  return withinLimit(await store.listRecords('subscriptionEvent', { to: asOf, limit: maxTableRows + 1 }));
}

async function salesTables(store: Store, asOf: string) {
  const range = { to: asOf, limit: maxTableRows + 1 };
  const [leads, emailEngagements, consultations, customers, customerSuccess, kpiDaily] = await Promise.all([
    store.listRecords('lead', range),
    store.listRecords('emailEngagement', range),
    store.listRecords('consultation', range),
    store.listRecords('funnelCustomer', range),
    store.listRecords('customerSuccess', range),
    store.listRecords('kpiDaily', range),
  ]);
  return {
    leads: withinLimit(leads),
    emailEngagements: withinLimit(emailEngagements),
    consultations: withinLimit(consultations),
    customers: withinLimit(customers),
    customerSuccess: withinLimit(customerSuccess),
    kpiDaily: withinLimit(kpiDaily),
  };
}

/** `2026-04`: the calendar month of an instant on the wall clock of `timeZone`. */
export function monthOf(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}`;
}

const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'expected a month such as 2026-04' })
  .optional()
  .meta({ description: 'The calendar month (YYYY-MM). Defaults to the month of asOf.' });

/**
 * SaaS revenue metrics from the stored subscription events (ChartMogul's definitions), and the
 * datasets of the four dashboards of seeds/002: executive, marketing, sales, customer success.
 */
export function revenueRoutes(context: ApiContext): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/revenue',
      operationId: 'getRevenueMetrics',
      summary: 'MRR movements, NRR, GRR, churn, ARPA, LTV, quick ratio per period',
      description:
        'Computed from the stored subscription events before asOf: new, expansion, contraction, churn and reactivation per period, with every movement for reconciliation.',
      tag: 'revenue',
      scope: 'read',
      usesStore: true,
      query: z.object({
        asOf: instantSchema
          .optional()
          .meta({ description: 'Events at or after it are ignored. Defaults to now.' }),
        period: z.enum(['month', 'week', 'day']).default('month'),
      }),
      responses: {
        200: {
          description: 'The revenue report',
          schema: z.object({ periods: z.array(z.record(z.string(), z.unknown())) }).loose(),
        },
      },
      handle: async ({ query }) => {
        const asOf = resolveAsOf(context, query.asOf);
        const events = await subscriptionEvents(context.store, asOf);
        return {
          body: computeRevenueMetrics(events, { asOf, period: query.period, timeZone: context.timeZone }),
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/dashboards/{dashboard}',
      operationId: 'getDashboardDatasets',
      summary: 'Datasets of a dashboard: executive, marketing, sales or customer success',
      description:
        'executive: MRR vs goal, growth, new customers, LTV/CAC, churn, NRR and trends (from subscription events). marketing, sales and customer-success: from the sales-funnel tables (leads, e-mails, consultations, customers, outcomes, KPI_Daily) for one month.',
      tag: 'revenue',
      scope: 'read',
      usesStore: true,
      params: z.object({ dashboard: z.enum(['executive', 'marketing', 'sales', 'customer-success']) }),
      query: z.object({ asOf: instantSchema.optional(), month: monthSchema }),
      responses: { 200: { description: 'The datasets', schema: z.record(z.string(), z.unknown()) } },
      handle: async ({ params, query }) => {
        const asOf = resolveAsOf(context, query.asOf);
        const timeZone = context.timeZone;
        const month = query.month ?? monthOf(asOf, timeZone);
        switch (params.dashboard) {
          case 'executive': {
            const revenue = computeRevenueMetrics(await subscriptionEvents(context.store, asOf), {
              asOf,
              timeZone,
            });
            if (revenue.periods.length === 0)
              throw new ApiProblem(
                'UNPROCESSABLE',
                'No subscription events before asOf: the executive dashboard needs some.',
              );
            return { body: buildExecutiveDashboard({ revenue }) };
          }
          case 'marketing':
            return {
              body: buildMarketingDashboard(await salesTables(context.store, asOf), {
                month,
                timeZone,
                asOf,
              }),
            };
          case 'sales':
            return {
              body: buildSalesDashboard(await salesTables(context.store, asOf), { month, timeZone, asOf }),
            };
          default:
            return {
              body: buildCustomerSuccessDashboard(await salesTables(context.store, asOf), { asOf, timeZone }),
            };
        }
      },
    }),
  ];
}
