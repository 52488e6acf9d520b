import type { Store } from '@kizuna/core';
import type { ShardWork } from '../pipeline/shard-work';
import type { Shard } from './shard';

/** Result kind of the completion record a shard leaves in the store. */
export const shardRecordKind = 'worker-shard';

/** What a completed shard stores: keyed by (`worker-shard`, `shard:<index>`, asOf), so once per run. */
export interface ShardRecord {
  readonly shard: Shard;
  readonly work: ShardWork;
  /** Every customer id the shard processed, in order: the audit trail of "each customer once". */
  readonly customerIds: readonly string[];
  readonly completedAt: string;
  /** Which process completed it (`host:pid`). */
  readonly processedBy: string;
}

/** The `customerId` field under which a shard's record is stored. */
export function shardRecordOwner(index: number): string {
  return `shard:${String(index).padStart(6, '0')}`;
}

/** The completion record of a shard, or `undefined` while it is not complete. */
export async function readShardRecord(
  store: Store,
  shard: Pick<Shard, 'index' | 'asOf'>,
): Promise<ShardRecord | undefined> {
  const [stored] = await store.listResults(shardRecordKind, shardRecordOwner(shard.index), {
    from: shard.asOf,
    to: new Date(Date.parse(shard.asOf) + 1).toISOString(),
    limit: 1,
  });
  return stored === undefined ? undefined : (stored.value as unknown as ShardRecord);
}

/** Stores the completion record of a shard (replacing one of the same run, which changes nothing). */
export async function writeShardRecord(store: Store, record: ShardRecord): Promise<void> {
  await store.putResult({
    kind: shardRecordKind,
    customerId: shardRecordOwner(record.shard.index),
    asOf: record.shard.asOf,
    value: JSON.parse(JSON.stringify(record)),
  });
}
