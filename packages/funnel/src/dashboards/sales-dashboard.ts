import { localDate, parseInput } from '@kizuna/core';
import { computeSalesFunnel } from '../sales/compute-sales-funnel';
import type { KpiResult } from '../sales/kpi';
import { computeSalesCycle, type SalesCycle } from '../sales/sales-cycle';
import {
  analyzeSalesPipeline,
  type SalesPipeline,
  type SalesPipelineOptionsInput,
  salesPipelineOptionsSchema,
} from '../sales/sales-pipeline';
import { type SalesTablesInput, salesTablesSchema } from '../sales/sales-tables';
import { dateToDayNumber, dayNumberToDate, periodStartDay } from '../time/local-day';
import { monthRange } from '../time/month-range';

/** The sales dashboard (seeds/002 C8.3 dashboard 3). */
export interface SalesDashboard {
  readonly month: string;
  /** Consultations booked in the month, in all and per ISO week (Monday start). */
  readonly consultationsScheduled: {
    readonly month: number;
    readonly byWeek: readonly { readonly weekStart: string; readonly consultations: number }[];
  };
  readonly closeRate: KpiResult;
  readonly pipeline: SalesPipeline['pipeline'];
  readonly cycle: SalesCycle;
  readonly dealsByPlan: SalesPipeline['dealsByPlan'];
  readonly forecast: SalesPipeline['forecast'];
}

/**
 * Builds the sales dashboard for a month: consultations scheduled (month and weekly), the
 * consultation → deal rate against its 80 % target, the open pipeline, the sales cycle of the
 * month's deals, deals by plan and the revenue forecast of {@link analyzeSalesPipeline}.
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
 * const dashboard = buildSalesDashboard(tables, { month: '2026-04', asOf: '2026-04-26T00:00:00Z' });
 * console.log(dashboard.forecast.forecast); // 300000: the deal booked in April, no open consultations
 * ```
 */
export function buildSalesDashboard(
  tablesInput: SalesTablesInput,
  optionsInput: SalesPipelineOptionsInput,
): SalesDashboard {
  const options = parseInput(salesPipelineOptionsSchema, optionsInput, 'sales dashboard options');
  const tables = parseInput(salesTablesSchema, tablesInput, 'sales tables');
  const range = monthRange(options.month, options.timeZone);
  const scheduled = tables.consultations.filter((consultation) => {
    const time = Date.parse(consultation.scheduledAt);
    return time >= range.start && time < range.end;
  });
  const weeks = new Map<number, number>();
  for (const consultation of scheduled) {
    const week = periodStartDay(
      dateToDayNumber(localDate(consultation.scheduledAt, options.timeZone)),
      'week',
    );
    weeks.set(week, (weeks.get(week) ?? 0) + 1);
  }
  const pipeline = analyzeSalesPipeline(tables, options);
  const funnel = computeSalesFunnel(tables, {
    month: options.month,
    timeZone: options.timeZone,
    asOf: options.asOf,
  });
  return {
    month: options.month,
    consultationsScheduled: {
      month: scheduled.length,
      byWeek: [...weeks.entries()]
        .sort((left, right) => left[0] - right[0])
        .map(([week, consultations]) => ({ weekStart: dayNumberToDate(week), consultations })),
    },
    closeRate: funnel.levels[4]!.kpis.find((kpi) => kpi.id === 'close.close_rate')!,
    pipeline: pipeline.pipeline,
    cycle: computeSalesCycle(tables, { month: options.month, timeZone: options.timeZone }),
    dealsByPlan: pipeline.dealsByPlan,
    forecast: pipeline.forecast,
  };
}
