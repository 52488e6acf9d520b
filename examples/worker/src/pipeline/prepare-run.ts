import type { Store } from '@kizuna/core';
import type { ChurnStage } from '../churn/churn-stage';
import { type ChurnPipelineOptions, prepareChurnStage } from '../churn/prepare-churn-stage';
import { planShards } from '../shards/plan-shards';
import type { Shard } from '../shards/shard';
import { runRecordKind, runRecordOwner } from './run-record';

/** What the planning step of a run decided. */
export interface PreparedRun {
  readonly churn: ChurnStage;
  readonly shards: readonly Shard[];
  /** Customers the shards held when planned. */
  readonly customersTotal: number;
  readonly previousRunAsOf: string | null;
  readonly planMilliseconds: number;
  readonly reasons: readonly string[];
}

/**
 * Plans a run: prepares the churn step (retraining the model when due), finds the previous run (for
 * deltas) and splits the customers into shards.
 */
export async function prepareRun(
  store: Store,
  options: {
    readonly asOf: string;
    readonly shardSize: number;
    readonly churn: ChurnPipelineOptions;
    readonly signal?: AbortSignal;
  },
): Promise<PreparedRun> {
  const start = performance.now();
  const churn = await prepareChurnStage(store, options.asOf, options.churn);
  const [previousRun] = await store.listResults(runRecordKind, runRecordOwner, {
    to: options.asOf,
    limit: 1,
  });
  const previousRunAsOf = previousRun?.asOf ?? null;
  const shards = await planShards(store, {
    asOf: options.asOf,
    shardSize: options.shardSize,
    modelVersion: churn.modelVersion,
    previousRunAsOf,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  const reasons = [`churn: ${churn.reason}`];
  if (previousRunAsOf === null) {
    reasons.push('first run on this store: no previous health results to compare with');
  }
  return {
    churn,
    shards,
    customersTotal: shards.reduce((sum, shard) => sum + shard.plannedSize, 0),
    previousRunAsOf,
    planMilliseconds: performance.now() - start,
    reasons,
  };
}
