import type { DeliveryReport } from '@kizuna/core';
import type { CustomerFailure, ShardWork } from './shard-work';

/** How a run ended. */
export type RunStatus = 'completed' | 'aborted' | 'failed';

/**
 * What one run of the pipeline did: stored as the run record (`worker-run`) and returned by
 * {@link runPipeline}. Counts cover the whole run, whichever processes did the work.
 */
export interface RunReport {
  readonly runId: string;
  readonly asOf: string;
  readonly status: RunStatus;
  /** Wall-clock start and end of this attempt (ISO). */
  readonly startedAt: string;
  readonly finishedAt: string;
  /** `in-process`, `memory`, `pg-boss` or `bullmq`. */
  readonly queue: string;
  readonly shards: {
    readonly total: number;
    readonly completed: number;
    /** Shards an earlier attempt of the same run had completed (resumed, not redone). */
    readonly resumed: number;
  };
  readonly customers: {
    readonly listed: number;
    readonly scored: number;
    readonly missing: number;
    /** Customers skipped because they had churned by `asOf` (`churnedAt` ≤ asOf). */
    readonly churned: number;
    readonly failed: number;
    /** Customers scored per second of wall-clock time. */
    readonly perSecond: number;
  };
  readonly health: {
    readonly red: number;
    readonly yellow: number;
    readonly green: number;
    /** Mean score, or `null` when nobody was scored. */
    readonly averageScore: number | null;
    readonly bandChanges: number;
    readonly customersWithPrevious: number;
  };
  readonly churn: {
    /** `model` (a trained version), `rules` (too few churners) or `unavailable`. */
    readonly method: string;
    readonly modelVersion: string | null;
    readonly reason: string;
    readonly predicted: number;
    readonly levels: Readonly<Record<string, number>>;
  };
  /** Alerts fired per trigger. */
  readonly alerts: Readonly<Record<string, number>>;
  readonly journeyStepsDue: number;
  readonly expansion: { readonly recommended: number; readonly suppressed: number };
  readonly actions: { readonly decided: number; readonly enqueued: number; readonly duplicates: number };
  /** Outbox delivery at the end of the run (per-shard deliveries are in `shardDeliveries`). */
  readonly notifications: DeliveryReport;
  readonly durations: {
    readonly planMilliseconds: number;
    readonly snapshotMilliseconds: number;
    readonly healthMilliseconds: number;
    readonly churnMilliseconds: number;
    readonly decisionMilliseconds: number;
    readonly storeMilliseconds: number;
    readonly deliveryMilliseconds: number;
    readonly totalMilliseconds: number;
  };
  readonly failures: readonly CustomerFailure[];
  /** Sentences explaining the run's choices (model or rules, resumed shards, skipped delivery). */
  readonly reasons: readonly string[];
  /** The error that ended a failed run. */
  readonly error?: string;
}

/** Facts about a run that do not come from the shards. */
export interface RunFacts {
  readonly runId: string;
  readonly asOf: string;
  readonly status: RunStatus;
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly queue: string;
  readonly shardsTotal: number;
  readonly shardsCompleted: number;
  readonly shardsResumed: number;
  readonly churn: { readonly method: string; readonly modelVersion: string | null; readonly reason: string };
  readonly notifications: DeliveryReport;
  readonly planMilliseconds: number;
  readonly deliveryMilliseconds: number;
  readonly reasons: readonly string[];
  readonly error?: string;
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Builds the run report from the summed shard work and the run's own facts. */
export function buildRunReport(work: ShardWork, facts: RunFacts): RunReport {
  const totalMilliseconds = facts.finishedAt - facts.startedAt;
  return {
    runId: facts.runId,
    asOf: facts.asOf,
    status: facts.status,
    startedAt: new Date(facts.startedAt).toISOString(),
    finishedAt: new Date(facts.finishedAt).toISOString(),
    queue: facts.queue,
    shards: { total: facts.shardsTotal, completed: facts.shardsCompleted, resumed: facts.shardsResumed },
    customers: {
      listed: work.customersListed,
      scored: work.customersScored,
      missing: work.customersMissing,
      churned: work.customersChurned,
      failed: work.customersFailed,
      perSecond: totalMilliseconds > 0 ? round((work.customersScored / totalMilliseconds) * 1000) : 0,
    },
    health: {
      red: work.bands.red ?? 0,
      yellow: work.bands.yellow ?? 0,
      green: work.bands.green ?? 0,
      averageScore: work.customersScored > 0 ? round(work.healthScoreSum / work.customersScored, 2) : null,
      bandChanges: work.bandChanges,
      customersWithPrevious: work.customersWithPrevious,
    },
    churn: { ...facts.churn, predicted: work.churnPredicted, levels: { ...work.churnLevels } },
    alerts: { ...work.alertsFired },
    journeyStepsDue: work.journeyStepsDue,
    expansion: { recommended: work.expansionRecommended, suppressed: work.expansionSuppressed },
    actions: {
      decided: work.actionsDecided,
      enqueued: work.actionsEnqueued,
      duplicates: work.actionsDuplicate,
    },
    notifications: facts.notifications,
    durations: {
      planMilliseconds: round(facts.planMilliseconds),
      snapshotMilliseconds: round(work.snapshotMilliseconds),
      healthMilliseconds: round(work.healthMilliseconds),
      churnMilliseconds: round(work.churnMilliseconds),
      decisionMilliseconds: round(work.decisionMilliseconds),
      storeMilliseconds: round(work.storeMilliseconds),
      deliveryMilliseconds: round(facts.deliveryMilliseconds),
      totalMilliseconds: round(totalMilliseconds),
    },
    failures: work.failures,
    reasons: facts.reasons,
    ...(facts.error === undefined ? {} : { error: facts.error }),
  };
}
