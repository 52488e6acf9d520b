import { defaultTimeZone, parseInput, timeZoneSchema } from '@kizuna/core';
import * as z from 'zod';
import { type DistributionSummary, summarizeDistribution } from '../statistics/quantiles';
import { ratioOrNull } from '../statistics/ratio';
import { monthRange } from '../time/month-range';
import { type SalesTablesInput, salesTablesSchema } from './sales-tables';

/** Options of {@link computeSalesCycle}. */
export const salesCycleOptionsSchema = z
  .object({
    /** Only deals that started in this month (`YYYY-MM`). @defaultValue every deal */
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
      .optional(),
    /** @defaultValue 'Asia/Tokyo' */
    timeZone: timeZoneSchema.default(defaultTimeZone),
    /** The target cycle in days (seeds/002: 14–21 days). @defaultValue 21 */
    targetDays: z.number().positive().default(21),
  })
  .strict();

/** Options of {@link computeSalesCycle} as you may write them. */
export type SalesCycleOptionsInput = z.input<typeof salesCycleOptionsSchema>;

/** The sales cycle and its distribution; durations in days (24-hour days, fractional). */
export interface SalesCycle {
  /** Deals measured (customers whose lead is known). */
  readonly deals: number;
  /** Lead opt-in → first consultation (seed: 7 days). */
  readonly leadToConsultation: DistributionSummary | null;
  /** First consultation → contract start (seed: 7–14 days). */
  readonly consultationToContract: DistributionSummary | null;
  /** Lead opt-in → contract start (seed: 14–21 days). */
  readonly total: DistributionSummary | null;
  /** Deals per bucket of the total cycle. */
  readonly distribution: readonly { readonly label: string; readonly deals: number }[];
  /** Share of deals closed within the target. */
  readonly withinTarget: number | null;
}

const day = 86_400_000;
const buckets = [
  { label: '0–7 days', upTo: 7 },
  { label: '8–14 days', upTo: 14 },
  { label: '15–21 days', upTo: 21 },
  { label: '22–30 days', upTo: 30 },
  { label: 'over 30 days', upTo: Number.POSITIVE_INFINITY },
];

/**
 * The average sales cycle (lead → consultation → contract) of seeds/002 with its distribution: for
 * each deal (a Customers row whose lead is in Leads), the days from the lead's opt-in to their first
 * consultation (the earliest attended one, else the earliest booked) and from there to the
 * customer's start. Buckets: 0–7, 8–14, 15–21, 22–30 and over 30 days (a bucket holds cycles up to
 * its upper bound, e.g. 7.5 days falls in 8–14).
 *
 * @throws KizunaValidationError for invalid tables or options
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
 * console.log(computeSalesCycle(tables, { month: '2026-04' }).total?.mean); // 11 days: opt-in 1 April, deal 12 April
 * ```
 */
export function computeSalesCycle(
  tablesInput: SalesTablesInput,
  optionsInput: SalesCycleOptionsInput = {},
): SalesCycle {
  const options = parseInput(salesCycleOptionsSchema, optionsInput, 'sales cycle options');
  const tables = parseInput(salesTablesSchema, tablesInput, 'sales tables');
  const range = options.month === undefined ? undefined : monthRange(options.month, options.timeZone);
  const leads = new Map(tables.leads.map((lead) => [lead.id, lead]));
  const leadToConsultation: number[] = [];
  const consultationToContract: number[] = [];
  const total: number[] = [];
  const deals = tables.customers
    .filter((customer) => {
      if (range === undefined) return true;
      const start = Date.parse(customer.startedAt);
      return start >= range.start && start < range.end;
    })
    .sort((left, right) => (left.id < right.id ? -1 : 1));
  for (const customer of deals) {
    const lead = leads.get(customer.leadId);
    if (lead === undefined) continue;
    const optIn = Date.parse(lead.optInAt);
    const started = Date.parse(customer.startedAt);
    total.push((started - optIn) / day);
    const consultations = tables.consultations
      .filter(
        (consultation) => consultation.leadId === lead.id && Date.parse(consultation.scheduledAt) <= started,
      )
      .sort(
        (left, right) =>
          Number(right.attended) - Number(left.attended) || (left.scheduledAt < right.scheduledAt ? -1 : 1),
      );
    const first = consultations[0];
    if (first === undefined) continue;
    const held = Date.parse(first.scheduledAt);
    leadToConsultation.push((held - optIn) / day);
    consultationToContract.push((started - held) / day);
  }
  const distribution = buckets.map((bucket, index) => ({
    label: bucket.label,
    deals: total.filter((value) => value <= bucket.upTo && (index === 0 || value > buckets[index - 1]!.upTo))
      .length,
  }));
  return {
    deals: total.length,
    leadToConsultation: summarizeDistribution(leadToConsultation),
    consultationToContract: summarizeDistribution(consultationToContract),
    total: summarizeDistribution(total),
    distribution,
    withinTarget: ratioOrNull(total.filter((value) => value <= options.targetDays).length, total.length),
  };
}
