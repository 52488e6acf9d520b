import { instantSchema, type Store, timeZoneSchema } from '@kizuna/core';
import {
  computeRevenueMetrics,
  computeSalesFunnel,
  findBottleneck,
  monthRange,
  type RevenuePeriod,
} from '@kizuna/funnel';
import * as z from 'zod';
import type { ApiContext } from '../api-context';
import { resolveAsOf } from '../customer-insights';
import { ApiProblem } from '../problem-details';
import { maxTableRows } from './revenue';
import { defineRoute, type RouteDefinition } from './route-definition';

const day = 86_400_000;

const kpiResultSchema = z.object({
  id: z.string(),
  name: z.string(),
  value: z.number().nullable(),
  target: z.number(),
  comparison: z.enum(['at_least', 'at_most']),
  unit: z.enum(['count', 'ratio', 'days', 'money', 'score', 'minutes', 'hours', 'multiple']),
  status: z.enum(['met', 'below', 'no_data']),
  gap: z.number().nullable(),
  attainment: z.number().nullable(),
  formula: z.string(),
  inputs: z.record(z.string(), z.number()),
});

const salesFunnelResponseSchema = z.object({
  month: z.string(),
  funnel: z.object({
    month: z.string(),
    levels: z.array(
      z.object({ level: z.number().int(), id: z.string(), name: z.string(), kpis: z.array(kpiResultSchema) }),
    ),
    financial: z.array(kpiResultSchema),
  }),
  bottleneck: z
    .object({
      level: z.number().int(),
      levelName: z.string(),
      kpi: kpiResultSchema,
      reason: z.string(),
      belowTarget: z.array(z.object({ level: z.number().int(), kpi: kpiResultSchema })),
    })
    .nullable(),
});

function withinLimit<Row>(rows: Row[]): Row[] {
  if (rows.length > maxTableRows)
    throw new ApiProblem(
      'UNPROCESSABLE',
      `More than ${maxTableRows.toLocaleString('en-US')} rows in one sales table: too many for one request.`,
    );
  return rows;
}

const iso = (epochMilliseconds: number) => new Date(epochMilliseconds).toISOString();
const earlier = (left: string, right: string) => (left < right ? left : right);

/**
 * The sales tables the funnel of `month` needs, read before `asOf`. Leads, consultations and funnel
 * customers are read in full (the definitions look back: a deal's cycle starts at its lead's opt-in,
 * a programme ending this month started earlier, a referral tag may be on any lead); e-mails from
 * the month's start to 7 days after its end (the 7-day active rate of leads who opted in at the end of
 * the month); success records and KPI rows of the month only.
 */
async function salesTablesFor(store: Store, range: { start: number; end: number }, asOf: string) {
  const all = { to: asOf, limit: maxTableRows + 1 };
  const month = { from: iso(range.start), to: earlier(iso(range.end), asOf), limit: maxTableRows + 1 };
  const emailWindow = {
    from: iso(range.start),
    to: earlier(iso(range.end + 7 * day), asOf),
    limit: maxTableRows + 1,
  };
  // KPI rows are filed under their local date at midnight UTC: widen by a day on both sides and let
  // the engine keep the month's dates.
  const kpiWindow = { from: iso(range.start - day), to: iso(range.end + day), limit: maxTableRows + 1 };
  const empty = month.from >= month.to;
  const [leads, emailEngagements, consultations, customers, customerSuccess, kpiDaily] = await Promise.all([
    store.listRecords('lead', all),
    empty ? [] : store.listRecords('emailEngagement', emailWindow),
    store.listRecords('consultation', all),
    store.listRecords('funnelCustomer', all),
    empty ? [] : store.listRecords('customerSuccess', month),
    store.listRecords('kpiDaily', kpiWindow),
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

/**
 * The month's revenue period as `GET /v1/revenue` computes it (subscription events before the
 * earlier of `asOf` and the month's end), or `undefined` when there are none for the month.
 */
async function revenueOfMonth(
  store: Store,
  month: string,
  range: { end: number },
  asOf: string,
  timeZone: string,
): Promise<RevenuePeriod | undefined> {
  const until = earlier(iso(range.end), asOf);
  const events = await store.listRecords('subscriptionEvent', { to: until, limit: maxTableRows + 1 });
  if (events.length === 0) return undefined;
  const report = computeRevenueMetrics(withinLimit(events), { asOf: until, period: 'month', timeZone });
  return report.periods.find((period) => period.periodStart === `${month}-01`);
}

/** The seven levels of the sales funnel against their targets for one month, with the bottleneck. */
export function salesFunnelRoutes(context: ApiContext): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/dashboards/sales-funnel',
      operationId: 'getSalesFunnel',
      summary: 'The seven sales-funnel levels vs targets for a month, with the bottleneck',
      description:
        "computeSalesFunnel and findBottleneck of @kizuna/funnel over the stored sales tables (leads, e-mails, consultations, funnel customers, success records, KPI_Daily). The financial KPIs come from the month's revenue period as GET /v1/revenue computes it (no_data when there are no subscription events).",
      tag: 'revenue',
      scope: 'read',
      usesStore: true,
      query: z.object({
        month: z
          .string({ error: 'expected a month such as 2026-04' })
          .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'expected a month such as 2026-04' })
          .meta({ description: 'The calendar month (YYYY-MM).' }),
        timeZone: timeZoneSchema
          .optional()
          .meta({ description: "The month's calendar. Defaults to the API's time zone (Asia/Tokyo)." }),
        asOf: instantSchema
          .optional()
          .meta({ description: 'Records at or after it are ignored. Defaults to now.' }),
      }),
      responses: {
        200: { description: 'The funnel and its bottleneck', schema: salesFunnelResponseSchema },
      },
      handle: async ({ query }) => {
        const asOf = resolveAsOf(context, query.asOf);
        const timeZone = query.timeZone ?? context.timeZone;
        const range = monthRange(query.month, timeZone);
        const [tables, revenue] = await Promise.all([
          salesTablesFor(context.store, range, asOf),
          revenueOfMonth(context.store, query.month, range, asOf, timeZone),
        ]);
        const funnel = computeSalesFunnel(tables, { month: query.month, timeZone, asOf }, revenue);
        return { body: { month: query.month, funnel, bottleneck: findBottleneck(funnel) } };
      },
    }),
  ];
}
