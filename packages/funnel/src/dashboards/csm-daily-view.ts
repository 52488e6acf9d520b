import {
  actionSchema,
  defaultTimeZone,
  instantSchema,
  localDate,
  parseInput,
  timeZoneSchema,
} from '@kizuna/core';
import * as z from 'zod';
import { ratioOrNull } from '../statistics/ratio';

/** Inputs of {@link buildCsmDailyView}. */
export const csmDailyViewInputSchema = z
  .object({
    asOf: instantSchema,
    /** @defaultValue 'Asia/Tokyo' */
    timeZone: timeZoneSchema.default(defaultTimeZone),
    /** Show only this CSM's accounts and actions. @defaultValue everyone's */
    csmId: z.string().min(1).optional(),
    /** Pending actions (from the outbox or the engines). @defaultValue [] */
    actions: z.array(actionSchema).default([]),
    /** The CSM's accounts with their health and renewal. */
    accounts: z.array(
      z
        .object({
          customerId: z.string().min(1),
          name: z.string().optional(),
          csmId: z.string().min(1).optional(),
          healthScore: z.number().min(0).max(100),
          /** Score at the same time last month, for the trend. */
          previousHealthScore: z.number().min(0).max(100).optional(),
          healthBand: z.enum(['green', 'yellow', 'red']),
          /** Monthly recurring revenue in minor units. @defaultValue 0 */
          mrr: z.number().nonnegative().default(0),
          renewalAt: instantSchema.optional(),
          /** @defaultValue 'auto_renew' */
          renewalStatus: z.enum(['auto_renew', 'negotiating', 'at_risk']).default('auto_renew'),
        })
        .strict(),
    ),
    /** Recommendations with a confidence in 0…1 (e.g. upsell rules). @defaultValue [] */
    recommendations: z
      .array(
        z.object({
          customerId: z.string().min(1),
          title: z.string().min(1),
          confidence: z.number().min(0).max(1),
        }),
      )
      .default([]),
  })
  .strict();

/** Inputs of {@link buildCsmDailyView} as you may write them. */
export type CsmDailyViewInput = z.input<typeof csmDailyViewInputSchema>;

/** One line of today's alerts. */
export interface CsmAlert {
  readonly customerId?: string;
  readonly title: string;
  readonly priority: string;
  readonly dueAt: string;
  readonly reasons: readonly string[];
}

/** The CSM daily view of seeds/001 §9.2. */
export interface CsmDailyView {
  /** The local date shown. */
  readonly date: string;
  /** Actions due by the end of today: critical ones, and high/medium ones as warnings. */
  readonly alerts: { readonly critical: readonly CsmAlert[]; readonly warning: readonly CsmAlert[] };
  /** Accounts per band with their share, and the average score against last month's. */
  readonly healthSummary: {
    readonly green: { readonly accounts: number; readonly share: number | null };
    readonly yellow: { readonly accounts: number; readonly share: number | null };
    readonly red: { readonly accounts: number; readonly share: number | null };
    readonly averageScore: number | null;
    readonly previousAverageScore: number | null;
    readonly change: number | null;
  };
  /** Renewals falling in this local month, by status, with their MRR. */
  readonly renewalsThisMonth: Readonly<
    Record<'autoRenew' | 'negotiating' | 'atRisk', { readonly accounts: number; readonly mrr: number }>
  >;
  /** The three most confident recommendations. */
  readonly recommendations: readonly {
    readonly customerId: string;
    readonly title: string;
    readonly confidence: number;
  }[];
}

/**
 * Builds the CSM daily view (seeds/001 §9.2): today's alerts (actions due by the end of the local
 * day; `critical` priority as critical, `high` and `medium` as warnings, oldest first), the health
 * summary (accounts and share per band, average score and its change from last month), this month's
 * renewals by status with their MRR, and the top three recommendations by confidence.
 *
 * @throws KizunaValidationError for invalid inputs
 * @example
 * ```ts
 * const view = buildCsmDailyView({
 *   asOf: '2026-04-15T01:00:00Z', csmId: 'csm-1',
 *   accounts: [
 *     { customerId: 'acme', csmId: 'csm-1', healthScore: 38, previousHealthScore: 61, healthBand: 'red',
 *       mrr: 80_000, renewalAt: '2026-04-30T00:00:00Z', renewalStatus: 'at_risk' },
 *     { customerId: 'sakura', csmId: 'csm-1', healthScore: 82, previousHealthScore: 79, healthBand: 'green' },
 *   ],
 *   actions: [{ idempotencyKey: 'renewal-risk:acme', type: 'csm_intervention', customerId: 'acme',
 *     channel: 'task', owner: 'csm', priority: 'critical', automated: false, dueAt: '2026-04-15T00:00:00Z',
 *     title: 'Call Acme about the renewal', source: { engine: 'health', ruleId: 'renewal-risk' } }],
 * });
 * console.log(view.alerts.critical.map((alert) => alert.title)); // ['Call Acme about the renewal']
 * console.log(view.healthSummary.averageScore, view.healthSummary.change); // 60 -10 (last month 70)
 * ```
 */
export function buildCsmDailyView(input: CsmDailyViewInput): CsmDailyView {
  const options = parseInput(csmDailyViewInputSchema, input, 'CSM daily view input');
  const accounts = options.accounts.filter(
    (account) => options.csmId === undefined || account.csmId === options.csmId,
  );
  const mine = new Set(accounts.map((account) => account.customerId));
  const today = localDate(options.asOf, options.timeZone);
  const dueToday = options.actions
    .filter((action) => localDate(action.dueAt, options.timeZone) <= today)
    .filter(
      (action) =>
        options.csmId === undefined || (action.customerId !== undefined && mine.has(action.customerId)),
    )
    .sort((left, right) =>
      left.dueAt < right.dueAt
        ? -1
        : left.dueAt > right.dueAt
          ? 1
          : left.idempotencyKey < right.idempotencyKey
            ? -1
            : 1,
    )
    .map((action) => ({
      ...(action.customerId === undefined ? {} : { customerId: action.customerId }),
      title: action.title,
      priority: action.priority,
      dueAt: action.dueAt,
      reasons: action.reasons,
    }));
  const band = (name: 'green' | 'yellow' | 'red') => {
    const count = accounts.filter((account) => account.healthBand === name).length;
    return { accounts: count, share: ratioOrNull(count, accounts.length) };
  };
  const averageScore = ratioOrNull(
    accounts.reduce((sum, account) => sum + account.healthScore, 0),
    accounts.length,
  );
  const withPrevious = accounts.filter((account) => account.previousHealthScore !== undefined);
  const previousAverageScore = ratioOrNull(
    withPrevious.reduce((sum, account) => sum + account.previousHealthScore!, 0),
    withPrevious.length,
  );
  const month = today.slice(0, 7);
  const renewals = accounts.filter(
    (account) =>
      account.renewalAt !== undefined && localDate(account.renewalAt, options.timeZone).startsWith(month),
  );
  const renewal = (status: 'auto_renew' | 'negotiating' | 'at_risk') => {
    const rows = renewals.filter((account) => account.renewalStatus === status);
    return { accounts: rows.length, mrr: rows.reduce((sum, account) => sum + account.mrr, 0) };
  };
  return {
    date: today,
    alerts: {
      critical: dueToday.filter((alert) => alert.priority === 'critical'),
      warning: dueToday.filter((alert) => alert.priority === 'high' || alert.priority === 'medium'),
    },
    healthSummary: {
      green: band('green'),
      yellow: band('yellow'),
      red: band('red'),
      averageScore,
      previousAverageScore,
      change:
        averageScore === null || previousAverageScore === null ? null : averageScore - previousAverageScore,
    },
    renewalsThisMonth: {
      autoRenew: renewal('auto_renew'),
      negotiating: renewal('negotiating'),
      atRisk: renewal('at_risk'),
    },
    recommendations: options.recommendations
      .filter((recommendation) => options.csmId === undefined || mine.has(recommendation.customerId))
      .sort(
        (left, right) => right.confidence - left.confidence || (left.customerId < right.customerId ? -1 : 1),
      )
      .slice(0, 3),
  };
}
