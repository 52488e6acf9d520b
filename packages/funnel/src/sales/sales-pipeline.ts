import {
  defaultTimeZone,
  instantSchema,
  KizunaValidationError,
  parseInput,
  timeZoneSchema,
} from '@kizuna/core';
import * as z from 'zod';
import { ratioOrNull } from '../statistics/ratio';
import { monthRange } from '../time/month-range';
import { type SalesTablesInput, salesTablesSchema } from './sales-tables';

/** Options of {@link analyzeSalesPipeline}. */
export const salesPipelineOptionsSchema = z
  .object({
    /** The month for deals by plan and the forecast, `YYYY-MM`. */
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'expected a month such as 2026-04' }),
    /** The instant the pipeline is looked at. */
    asOf: instantSchema,
    /** @defaultValue 'Asia/Tokyo' */
    timeZone: timeZoneSchema.default(defaultTimeZone),
    /** Days of history for the close rate and average deal value of the forecast. @defaultValue 90 */
    lookbackDays: z.number().int().positive().default(90),
    /** A pending consultation older than this many days is left out of the forecast (seed: 7–14 days to close). @defaultValue 14 */
    closeWithinDays: z.number().int().positive().default(14),
  })
  .strict();

/** Options of {@link analyzeSalesPipeline} as you may write them. */
export type SalesPipelineOptionsInput = z.input<typeof salesPipelineOptionsSchema>;

/** One open deal: a consultation whose outcome is still pending (検討中). */
export interface PipelineEntry {
  readonly consultationId: string;
  readonly leadId: string;
  readonly leadName?: string;
  readonly source?: string;
  readonly scheduledAt: string;
  readonly attended: boolean;
  readonly followUpAt?: string;
  /** Whole days since the consultation (negative when it is still ahead). */
  readonly daysSinceConsultation: number;
  /** True when `followUpAt` has passed. */
  readonly followUpOverdue: boolean;
}

/** Deals, pipeline and the month's revenue forecast (money in minor units of `currency`). */
export interface SalesPipeline {
  readonly month: string;
  readonly currency: string;
  /** Deals started in the month by plan, most deals first. */
  readonly dealsByPlan: readonly {
    readonly plan: string;
    readonly deals: number;
    readonly revenue: number;
    readonly share: number;
  }[];
  /** Open deals, oldest consultation first. */
  readonly pipeline: readonly PipelineEntry[];
  readonly forecast: {
    /** Revenue of deals already started in the month (before asOf). */
    readonly booked: number;
    /** Pending consultations counted in the forecast. */
    readonly openDeals: number;
    /** won ÷ (won + lost) over the lookback; null without decided consultations. */
    readonly closeRate: number | null;
    /** Mean price of deals started in the lookback; null without deals. */
    readonly averageDealValue: number | null;
    /** openDeals × closeRate × averageDealValue (0 when either is unknown). */
    readonly expectedFromPipeline: number;
    /** booked + expectedFromPipeline. */
    readonly forecast: number;
    readonly explanation: string;
  };
}

const day = 86_400_000;

/**
 * The sales dashboard's pipeline view (seeds/002 C8.3): deals by plan for the month, the list of
 * open deals (consultations pending a decision), and a monthly revenue forecast:
 * forecast = booked + open deals × close rate × average deal value, where booked is the price of
 * deals started in the month before `asOf`, open deals are pending consultations held or booked from
 * `closeWithinDays` before `asOf` to the end of the month, and the close rate and average deal value
 * come from the `lookbackDays` before `asOf`. Every figure behind the forecast is returned.
 *
 * @throws KizunaValidationError for invalid tables or options, or mixed currencies in prices
 * @example
 * ```ts
 * const tables: SalesTablesInput = {
 *   leads: [
 *     { id: 'L1', source: 'ads', optInAt: '2026-04-01T00:00:00Z' },
 *     { id: 'L2', source: 'sns', optInAt: '2026-04-03T00:00:00Z' },
 *     { id: 'L3', source: 'seo', optInAt: '2026-04-06T00:00:00Z' },
 *   ],
 *   emailEngagements: ['L1', 'L2', 'L3'].map((leadId, index) => ({ id: `e${index}`, leadId, campaignId: 'welcome',
 *     sentAt: '2026-04-07T00:00:00Z', opened: leadId === 'L1', clicked: leadId === 'L1' })),
 *   consultations: [{ id: 'c1', leadId: 'L1', requestedAt: '2026-04-02T00:00:00Z',
 *     scheduledAt: '2026-04-10T01:00:00Z', attended: true, outcome: 'won' }],
 *   customers: [{ id: 'C1', leadId: 'L1', plan: 'standard', price: { amount: 300_000 },
 *     startedAt: '2026-04-12T00:00:00Z', status: 'active' }],
 * };
 * const pipeline = analyzeSalesPipeline(tables, { month: '2026-04', asOf: '2026-04-25T00:00:00Z' });
 * console.log(pipeline.forecast.forecast); // 300000: the deal booked in April, no open consultations
 * ```
 */
export function analyzeSalesPipeline(
  tablesInput: SalesTablesInput,
  optionsInput: SalesPipelineOptionsInput,
): SalesPipeline {
  const options = parseInput(salesPipelineOptionsSchema, optionsInput, 'sales pipeline options');
  const tables = parseInput(salesTablesSchema, tablesInput, 'sales tables');
  const range = monthRange(options.month, options.timeZone);
  const asOf = Date.parse(options.asOf);
  const currencies = new Set(tables.customers.map((customer) => customer.price.currency));
  if (currencies.size > 1)
    throw KizunaValidationError.forField(
      'sales tables',
      'customers[].price.currency',
      `prices mix currencies (${[...currencies].join(', ')}); convert them to one currency first`,
    );
  const currency = [...currencies][0] ?? 'JPY';
  const leads = new Map(tables.leads.map((lead) => [lead.id, lead]));

  const monthDeals = tables.customers.filter((customer) => {
    const start = Date.parse(customer.startedAt);
    return start >= range.start && start < range.end && start < asOf;
  });
  const plans = new Map<string, { deals: number; revenue: number }>();
  for (const customer of monthDeals) {
    const row = plans.get(customer.plan) ?? { deals: 0, revenue: 0 };
    row.deals += 1;
    row.revenue += customer.price.amount;
    plans.set(customer.plan, row);
  }
  const dealsByPlan = [...plans.entries()]
    .map(([plan, row]) => ({ plan, ...row, share: row.deals / monthDeals.length }))
    .sort((left, right) => right.deals - left.deals || (left.plan < right.plan ? -1 : 1));

  const pipeline: PipelineEntry[] = tables.consultations
    .filter((consultation) => consultation.outcome === 'pending')
    .sort((left, right) =>
      left.scheduledAt < right.scheduledAt
        ? -1
        : left.scheduledAt > right.scheduledAt
          ? 1
          : left.id < right.id
            ? -1
            : 1,
    )
    .map((consultation) => {
      const lead = leads.get(consultation.leadId);
      return {
        consultationId: consultation.id,
        leadId: consultation.leadId,
        ...(lead?.name === undefined ? {} : { leadName: lead.name }),
        ...(lead === undefined ? {} : { source: lead.source }),
        scheduledAt: consultation.scheduledAt,
        attended: consultation.attended,
        ...(consultation.followUpAt === undefined ? {} : { followUpAt: consultation.followUpAt }),
        daysSinceConsultation: Math.floor((asOf - Date.parse(consultation.scheduledAt)) / day),
        followUpOverdue: consultation.followUpAt !== undefined && Date.parse(consultation.followUpAt) < asOf,
      };
    });

  const lookbackStart = asOf - options.lookbackDays * day;
  const recent = tables.consultations.filter((consultation) => {
    const time = Date.parse(consultation.scheduledAt);
    return time >= lookbackStart && time < asOf && consultation.attended;
  });
  const won = recent.filter((consultation) => consultation.outcome === 'won').length;
  const lost = recent.filter((consultation) => consultation.outcome === 'lost').length;
  const closeRate = ratioOrNull(won, won + lost);
  const recentDeals = tables.customers.filter((customer) => {
    const time = Date.parse(customer.startedAt);
    return time >= lookbackStart && time < asOf;
  });
  const averageDealValue = ratioOrNull(
    recentDeals.reduce((sum, customer) => sum + customer.price.amount, 0),
    recentDeals.length,
  );
  const openDeals = pipeline.filter((entry) => {
    const time = Date.parse(entry.scheduledAt);
    return time >= asOf - options.closeWithinDays * day && time < range.end;
  }).length;
  const booked = monthDeals.reduce((sum, customer) => sum + customer.price.amount, 0);
  const expectedFromPipeline =
    closeRate === null || averageDealValue === null ? 0 : openDeals * closeRate * averageDealValue;
  return {
    month: options.month,
    currency,
    dealsByPlan,
    pipeline,
    forecast: {
      booked,
      openDeals,
      closeRate,
      averageDealValue,
      expectedFromPipeline,
      forecast: booked + expectedFromPipeline,
      explanation: `booked ${booked} + ${openDeals} open deal(s) × close rate ${closeRate === null ? 'unknown' : closeRate.toFixed(3)} × average deal ${averageDealValue === null ? 'unknown' : Math.round(averageDealValue)}`,
    },
  };
}
