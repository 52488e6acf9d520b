import { localDate, parseInput } from '@kizuna/core';
import {
  type Bottleneck,
  computeSalesFunnel,
  findBottleneck,
  type SalesFunnelOptionsInput,
  salesFunnelOptionsSchema,
} from '../sales/compute-sales-funnel';
import { type SalesTablesInput, salesTablesSchema } from '../sales/sales-tables';
import { ratioOrNull } from '../statistics/ratio';
import { dateToDayNumber, dayNumberToDate } from '../time/local-day';
import { monthRange } from '../time/month-range';

/** The marketing dashboard (seeds/002 C8.3 dashboard 2). Rates are fractions. */
export interface MarketingDashboard {
  readonly month: string;
  /** The funnel picture: each stage's count and conversion from the stage before. */
  readonly funnel: readonly {
    readonly stage: string;
    readonly count: number;
    readonly conversionFromPrevious: number | null;
  }[];
  /** Leads per local day of the month, every day present. */
  readonly dailyLeads: readonly { readonly date: string; readonly leads: number }[];
  readonly leadsBySource: readonly {
    readonly source: string;
    readonly leads: number;
    readonly share: number;
  }[];
  /**
   * Leads per landing page, identified by lead magnet (the tables hold no per-page visitor counts,
   * so the opt-in rate is given overall in the funnel, not per page).
   */
  readonly leadsByLandingPage: readonly { readonly leadMagnet: string; readonly leads: number }[];
  readonly emailByCampaign: readonly {
    readonly campaignId: string;
    readonly sent: number;
    readonly openRate: number | null;
    readonly clickRate: number | null;
  }[];
  readonly bottleneck: Bottleneck | null;
}

/**
 * Builds the marketing dashboard for a month from the six tables: the funnel (website visitors →
 * LP visitors → leads → consultation requests → consultations held → deals) with stage conversion,
 * daily leads, leads by source and by landing page (lead magnet), e-mail open and click rates by
 * campaign, and the bottleneck of {@link findBottleneck}.
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
 * const { funnel } = buildMarketingDashboard(tables, { month: '2026-04' });
 * console.log(funnel.map((stage) => [stage.stage, stage.count]).slice(2));
 * // [['Leads', 3], ['Consultation requests', 1], ['Consultations held', 1], ['Deals', 1]]
 * ```
 */
export function buildMarketingDashboard(
  tablesInput: SalesTablesInput,
  optionsInput: SalesFunnelOptionsInput,
): MarketingDashboard {
  const options = parseInput(salesFunnelOptionsSchema, optionsInput, 'marketing dashboard options');
  const tables = parseInput(salesTablesSchema, tablesInput, 'sales tables');
  const funnel = computeSalesFunnel(tables, options);
  const range = monthRange(options.month, options.timeZone);
  const inMonth = (instant: string) => {
    const time = Date.parse(instant);
    return time >= range.start && time < range.end;
  };
  const kpi = (id: string) => funnel.levels.flatMap((level) => level.kpis).find((entry) => entry.id === id)!;
  const stages = [
    { stage: 'Website visitors', count: kpi('awareness.website_visitors').inputs.websiteVisitors ?? 0 },
    { stage: 'LP visitors', count: kpi('lead_capture.lp_visitors').inputs.lpVisitors ?? 0 },
    { stage: 'Leads', count: kpi('lead_capture.leads').inputs.leads ?? 0 },
    { stage: 'Consultation requests', count: kpi('consultation.request_rate').inputs.requested ?? 0 },
    { stage: 'Consultations held', count: kpi('consultation.consultations').inputs.attended ?? 0 },
    { stage: 'Deals', count: kpi('close.deals').inputs.deals ?? 0 },
  ];
  const leads = tables.leads.filter((lead) => inMonth(lead.optInAt));
  const perDay = new Map<string, number>();
  for (const lead of leads) {
    const date = localDate(lead.optInAt, options.timeZone);
    perDay.set(date, (perDay.get(date) ?? 0) + 1);
  }
  const firstDay = dateToDayNumber(`${options.month}-01`);
  const dailyLeads = Array.from({ length: range.days }, (_, offset) => {
    const date = dayNumberToDate(firstDay + offset);
    return { date, leads: perDay.get(date) ?? 0 };
  });
  const count = (keys: readonly string[]) => {
    const counts = new Map<string, number>();
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    return [...counts.entries()].sort((left, right) => right[1] - left[1] || (left[0] < right[0] ? -1 : 1));
  };
  const campaigns = new Map<string, { sent: number; opened: number; clicked: number }>();
  for (const email of tables.emailEngagements.filter((row) => inMonth(row.sentAt))) {
    const row = campaigns.get(email.campaignId) ?? { sent: 0, opened: 0, clicked: 0 };
    row.sent += 1;
    row.opened += email.opened ? 1 : 0;
    row.clicked += email.clicked ? 1 : 0;
    campaigns.set(email.campaignId, row);
  }
  return {
    month: options.month,
    funnel: stages.map((stage, index) => ({
      ...stage,
      conversionFromPrevious: index === 0 ? null : ratioOrNull(stage.count, stages[index - 1]!.count),
    })),
    dailyLeads,
    leadsBySource: count(leads.map((lead) => lead.source)).map(([source, total]) => ({
      source,
      leads: total,
      share: total / leads.length,
    })),
    leadsByLandingPage: count(leads.map((lead) => lead.leadMagnetType ?? '(none)')).map(
      ([leadMagnet, total]) => ({
        leadMagnet,
        leads: total,
      }),
    ),
    emailByCampaign: [...campaigns.entries()]
      .sort((left, right) => (left[0] < right[0] ? -1 : 1))
      .map(([campaignId, row]) => ({
        campaignId,
        sent: row.sent,
        openRate: ratioOrNull(row.opened, row.sent),
        clickRate: ratioOrNull(row.clicked, row.sent),
      })),
    bottleneck: findBottleneck(funnel),
  };
}
