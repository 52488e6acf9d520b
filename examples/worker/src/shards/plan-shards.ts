import type { Store } from '@kizuna/core';
import { runIdOf, type Shard } from './shard';

/** Options of {@link planShards}. */
export interface PlanShardsOptions {
  readonly asOf: string;
  /** Customers per shard. */
  readonly shardSize: number;
  /** The churn model version the run uses. */
  readonly modelVersion: string | null;
  /** The `asOf` of the latest earlier run (`null` for the first). */
  readonly previousRunAsOf: string | null;
  readonly signal?: AbortSignal;
}

/**
 * Splits the store's customers into shards of `shardSize` consecutive ids, by walking
 * `store.listCustomerIds({ after, limit })` (one indexed query per shard). Customers added after
 * planning fall into the shard whose range holds their id, or are left to the next run when their id
 * sorts after the last shard.
 */
export async function planShards(store: Store, options: PlanShardsOptions): Promise<Shard[]> {
  const ranges: { after: string | null; through: string; size: number }[] = [];
  let after: string | null = null;
  for (;;) {
    options.signal?.throwIfAborted();
    const ids = await store.listCustomerIds({
      ...(after === null ? {} : { after }),
      limit: options.shardSize,
    });
    if (ids.length === 0) break;
    const through = ids[ids.length - 1]!;
    ranges.push({ after, through, size: ids.length });
    after = through;
    if (ids.length < options.shardSize) break;
  }
  const runId = runIdOf(options.asOf);
  return ranges.map((range, index) => ({
    runId,
    asOf: options.asOf,
    index,
    shardCount: ranges.length,
    after: range.after,
    through: range.through,
    plannedSize: range.size,
    modelVersion: options.modelVersion,
    previousRunAsOf: options.previousRunAsOf,
  }));
}
