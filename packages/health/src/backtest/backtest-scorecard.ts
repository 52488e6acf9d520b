import { instantSchema, millisecondsPerDay, parseInput } from '@kizuna/core';
import * as z from 'zod';

const statusSchema = z.enum(['red', 'yellow', 'green']);

const historyEntrySchema = z
  .object({
    customerId: z.string().min(1),
    /** When the score was taken. */
    asOf: instantSchema,
    score: z.number().finite().min(0).max(100),
    /** Band id; defaults to `status`. */
    band: z.string().min(1).optional(),
    /** Traffic-light status; defaults to `band` when that is red, yellow or green. */
    status: statusSchema.optional(),
  })
  .transform((entry, context) => {
    const status = entry.status ?? statusSchema.safeParse(entry.band).data;
    if (status === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['status'],
        message: 'expected a status (red, yellow, green) or such a band',
      });
      return z.NEVER;
    }
    return { ...entry, status, band: entry.band ?? status };
  });

const outcomeSchema = z.object({
  customerId: z.string().min(1),
  /** When the customer churned; `null` or absent while still a customer. */
  churnedAt: instantSchema.nullable().optional(),
});

/** Options of {@link backtestScorecard}. */
export const backtestOptionsSchema = z.object({
  /** A score "predicts" churn when the customer churns within this many days after it. @defaultValue 90 */
  horizonDays: z.number().int().positive().default(90),
  /** "Not green N days before churning": N. @defaultValue 30 */
  leadDays: z.number().int().nonnegative().default(30),
  /** Statuses that count as a churn flag for lift, precision and recall. @defaultValue ['red'] */
  flagStatuses: z.array(statusSchema).min(1).default(['red']),
  /**
   * The end of the observed data: a score whose horizon ends after it, of a customer who has not
   * churned, is censored (its outcome is not known yet) and left out. @defaultValue no censoring
   */
  observedUntil: instantSchema.optional(),
});

/** Options of {@link backtestScorecard} as you may write them. */
export type BacktestOptions = z.input<typeof backtestOptionsSchema>;

/** Churn by band. */
export interface BandOutcome {
  readonly band: string;
  readonly status: 'red' | 'yellow' | 'green';
  readonly observations: number;
  readonly churned: number;
  /** churned ÷ observations. */
  readonly churnRate: number;
}

/** The answer to "does red really churn more?". */
export interface BacktestReport {
  /** Scores used: taken before the customer churned, and not censored. */
  readonly observations: number;
  readonly censored: number;
  /** Observations followed by churn within the horizon. */
  readonly churnedObservations: number;
  /** churnedObservations ÷ observations; 0 without observations. */
  readonly baseChurnRate: number;
  /** Per band, from the lowest mean score to the highest. */
  readonly bands: readonly BandOutcome[];
  /** Churn rate of flagged (red) observations ÷ the base rate; `null` when undefined. */
  readonly flaggedLift: number | null;
  /** Of flagged observations, the share that churned; `null` with none flagged. */
  readonly precision: number | null;
  /** Of churned observations, the share that were flagged; `null` with no churn. */
  readonly recall: number | null;
  /** Churners and whether their latest score at least `leadDays` before churning was not green. */
  readonly churnersNotGreenBefore: {
    readonly churners: number;
    /** Churners with a score at least `leadDays` before churning. */
    readonly withScore: number;
    readonly notGreen: number;
    /** notGreen ÷ withScore; `null` when no churner had such a score. */
    readonly share: number | null;
  };
}

/**
 * Backtests a scorecard on history: does red really churn more? Every past score is an observation,
 * labelled churned when the customer churned within `horizonDays` after it (scores taken at or after
 * churn are dropped). Reports the churn rate per band, the base rate, the lift of flagged (red) scores
 * over the base rate, precision and recall of "red" as a churn flag, and the share of churners that
 * were not green `leadDays` before churning.
 *
 * @param history - past scores, e.g. stored {@link HealthResult}s with `customerId` and `asOf`
 * @param outcomes - one per customer, with `churnedAt` when they churned
 * @throws KizunaValidationError naming the bad entry and field
 * @example
 * ```ts
 * // Scores taken on 1 January; customer a churned six weeks later.
 * const history = [
 *   { customerId: 'a', asOf: '2026-01-01T00:00:00Z', score: 30, status: 'red' },
 *   { customerId: 'b', asOf: '2026-01-01T00:00:00Z', score: 35, status: 'red' },
 *   { customerId: 'c', asOf: '2026-01-01T00:00:00Z', score: 55, status: 'yellow' },
 *   { customerId: 'd', asOf: '2026-01-01T00:00:00Z', score: 80, status: 'green' },
 *   { customerId: 'e', asOf: '2026-01-01T00:00:00Z', score: 85, status: 'green' },
 * ];
 * const outcomes = [{ customerId: 'a', churnedAt: '2026-02-15T00:00:00Z' }, { customerId: 'b' },
 *   { customerId: 'c' }, { customerId: 'd' }, { customerId: 'e' }];
 * const report = backtestScorecard(history, outcomes, { horizonDays: 90 });
 * console.log(report.bands.map((band) => [band.band, band.churnRate])); // [['red', 0.5], ['yellow', 0], ['green', 0]]
 * console.log(report.flaggedLift); // 2.5: red churns 0.5 ÷ 0.2 = 2.5× as often as the average
 * ```
 */
export function backtestScorecard(
  history: readonly unknown[],
  outcomes: readonly unknown[],
  options: BacktestOptions = {},
): BacktestReport {
  const entries = parseInput(z.array(historyEntrySchema), history, 'health history');
  const results = parseInput(z.array(outcomeSchema), outcomes, 'churn outcomes');
  const settings = parseInput(backtestOptionsSchema, options, 'backtest options');
  const churnedAt = new Map<string, number>();
  for (const outcome of results) {
    if (outcome.churnedAt != null) churnedAt.set(outcome.customerId, Date.parse(outcome.churnedAt));
  }
  const horizon = settings.horizonDays * millisecondsPerDay;
  const observedUntil =
    settings.observedUntil === undefined ? Number.POSITIVE_INFINITY : Date.parse(settings.observedUntil);
  const flag = new Set(settings.flagStatuses);

  const bands = new Map<
    string,
    { status: BandOutcome['status']; observations: number; churned: number; scoreSum: number }
  >();
  let observations = 0;
  let censored = 0;
  let churnedObservations = 0;
  let flagged = 0;
  let flaggedChurned = 0;
  for (const entry of entries) {
    const at = Date.parse(entry.asOf);
    const churn = churnedAt.get(entry.customerId);
    if (churn !== undefined && at >= churn) continue;
    const churned = churn !== undefined && churn <= at + horizon;
    if (!churned && at + horizon > observedUntil) {
      censored += 1;
      continue;
    }
    observations += 1;
    const band = bands.get(entry.band) ?? { status: entry.status, observations: 0, churned: 0, scoreSum: 0 };
    band.observations += 1;
    band.scoreSum += entry.score;
    if (churned) {
      band.churned += 1;
      churnedObservations += 1;
    }
    bands.set(entry.band, band);
    if (flag.has(entry.status)) {
      flagged += 1;
      if (churned) flaggedChurned += 1;
    }
  }
  const baseChurnRate = observations === 0 ? 0 : churnedObservations / observations;

  // Churners: the latest score at least leadDays before churn.
  const lead = settings.leadDays * millisecondsPerDay;
  const latestBefore = new Map<string, { at: number; status: string }>();
  for (const entry of entries) {
    const churn = churnedAt.get(entry.customerId);
    if (churn === undefined) continue;
    const at = Date.parse(entry.asOf);
    if (at > churn - lead) continue;
    const current = latestBefore.get(entry.customerId);
    if (current === undefined || at > current.at)
      latestBefore.set(entry.customerId, { at, status: entry.status });
  }
  let notGreen = 0;
  for (const latest of latestBefore.values()) if (latest.status !== 'green') notGreen += 1;

  return {
    observations,
    censored,
    churnedObservations,
    baseChurnRate,
    bands: [...bands.entries()]
      .map(([band, value]) => ({ band, value }))
      .sort(
        (left, right) =>
          left.value.scoreSum / left.value.observations - right.value.scoreSum / right.value.observations,
      )
      .map(({ band, value }) => ({
        band,
        status: value.status,
        observations: value.observations,
        churned: value.churned,
        churnRate: value.churned / value.observations,
      })),
    flaggedLift: flagged === 0 || baseChurnRate === 0 ? null : flaggedChurned / flagged / baseChurnRate,
    precision: flagged === 0 ? null : flaggedChurned / flagged,
    recall: churnedObservations === 0 ? null : flaggedChurned / churnedObservations,
    churnersNotGreenBefore: {
      churners: churnedAt.size,
      withScore: latestBefore.size,
      notGreen,
      share: latestBefore.size === 0 ? null : notGreen / latestBefore.size,
    },
  };
}
