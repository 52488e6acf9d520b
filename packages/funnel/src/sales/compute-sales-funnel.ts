import { defaultTimeZone, instantSchema, parseInput, timeZoneSchema } from '@kizuna/core';
import * as z from 'zod';
import type { RevenuePeriod } from '../revenue/compute-revenue-metrics';
import { ratioOrNull } from '../statistics/ratio';
import { monthRange } from '../time/month-range';
import { evaluateKpi, type KpiComparison, type KpiResult, type KpiUnit } from './kpi';
import { type SalesTablesInput, salesTablesSchema } from './sales-tables';

/** The default targets of seeds/002 C8.1 (funnel levels) and its financial KPIs, per KPI id. */
export const defaultSalesFunnelTargets = {
  'awareness.impressions': 1_000_000,
  'awareness.profile_click_rate': 0.03,
  'awareness.website_visitors': 1_000,
  'lead_capture.lp_visitors': 500,
  'lead_capture.opt_in_rate': 0.15,
  'lead_capture.leads': 500,
  'nurture.open_rate': 0.35,
  'nurture.click_rate': 0.08,
  'nurture.seven_day_active_rate': 0.4,
  'consultation.request_rate': 0.25,
  'consultation.attendance_rate': 0.9,
  'consultation.consultations': 40,
  'close.close_rate': 0.8,
  'close.deals': 10,
  'close.average_cycle_days': 21,
  'success.revenue_growth': 2,
  'success.completion_rate': 0.9,
  'success.nps': 50,
  'retention.continuation_rate': 0.6,
  'retention.upsell_rate': 0.4,
  'retention.referral_rate': 0.5,
  'financial.mrr': 8_330_000,
  'financial.ltv': 1_500_000,
  'financial.cac': 300_000,
  'financial.ltv_to_cac': 5,
  'financial.churn_rate': 0.15,
} as const;

/** A KPI id of the sales funnel. */
export type SalesKpiId = keyof typeof defaultSalesFunnelTargets;

/** Options of {@link computeSalesFunnel}. */
export const salesFunnelOptionsSchema = z
  .object({
    /** The month measured, `YYYY-MM` (the seed's targets are monthly). */
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'expected a month such as 2026-04' }),
    /** @defaultValue 'Asia/Tokyo' */
    timeZone: timeZoneSchema.default(defaultTimeZone),
    /** Consultations scheduled at or after this instant are not counted yet. @defaultValue the end of the month */
    asOf: instantSchema.optional(),
    /** Override any default target by KPI id. @defaultValue {} */
    targets: z.record(z.string(), z.number()).default({}),
    /** Tag on a lead naming the customer who referred them, followed by the customer id. @defaultValue 'referred-by:' */
    referralTagPrefix: z.string().min(1).default('referred-by:'),
  })
  .strict();

/** Options of {@link computeSalesFunnel} as you may write them. */
export type SalesFunnelOptionsInput = z.input<typeof salesFunnelOptionsSchema>;

/** One level of the sales funnel (0 awareness … 6 retention/upsell) with its KPIs. */
export interface SalesFunnelLevel {
  readonly level: number;
  readonly id: string;
  readonly name: string;
  readonly kpis: readonly KpiResult[];
}

/** The result of {@link computeSalesFunnel}. */
export interface SalesFunnelResult {
  readonly month: string;
  readonly levels: readonly SalesFunnelLevel[];
  /** MRR, LTV, CAC, LTV/CAC, churn — `no_data` unless a revenue period was given. */
  readonly financial: readonly KpiResult[];
}

const levelNames = [
  ['awareness', 'Awareness'],
  ['lead_capture', 'Lead capture'],
  ['nurture', 'Nurture'],
  ['consultation', 'Consultation'],
  ['close', 'Close'],
  ['success', 'Customer success'],
  ['retention', 'Retention and upsell'],
] as const;

const day = 86_400_000;

/**
 * The sales funnel of seeds/002 C8 for one month: the seven levels with every KPI of DOMAIN.md §8
 * against its default (or overridden) target — value, status, gap, attainment and the counts it came
 * from. Definitions (all for the month, in `timeZone`):
 * - awareness: impressions, profile clicks ÷ impressions, website visitors (KPI_Daily sums);
 * - lead capture: LP visitors (KPI_Daily), leads opted in (Leads), opt-in rate = leads ÷ LP visitors;
 * - nurture: opened ÷ sent and clicked ÷ sent over e-mails sent in the month; 7-day active = leads
 *   who opted in this month and opened an e-mail sent within 7 days of opting in ÷ those leads;
 * - consultation: request rate = this month's leads with a consultation ÷ this month's leads;
 *   attendance = attended ÷ consultations scheduled in the month (before `asOf`); consultations = attended;
 * - close: close rate = won ÷ decided (won + lost) among attended consultations of the month
 *   (pending ones are reported, not counted); deals = customers started in the month; average cycle =
 *   mean days from the lead's opt-in to the customer's start, over those deals;
 * - customer success: revenue growth = mean (after − before) ÷ before (2 = +200 %) and NPS over
 *   success records of the month; completion = completed ÷ (completed + churned) among programmes
 *   that ended in the month;
 * - retention: among programmes completed in the month, continuation = the lead started another
 *   programme after it, upsell = at a higher price, referral = referred a lead (tag `referred-by:<id>`);
 * - financial: from `revenue` (a {@link RevenuePeriod} of {@link computeRevenueMetrics}).
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
 * const funnel = computeSalesFunnel(tables, { month: '2026-04' });
 * console.log(findBottleneck(funnel)?.reason); // 'Lead capture: leads captured 3 is below its target 500 (1% of target)'
 * ```
 */
export function computeSalesFunnel(
  tablesInput: SalesTablesInput,
  optionsInput: SalesFunnelOptionsInput,
  revenue?: RevenuePeriod,
): SalesFunnelResult {
  const options = parseInput(salesFunnelOptionsSchema, optionsInput, 'sales funnel options');
  const tables = parseInput(salesTablesSchema, tablesInput, 'sales tables');
  const range = monthRange(options.month, options.timeZone);
  const asOf = options.asOf === undefined ? range.end : Math.min(range.end, Date.parse(options.asOf));
  const inMonth = (instant: string | undefined) => {
    if (instant === undefined) return false;
    const time = Date.parse(instant);
    return time >= range.start && time < range.end;
  };
  const targets: Record<string, number> = { ...defaultSalesFunnelTargets, ...options.targets };
  const kpi = (
    id: SalesKpiId,
    name: string,
    value: number | null,
    unit: KpiUnit,
    formula: string,
    inputs: Record<string, number>,
    comparison: KpiComparison = 'at_least',
  ) => evaluateKpi({ id, name, value, target: targets[id]!, comparison, unit, formula, inputs });

  // KPI_Daily of the month (dates are local calendar dates).
  const daily = tables.kpiDaily.filter((row) => row.date.startsWith(options.month));
  const sum = (field: 'impressions' | 'profileClicks' | 'websiteVisitors' | 'lpVisitors') =>
    daily.reduce((total, row) => total + row[field], 0);
  const impressions = sum('impressions');
  const profileClicks = sum('profileClicks');
  const websiteVisitors = sum('websiteVisitors');
  const lpVisitors = sum('lpVisitors');
  const hasDaily = daily.length > 0;

  const leads = tables.leads.filter((lead) => inMonth(lead.optInAt));
  const leadById = new Map(tables.leads.map((lead) => [lead.id, lead]));
  const sent = tables.emailEngagements.filter((email) => inMonth(email.sentAt));
  const opened = sent.filter((email) => email.opened).length;
  const clicked = sent.filter((email) => email.clicked).length;
  const activeLeads = new Set(
    tables.emailEngagements
      .filter((email) => {
        const lead = leadById.get(email.leadId);
        if (lead === undefined || !inMonth(lead.optInAt) || !email.opened) return false;
        const since = Date.parse(email.sentAt) - Date.parse(lead.optInAt);
        return since >= 0 && since <= 7 * day;
      })
      .map((email) => email.leadId),
  );

  const consultationLeads = new Set(tables.consultations.map((consultation) => consultation.leadId));
  const requested = leads.filter((lead) => consultationLeads.has(lead.id)).length;
  const scheduled = tables.consultations.filter(
    (consultation) => inMonth(consultation.scheduledAt) && Date.parse(consultation.scheduledAt) < asOf,
  );
  const attended = scheduled.filter((consultation) => consultation.attended);
  const won = attended.filter((consultation) => consultation.outcome === 'won').length;
  const lost = attended.filter((consultation) => consultation.outcome === 'lost').length;

  const deals = tables.customers.filter((customer) => inMonth(customer.startedAt));
  const cycles = deals
    .map((customer) => {
      const lead = leadById.get(customer.leadId);
      return lead === undefined
        ? undefined
        : (Date.parse(customer.startedAt) - Date.parse(lead.optInAt)) / day;
    })
    .filter((value): value is number => value !== undefined);

  const success = tables.customerSuccess.filter((record) => inMonth(record.recordedAt));
  const growth = success
    .filter((record) => record.revenueBefore.amount > 0)
    .map(
      (record) => (record.revenueAfter.amount - record.revenueBefore.amount) / record.revenueBefore.amount,
    );
  const scores = success
    .map((record) => record.npsScore)
    .filter((score): score is number => score !== undefined);
  const promoters = scores.filter((score) => score >= 9).length;
  const detractors = scores.filter((score) => score <= 6).length;
  const ended = tables.customers.filter((customer) => inMonth(customer.endedAt));
  const completed = ended.filter((customer) => customer.status === 'completed');
  const churned = ended.filter((customer) => customer.status === 'churned').length;
  const continuations = completed.map((customer) =>
    tables.customers.find(
      (next) =>
        next.leadId === customer.leadId &&
        next.id !== customer.id &&
        next.startedAt >= (customer.endedAt ?? customer.startedAt),
    ),
  );
  const continued = continuations.filter((next) => next !== undefined).length;
  const upsold = continuations.filter(
    (next, index) => next !== undefined && next.price.amount > completed[index]!.price.amount,
  ).length;
  const referrers = new Set(
    tables.leads.flatMap((lead) =>
      lead.tags
        .filter((tag) => tag.startsWith(options.referralTagPrefix))
        .map((tag) => tag.slice(options.referralTagPrefix.length)),
    ),
  );
  const referred = completed.filter((customer) => referrers.has(customer.id)).length;

  const levels: SalesFunnelLevel[] = [
    [
      kpi(
        'awareness.impressions',
        'Monthly impressions',
        hasDaily ? impressions : null,
        'count',
        'Σ impressions (KPI_Daily)',
        { impressions },
      ),
      kpi(
        'awareness.profile_click_rate',
        'Profile click rate',
        ratioOrNull(profileClicks, impressions),
        'ratio',
        'profile clicks ÷ impressions',
        { profileClicks, impressions },
      ),
      kpi(
        'awareness.website_visitors',
        'Website visitors',
        hasDaily ? websiteVisitors : null,
        'count',
        'Σ website visitors (KPI_Daily)',
        { websiteVisitors },
      ),
    ],
    [
      kpi(
        'lead_capture.lp_visitors',
        'Landing-page visitors',
        hasDaily ? lpVisitors : null,
        'count',
        'Σ LP visitors (KPI_Daily)',
        { lpVisitors },
      ),
      kpi(
        'lead_capture.opt_in_rate',
        'Opt-in rate',
        ratioOrNull(leads.length, lpVisitors),
        'ratio',
        'leads opted in ÷ LP visitors',
        { leads: leads.length, lpVisitors },
      ),
      kpi('lead_capture.leads', 'Leads captured', leads.length, 'count', 'leads with opt-in in the month', {
        leads: leads.length,
      }),
    ],
    [
      kpi(
        'nurture.open_rate',
        'Email open rate',
        ratioOrNull(opened, sent.length),
        'ratio',
        'opened ÷ sent, e-mails sent in the month',
        { opened, sent: sent.length },
      ),
      kpi(
        'nurture.click_rate',
        'Email click rate',
        ratioOrNull(clicked, sent.length),
        'ratio',
        'clicked ÷ sent, e-mails sent in the month',
        { clicked, sent: sent.length },
      ),
      kpi(
        'nurture.seven_day_active_rate',
        '7-day active rate',
        ratioOrNull(activeLeads.size, leads.length),
        'ratio',
        "leads who opened an e-mail within 7 days of opt-in ÷ the month's leads",
        { active: activeLeads.size, leads: leads.length },
      ),
    ],
    [
      kpi(
        'consultation.request_rate',
        'Lead → consultation request',
        ratioOrNull(requested, leads.length),
        'ratio',
        "the month's leads with a consultation ÷ the month's leads",
        { requested, leads: leads.length },
      ),
      kpi(
        'consultation.attendance_rate',
        'Request → attendance',
        ratioOrNull(attended.length, scheduled.length),
        'ratio',
        'attended ÷ consultations scheduled in the month',
        { attended: attended.length, scheduled: scheduled.length },
      ),
      kpi(
        'consultation.consultations',
        'Consultations held',
        attended.length,
        'count',
        'attended consultations in the month',
        { attended: attended.length },
      ),
    ],
    [
      kpi(
        'close.close_rate',
        'Consultation → deal',
        ratioOrNull(won, won + lost),
        'ratio',
        'won ÷ (won + lost) among attended consultations (pending excluded)',
        { won, lost, pending: attended.length - won - lost },
      ),
      kpi('close.deals', 'Deals closed', deals.length, 'count', 'customers started in the month', {
        deals: deals.length,
      }),
      kpi(
        'close.average_cycle_days',
        'Average sales cycle',
        cycles.length === 0 ? null : cycles.reduce((total, value) => total + value, 0) / cycles.length,
        'days',
        "mean days from the lead's opt-in to the customer's start",
        { deals: cycles.length },
        'at_most',
      ),
    ],
    [
      kpi(
        'success.revenue_growth',
        'Average customer revenue growth',
        growth.length === 0 ? null : growth.reduce((total, value) => total + value, 0) / growth.length,
        'ratio',
        'mean (revenue after − before) ÷ before (2 = +200 %)',
        { records: growth.length },
      ),
      kpi(
        'success.completion_rate',
        'Programme completion',
        ratioOrNull(completed.length, completed.length + churned),
        'ratio',
        'completed ÷ (completed + churned), programmes ended in the month',
        { completed: completed.length, churned },
      ),
      kpi(
        'success.nps',
        'NPS',
        scores.length === 0 ? null : ((promoters - detractors) / scores.length) * 100,
        'score',
        '% promoters (9–10) − % detractors (0–6)',
        { promoters, detractors, responses: scores.length },
      ),
    ],
    [
      kpi(
        'retention.continuation_rate',
        'Continuation',
        ratioOrNull(continued, completed.length),
        'ratio',
        'completed programmes followed by another ÷ completed',
        { continued, completed: completed.length },
      ),
      kpi(
        'retention.upsell_rate',
        'Upsell',
        ratioOrNull(upsold, completed.length),
        'ratio',
        'completed programmes followed by a pricier one ÷ completed',
        { upsold, completed: completed.length },
      ),
      kpi(
        'retention.referral_rate',
        'Referral',
        ratioOrNull(referred, completed.length),
        'ratio',
        'completed customers who referred a lead ÷ completed',
        { referred, completed: completed.length },
      ),
    ],
  ].map((kpis, level) => ({ level, id: levelNames[level]![0], name: levelNames[level]![1], kpis }));

  const financial = [
    kpi('financial.mrr', 'MRR', revenue?.endMrr ?? null, 'money', 'MRR at the end of the month', {}),
    kpi(
      'financial.ltv',
      'LTV',
      revenue?.ltv ?? null,
      'money',
      'ARPA × gross margin ÷ trailing customer churn',
      {},
    ),
    kpi(
      'financial.cac',
      'CAC',
      revenue?.cac ?? null,
      'money',
      'acquisition spend ÷ new customers',
      {},
      'at_most',
    ),
    kpi('financial.ltv_to_cac', 'LTV / CAC', revenue?.ltvToCac ?? null, 'multiple', 'LTV ÷ CAC', {}),
    kpi(
      'financial.churn_rate',
      'Customer churn rate',
      revenue?.logoChurnRate ?? null,
      'ratio',
      'customers churned ÷ customers at start',
      {},
      'at_most',
    ),
  ];
  return { month: options.month, levels, financial };
}

/** The stage furthest below its target, and why. */
export interface Bottleneck {
  readonly level: number;
  readonly levelName: string;
  readonly kpi: KpiResult;
  /** One sentence a person reads. */
  readonly reason: string;
  /** Every KPI below target, worst attainment first. */
  readonly belowTarget: readonly { readonly level: number; readonly kpi: KpiResult }[];
}

function formatValue(value: number, unit: KpiUnit): string {
  if (unit === 'ratio') return `${(value * 100).toFixed(1)}%`;
  if (unit === 'days') return `${value.toFixed(1)} days`;
  return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(1);
}

/**
 * Names the funnel stage furthest below target: among KPIs with status `below`, the one with the
 * lowest attainment (value ÷ target, or target ÷ value for at-most targets); ties go to the earlier
 * level, because a gap upstream starves every stage after it. `null` when every KPI with data meets
 * its target.
 *
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
 * console.log(findBottleneck(computeSalesFunnel(tables, { month: '2026-04' }))?.levelName); // 'Lead capture'
 * ```
 */
export function findBottleneck(funnel: SalesFunnelResult): Bottleneck | null {
  const below = funnel.levels
    .flatMap((level) => level.kpis.map((kpi) => ({ level: level.level, kpi })))
    .filter((entry) => entry.kpi.status === 'below')
    .sort(
      (left, right) => (left.kpi.attainment ?? 0) - (right.kpi.attainment ?? 0) || left.level - right.level,
    );
  const worst = below[0];
  if (worst === undefined) return null;
  const level = funnel.levels[worst.level]!;
  const { kpi } = worst;
  const relation = kpi.comparison === 'at_least' ? 'below its target' : 'above its limit';
  const share = kpi.attainment === null ? '' : ` (${Math.round(kpi.attainment * 100)}% of target)`;
  return {
    level: worst.level,
    levelName: level.name,
    kpi,
    reason: `${level.name}: ${kpi.name.toLowerCase()} ${formatValue(kpi.value!, kpi.unit)} is ${relation} ${formatValue(kpi.target, kpi.unit)}${share}`,
    belowTarget: below,
  };
}
