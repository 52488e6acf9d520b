import { instantSchema, localDate, parseInput } from '@kizuna/core';
import * as z from 'zod';
import { salesTablesSchema } from '../sales/sales-tables';
import { ratioOrNull } from '../statistics/ratio';
import { computeNps } from '../success/survey-scores';
import { previousMonth } from '../time/month-range';

/** Inputs of {@link buildCustomerSuccessDashboard} beyond the tables. */
export const customerSuccessDashboardInputSchema = z
  .object({
    /** The instant the dashboard shows. */
    asOf: instantSchema,
    /** @defaultValue 'Asia/Tokyo' */
    timeZone: z.string().default('Asia/Tokyo'),
    /** Months in the NPS trend, ending with asOf's month. @defaultValue 6 */
    npsMonths: z.number().int().positive().default(6),
    /** Churn alerts to show (e.g. from the churn package): customer, risk and why. @defaultValue [] */
    churnAlerts: z
      .array(
        z.object({
          customerId: z.string().min(1),
          churnProbability: z.number().min(0).max(1),
          reasons: z.array(z.string()).default([]),
        }),
      )
      .default([]),
    /** Upsell opportunities (e.g. from the health package's expansion engine). @defaultValue [] */
    upsellOpportunities: z
      .array(
        z.object({
          customerId: z.string().min(1),
          offer: z.string().min(1),
          confidence: z.number().min(0).max(1),
          monthlyValue: z.number().optional(),
        }),
      )
      .default([]),
  })
  .strict();

/** Inputs of {@link buildCustomerSuccessDashboard} as you may write them. */
export type CustomerSuccessDashboardInput = z.input<typeof customerSuccessDashboardInputSchema>;

/** The customer-success dashboard (seeds/002 C8.3 dashboard 4). */
export interface CustomerSuccessDashboard {
  readonly asOf: string;
  /** Customers whose programme is active at asOf. */
  readonly activeCustomers: number;
  /** Programme progress per active customer: share of its term elapsed (null without an end date). */
  readonly programmeProgress: readonly {
    readonly customerId: string;
    readonly plan: string;
    readonly startedAt: string;
    readonly endedAt?: string;
    readonly progress: number | null;
  }[];
  /** Revenue growth (after − before) ÷ before: average and per customer (latest record each). */
  readonly revenueGrowth: {
    readonly average: number | null;
    readonly byCustomer: readonly { readonly customerId: string; readonly growth: number }[];
  };
  /** NPS per month from the success records' scores, oldest first. */
  readonly npsTrend: readonly {
    readonly month: string;
    readonly nps: number | null;
    readonly responses: number;
  }[];
  /** Highest churn probability first. */
  readonly churnAlerts: z.output<typeof customerSuccessDashboardInputSchema>['churnAlerts'];
  /** Highest confidence first. */
  readonly upsellOpportunities: z.output<typeof customerSuccessDashboardInputSchema>['upsellOpportunities'];
}

/**
 * Builds the customer-success dashboard from the Customers and Customer_Success tables: active
 * customers, programme progress per customer (elapsed share of start → end), revenue growth
 * (average and per customer, from each customer's latest success record), the monthly NPS trend,
 * and the churn alerts and upsell opportunities it is given, sorted.
 *
 * @throws KizunaValidationError for invalid tables or inputs
 * @example
 * ```ts
 * const tables: SalesTablesInput = {
 *   customerSuccess: [
 *     { id: 's1', customerId: 'C1', revenueBefore: { amount: 500_000 }, revenueAfter: { amount: 800_000 },
 *       npsScore: 10, recordedAt: '2026-04-10T00:00:00Z' },
 *     { id: 's2', customerId: 'C2', revenueBefore: { amount: 400_000 }, revenueAfter: { amount: 400_000 },
 *       npsScore: 5, recordedAt: '2026-04-20T00:00:00Z' },
 *   ],
 * };
 * const dashboard = buildCustomerSuccessDashboard(tables, { asOf: '2026-04-30T00:00:00Z' });
 * // One promoter (10) and one detractor (5) in April: NPS 50 % − 50 % = 0.
 * console.log(dashboard.npsTrend.at(-1)); // { month: '2026-04', nps: 0, responses: 2 }
 * ```
 */
export function buildCustomerSuccessDashboard(
  tablesInput: z.input<typeof salesTablesSchema>,
  input: CustomerSuccessDashboardInput,
): CustomerSuccessDashboard {
  const options = parseInput(customerSuccessDashboardInputSchema, input, 'customer success dashboard input');
  const tables = parseInput(salesTablesSchema, tablesInput, 'sales tables');
  const asOf = Date.parse(options.asOf);
  const active = tables.customers
    .filter(
      (customer) =>
        customer.status === 'active' &&
        Date.parse(customer.startedAt) <= asOf &&
        (customer.endedAt === undefined || Date.parse(customer.endedAt) > asOf),
    )
    .sort((left, right) => (left.id < right.id ? -1 : 1));
  const latest = new Map<string, (typeof tables.customerSuccess)[number]>();
  for (const record of tables.customerSuccess) {
    if (Date.parse(record.recordedAt) > asOf) continue;
    const seen = latest.get(record.customerId);
    if (seen === undefined || record.recordedAt > seen.recordedAt) latest.set(record.customerId, record);
  }
  const byCustomer = [...latest.values()]
    .filter((record) => record.revenueBefore.amount > 0)
    .map((record) => ({
      customerId: record.customerId,
      growth: (record.revenueAfter.amount - record.revenueBefore.amount) / record.revenueBefore.amount,
    }))
    .sort((left, right) => right.growth - left.growth || (left.customerId < right.customerId ? -1 : 1));
  const months: string[] = [localDate(asOf, options.timeZone).slice(0, 7)];
  while (months.length < options.npsMonths) months.unshift(previousMonth(months[0]!));
  const npsTrend = months.map((month) => {
    const scores = tables.customerSuccess
      .filter(
        (record) =>
          localDate(record.recordedAt, options.timeZone).startsWith(month) &&
          Date.parse(record.recordedAt) <= asOf,
      )
      .map((record) => record.npsScore)
      .filter((score): score is number => score !== undefined);
    const nps = computeNps(scores);
    return { month, nps: nps.nps, responses: nps.responses };
  });
  return {
    asOf: options.asOf,
    activeCustomers: active.length,
    programmeProgress: active.map((customer) => {
      const start = Date.parse(customer.startedAt);
      const end = customer.endedAt === undefined ? undefined : Date.parse(customer.endedAt);
      return {
        customerId: customer.id,
        plan: customer.plan,
        startedAt: customer.startedAt,
        ...(customer.endedAt === undefined ? {} : { endedAt: customer.endedAt }),
        progress: end === undefined ? null : Math.min(1, Math.max(0, (asOf - start) / (end - start))),
      };
    }),
    revenueGrowth: {
      average: ratioOrNull(
        byCustomer.reduce((sum, row) => sum + row.growth, 0),
        byCustomer.length,
      ),
      byCustomer,
    },
    npsTrend,
    churnAlerts: [...options.churnAlerts].sort(
      (left, right) =>
        right.churnProbability - left.churnProbability || (left.customerId < right.customerId ? -1 : 1),
    ),
    upsellOpportunities: [...options.upsellOpportunities].sort(
      (left, right) => right.confidence - left.confidence || (left.customerId < right.customerId ? -1 : 1),
    ),
  };
}
