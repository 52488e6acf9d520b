/** Why one customer could not be processed, kept in the run record (at most {@link maximumFailuresKept}). */
export interface CustomerFailure {
  readonly customerId: string;
  /** The stage that threw: `snapshot`, `health`, `churn`, `decisions`, `store`. */
  readonly stage: string;
  readonly message: string;
}

/** At most this many customer failures are kept per report, so a run record stays small. */
export const maximumFailuresKept = 20;

/**
 * What the pipeline did over a set of customers (one batch, one shard or a whole run). Every field
 * is a count or a sum, so reports of shards processed anywhere add up with {@link addShardWork}.
 */
export interface ShardWork {
  /** Customer ids taken from the store. */
  customersListed: number;
  /** Customers whose health was scored and stored. */
  customersScored: number;
  /** Ids whose customer record was gone by the time its snapshot was built. */
  customersMissing: number;
  /** Customers an engine or the store failed on (see `failures`). */
  customersFailed: number;
  /**
   * Customers who had churned by the run's instant (`churnedAt` ≤ asOf): skipped — no health score,
   * churn prediction, alert, journey step or campaign.
   */
  customersChurned: number;
  /** Scored customers per health status (`red`, `yellow`, `green`). */
  bands: Record<string, number>;
  /** Customers whose status differs from their previous stored result. */
  bandChanges: number;
  /** Customers that had a previous health result to compare with (the delta). */
  customersWithPrevious: number;
  /** Sum of the health scores (the run's average is this ÷ `customersScored`). */
  healthScoreSum: number;
  /** Churn predictions stored, and how many per risk level. */
  churnPredicted: number;
  churnLevels: Record<string, number>;
  /** Alerts that fired, per trigger (`usage-drop`, `late-payment`, `detractor`, `renewal-risk`). */
  alertsFired: Record<string, number>;
  /** Journey steps that fell due (onboarding, upsell campaigns, retention plans). */
  journeyStepsDue: number;
  /** Customers with at least one expansion recommendation, and those suppressed by their health. */
  expansionRecommended: number;
  expansionSuppressed: number;
  /** Actions decided by the engines; of those, stored now, and already in the outbox (a re-run). */
  actionsDecided: number;
  actionsEnqueued: number;
  actionsDuplicate: number;
  /** Wall-clock time per stage, summed over batches, in milliseconds. */
  snapshotMilliseconds: number;
  healthMilliseconds: number;
  churnMilliseconds: number;
  decisionMilliseconds: number;
  storeMilliseconds: number;
  failures: CustomerFailure[];
}

/** A report with every count at zero. */
export function emptyShardWork(): ShardWork {
  return {
    customersListed: 0,
    customersScored: 0,
    customersMissing: 0,
    customersFailed: 0,
    customersChurned: 0,
    bands: {},
    bandChanges: 0,
    customersWithPrevious: 0,
    healthScoreSum: 0,
    churnPredicted: 0,
    churnLevels: {},
    alertsFired: {},
    journeyStepsDue: 0,
    expansionRecommended: 0,
    expansionSuppressed: 0,
    actionsDecided: 0,
    actionsEnqueued: 0,
    actionsDuplicate: 0,
    snapshotMilliseconds: 0,
    healthMilliseconds: 0,
    churnMilliseconds: 0,
    decisionMilliseconds: 0,
    storeMilliseconds: 0,
    failures: [],
  };
}

function addCounts(target: Record<string, number>, source: Readonly<Record<string, number>>): void {
  for (const [key, count] of Object.entries(source)) target[key] = (target[key] ?? 0) + count;
}

/** Adds `source` into `target` (mutating it) and returns `target`. */
export function addShardWork(target: ShardWork, source: ShardWork): ShardWork {
  target.customersListed += source.customersListed;
  target.customersScored += source.customersScored;
  target.customersMissing += source.customersMissing;
  target.customersFailed += source.customersFailed;
  // Shard records written before this count existed lack it (a run resumed across an upgrade).
  target.customersChurned += source.customersChurned ?? 0;
  addCounts(target.bands, source.bands);
  target.bandChanges += source.bandChanges;
  target.customersWithPrevious += source.customersWithPrevious;
  target.healthScoreSum += source.healthScoreSum;
  target.churnPredicted += source.churnPredicted;
  addCounts(target.churnLevels, source.churnLevels);
  addCounts(target.alertsFired, source.alertsFired);
  target.journeyStepsDue += source.journeyStepsDue;
  target.expansionRecommended += source.expansionRecommended;
  target.expansionSuppressed += source.expansionSuppressed;
  target.actionsDecided += source.actionsDecided;
  target.actionsEnqueued += source.actionsEnqueued;
  target.actionsDuplicate += source.actionsDuplicate;
  target.snapshotMilliseconds += source.snapshotMilliseconds;
  target.healthMilliseconds += source.healthMilliseconds;
  target.churnMilliseconds += source.churnMilliseconds;
  target.decisionMilliseconds += source.decisionMilliseconds;
  target.storeMilliseconds += source.storeMilliseconds;
  for (const failure of source.failures) {
    if (target.failures.length >= maximumFailuresKept) break;
    target.failures.push(failure);
  }
  return target;
}
