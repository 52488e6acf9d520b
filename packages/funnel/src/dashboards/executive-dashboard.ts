import { KizunaValidationError } from '@kizuna/core';
import type { RevenueReport } from '../revenue/compute-revenue-metrics';
import { ratioOrNull } from '../statistics/ratio';
import type { AccountKpis } from '../success/account-kpis';
import type { SupportKpis } from '../success/support-kpis';
import type { NetPromoterScore } from '../success/survey-scores';

/** A headline number with its value last period and the change. */
export interface Headline {
  readonly value: number | null;
  readonly previous: number | null;
  /** value − previous (percentage points for rates). */
  readonly change: number | null;
}

/** The executive dashboard (seeds/002 C8.3 dashboard 1 and seeds/001 §9.2 monthly view). */
export interface ExecutiveDashboard {
  readonly periodStart: string;
  readonly currency: string;
  /** MRR against the goal (seeds/002: 8.33 M JPY = ARR 100 M). */
  readonly mrr: Headline & { readonly goal: number; readonly attainment: number | null };
  /** MRR change from the previous period as a fraction (0.12 = +12 % MoM). */
  readonly mrrGrowth: number | null;
  readonly newCustomers: Headline;
  readonly ltvToCac: Headline;
  readonly churnRate: Headline;
  readonly netRevenueRetention: Headline;
  readonly nps?: Headline;
  readonly averageHealthScore?: Headline;
  /** The last `trendPeriods` periods, oldest first, as parallel series for a chart. */
  readonly trends: {
    readonly periods: readonly string[];
    readonly mrr: readonly number[];
    readonly netRevenueRetention: readonly (number | null)[];
    readonly churnRate: readonly (number | null)[];
    readonly newCustomers: readonly number[];
  };
  /** Customers who churned this period and the MRR each took with them, largest first. */
  readonly churnAnalysis: {
    readonly mrrLost: number;
    readonly customers: readonly {
      readonly customerId: string;
      readonly date: string;
      readonly mrrLost: number;
    }[];
  };
  /** CS efficiency, when support and account KPIs are given. */
  readonly efficiency?: {
    readonly automationRate: number | null;
    readonly customersPerCsm: number | null;
    readonly firstResponseMinutesMedian: number | null;
  };
}

/** Inputs of {@link buildExecutiveDashboard}: results of the other engines. */
export interface ExecutiveDashboardInput {
  readonly revenue: RevenueReport;
  /** @defaultValue 8_330_000 (seeds/002 financial KPI, minor units of the report's currency) */
  readonly mrrGoal?: number;
  /** @defaultValue 3 */
  readonly trendPeriods?: number;
  readonly nps?: { readonly current: NetPromoterScore; readonly previous?: NetPromoterScore };
  readonly accounts?: { readonly current: AccountKpis; readonly previous?: AccountKpis };
  readonly support?: SupportKpis;
}

function headline(value: number | null, previous: number | null): Headline {
  return { value, previous, change: value === null || previous === null ? null : value - previous };
}

/**
 * Builds the executive dashboard for the last period of a revenue report: MRR vs goal, MoM growth,
 * new customers, LTV/CAC, churn, NRR (each with last period's value), optional NPS and health
 * average, the 3-period trends, the churn analysis (who left and how much MRR) and CS efficiency.
 * Plain data, ready for charts.
 *
 * @throws KizunaValidationError when the report has no period
 * @example
 * ```ts
 * const events = [
 *   { id: 'e1', customerId: 'acme', subscriptionId: 's1', type: 'start' as const, occurredAt: '2026-03-01T00:00:00Z',
 *     mrr: { amount: 5_000_000 } },
 *   { id: 'e2', customerId: 'sakura', subscriptionId: 's2', type: 'start' as const, occurredAt: '2026-04-10T00:00:00Z',
 *     mrr: { amount: 2_000_000 } },
 * ];
 * const revenue = computeRevenueMetrics(events, { asOf: '2026-05-01T00:00:00Z' });
 * console.log(buildExecutiveDashboard({ revenue }).mrr.attainment); // 0.8403… = 7,000,000 ÷ the 8,330,000 goal
 * ```
 */
export function buildExecutiveDashboard(input: ExecutiveDashboardInput): ExecutiveDashboard {
  const { revenue } = input;
  const periods = revenue.periods;
  const current = periods.at(-1);
  if (current === undefined)
    throw KizunaValidationError.forField(
      'executive dashboard',
      'revenue.periods',
      'the report has no period',
    );
  const previous = periods.at(-2);
  const goal = input.mrrGoal ?? 8_330_000;
  const trend = periods.slice(-(input.trendPeriods ?? 3));
  const churned = revenue.movements
    .filter((movement) => movement.periodStart === current.periodStart && movement.type === 'churn')
    .map((movement) => ({ customerId: movement.customerId, date: movement.date, mrrLost: -movement.amount }))
    .sort((left, right) => right.mrrLost - left.mrrLost || (left.customerId < right.customerId ? -1 : 1));
  return {
    periodStart: current.periodStart,
    currency: revenue.currency,
    mrr: {
      ...headline(current.endMrr, previous?.endMrr ?? null),
      goal,
      attainment: ratioOrNull(current.endMrr, goal),
    },
    mrrGrowth: ratioOrNull(current.endMrr - current.startMrr, current.startMrr),
    newCustomers: headline(current.customers.new, previous?.customers.new ?? null),
    ltvToCac: headline(current.ltvToCac, previous?.ltvToCac ?? null),
    churnRate: headline(current.logoChurnRate, previous?.logoChurnRate ?? null),
    netRevenueRetention: headline(current.netRevenueRetention, previous?.netRevenueRetention ?? null),
    ...(input.nps === undefined
      ? {}
      : { nps: headline(input.nps.current.nps, input.nps.previous?.nps ?? null) }),
    ...(input.accounts === undefined
      ? {}
      : {
          averageHealthScore: headline(
            input.accounts.current.averageHealthScore,
            input.accounts.previous?.averageHealthScore ?? null,
          ),
        }),
    trends: {
      periods: trend.map((period) => period.periodStart),
      mrr: trend.map((period) => period.endMrr),
      netRevenueRetention: trend.map((period) => period.netRevenueRetention),
      churnRate: trend.map((period) => period.logoChurnRate),
      newCustomers: trend.map((period) => period.customers.new),
    },
    churnAnalysis: { mrrLost: current.movements.churn, customers: churned },
    ...(input.support === undefined && input.accounts === undefined
      ? {}
      : {
          efficiency: {
            automationRate: input.support?.automationRate ?? null,
            customersPerCsm: input.accounts?.current.customersPerCsm ?? null,
            firstResponseMinutesMedian: input.support?.firstResponseMinutes?.median ?? null,
          },
        }),
  };
}
