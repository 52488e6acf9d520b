import { instantSchema, parseInput } from '@kizuna/core';
import * as z from 'zod';
import { type DistributionSummary, summarizeDistribution } from '../statistics/quantiles';
import { ratioOrNull } from '../statistics/ratio';

/**
 * What the CS KPIs need to know about one account, as plain facts (build them from snapshots and
 * health results): when it started, when it first got value, whether it is active, its health.
 */
export const accountFactsSchema = z
  .object({
    customerId: z.string().min(1),
    /** Contract start. */
    startedAt: instantSchema,
    /** When the customer churned; absent while a customer. */
    churnedAt: instantSchema.optional(),
    /** First value reached (seeds/001: first measurement done). */
    firstValueAt: instantSchema.optional(),
    /** Onboarding finished. */
    onboardingCompletedAt: instantSchema.optional(),
    /** Actively using the product now (seed: アクティブ利用顧客). @defaultValue false */
    active: z.boolean().default(false),
    /** Health score 0–100. */
    healthScore: z.number().min(0).max(100).optional(),
    /** Health band. */
    healthBand: z.enum(['green', 'yellow', 'red']).optional(),
    /** The CSM in charge. */
    csmId: z.string().min(1).optional(),
  })
  .strict();

/** Account facts as you may write them. */
export type AccountFactsInput = z.input<typeof accountFactsSchema>;

/** Options of {@link computeAccountKpis}. */
export const accountKpiOptionsSchema = z
  .object({
    /** Start of the measured period (retention counts customers at this instant). */
    from: instantSchema,
    /** End of the measured period (exclusive) and the "now" of the snapshot KPIs. */
    to: instantSchema,
    /** Days a new customer has to complete onboarding. @defaultValue 30 */
    onboardingDays: z.number().int().positive().default(30),
  })
  .strict();

/** Options of {@link computeAccountKpis} as you may write them. */
export type AccountKpiOptionsInput = z.input<typeof accountKpiOptionsSchema>;

/** Tier-1/2 CS KPIs of seeds/001 §9.1 and the retention/onboarding KPIs of seeds/004. */
export interface AccountKpis {
  /** Customers at `to` (started before, not churned). */
  readonly customers: number;
  /** Customers at `from` still customers at `to` ÷ customers at `from`. */
  readonly retentionRate: number | null;
  /** Customers lost in the period ÷ customers at `from`. */
  readonly churnRate: number | null;
  /** Of customers whose onboarding window ended in the period, the share that completed within it. */
  readonly onboardingCompletionRate: number | null;
  /** Days from start to first value, over customers who started in the period and reached it. */
  readonly timeToValueDays: DistributionSummary | null;
  /** Active customers ÷ customers (seed: アクティブ利用顧客 / 全顧客). */
  readonly adoptionRate: number | null;
  /** Mean health score of customers with one. */
  readonly averageHealthScore: number | null;
  /** Customers in the red or yellow band ÷ customers with a band. */
  readonly atRiskShare: number | null;
  /** Customers with a CSM ÷ distinct CSMs (seed: 担当顧客数 / CSM人数). */
  readonly customersPerCsm: number | null;
}

const day = 86_400_000;

/**
 * Account-level CS KPIs for the period [from, to): retention and churn rate (seeds/004), onboarding
 * completion (seeds/004; a customer who started at s counts once s + onboardingDays falls in the
 * period, as completed if they finished onboarding by then), time to value (seeds/001 Tier 2:
 * contract → first measurement), adoption, average health, at-risk share and CSM productivity, the
 * last four over customers at `to`.
 *
 * @throws KizunaValidationError for invalid facts or options
 * @example
 * ```ts
 * const accounts = [
 *   { customerId: 'acme', startedAt: '2025-04-01T00:00:00Z', active: true },
 *   { customerId: 'sakura', startedAt: '2025-10-01T00:00:00Z', active: true },
 *   { customerId: 'kita', startedAt: '2025-06-01T00:00:00Z', churnedAt: '2026-04-20T00:00:00Z' },
 *   { customerId: 'minami', startedAt: '2025-09-01T00:00:00Z', active: true },
 * ];
 * const kpis = computeAccountKpis(accounts, { from: '2026-04-01T00:00:00Z', to: '2026-05-01T00:00:00Z' });
 * console.log(kpis.retentionRate); // 0.75: 3 of the 4 customers of 1 April are still customers
 * ```
 */
export function computeAccountKpis(
  accountsInput: readonly AccountFactsInput[],
  optionsInput: AccountKpiOptionsInput,
): AccountKpis {
  const options = parseInput(accountKpiOptionsSchema, optionsInput, 'account KPI options');
  const accounts = parseInput(z.array(accountFactsSchema), accountsInput, 'account facts');
  const from = Date.parse(options.from);
  const to = Date.parse(options.to);
  const customerAt = (account: (typeof accounts)[number], instant: number) =>
    Date.parse(account.startedAt) < instant &&
    (account.churnedAt === undefined || Date.parse(account.churnedAt) >= instant);
  const atStart = accounts.filter((account) => customerAt(account, from));
  const retained = atStart.filter((account) => customerAt(account, to)).length;
  const current = accounts.filter((account) => customerAt(account, to));
  const window = options.onboardingDays * day;
  const due = accounts.filter((account) => {
    const deadline = Date.parse(account.startedAt) + window;
    return deadline >= from && deadline < to;
  });
  const onboarded = due.filter(
    (account) =>
      account.onboardingCompletedAt !== undefined &&
      Date.parse(account.onboardingCompletedAt) <= Date.parse(account.startedAt) + window,
  ).length;
  const timeToValue = accounts
    .filter((account) => {
      const start = Date.parse(account.startedAt);
      return start >= from && start < to && account.firstValueAt !== undefined;
    })
    .map((account) => (Date.parse(account.firstValueAt!) - Date.parse(account.startedAt)) / day);
  const scored = current.filter((account) => account.healthScore !== undefined);
  const banded = current.filter((account) => account.healthBand !== undefined);
  const withCsm = current.filter((account) => account.csmId !== undefined);
  return {
    customers: current.length,
    retentionRate: ratioOrNull(retained, atStart.length),
    churnRate: ratioOrNull(atStart.length - retained, atStart.length),
    onboardingCompletionRate: ratioOrNull(onboarded, due.length),
    timeToValueDays: summarizeDistribution(timeToValue),
    adoptionRate: ratioOrNull(current.filter((account) => account.active).length, current.length),
    averageHealthScore: ratioOrNull(
      scored.reduce((sum, account) => sum + account.healthScore!, 0),
      scored.length,
    ),
    atRiskShare: ratioOrNull(
      banded.filter((account) => account.healthBand !== 'green').length,
      banded.length,
    ),
    customersPerCsm: ratioOrNull(withCsm.length, new Set(withCsm.map((account) => account.csmId)).size),
  };
}
