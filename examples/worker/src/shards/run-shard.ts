import { hostname } from 'node:os';
import { type PipelineContext, processCustomers } from '../pipeline/process-customers';
import { addShardWork, emptyShardWork, type ShardWork } from '../pipeline/shard-work';
import { compareIds, type Shard } from './shard';
import { readShardRecord, writeShardRecord } from './shard-record';

/** Options of {@link runShard}. */
export interface RunShardOptions {
  /** Customers per snapshot batch. */
  readonly batchSize: number;
  readonly signal?: AbortSignal;
  /** Called after each batch with that batch's work (for progress). */
  readonly onBatch?: (work: ShardWork) => void;
  /** Who is processing (`host:pid` by default), kept in the completion record. */
  readonly processedBy?: string;
  /** Process the shard even when it has a completion record (a forced re-run). @defaultValue false */
  readonly redo?: boolean;
}

/** What {@link runShard} did. */
export interface ShardOutcome {
  readonly shard: Shard;
  readonly work: ShardWork;
  /** True when the shard had already been completed (a redelivered job): nothing was redone. */
  readonly alreadyCompleted: boolean;
}

/**
 * Processes one shard: its customers in batches through {@link processCustomers}, then a completion
 * record. A shard that already has its record is skipped, so a job delivered twice (a worker that
 * finished but died before acknowledging) completes once. A worker killed mid-shard leaves no record:
 * the retried job processes the whole shard again, which replaces the same results and enqueues no
 * action twice.
 */
export async function runShard(
  context: PipelineContext,
  shard: Shard,
  options: RunShardOptions,
): Promise<ShardOutcome> {
  if (options.redo !== true) {
    const existing = await readShardRecord(context.store, shard);
    if (existing !== undefined) return { shard, work: existing.work, alreadyCompleted: true };
  }

  const work = emptyShardWork();
  const customerIds: string[] = [];
  let cursor = shard.after;
  for (;;) {
    options.signal?.throwIfAborted();
    const page = await context.store.listCustomerIds({
      ...(cursor === null ? {} : { after: cursor }),
      limit: options.batchSize,
    });
    const inShard = page.filter((id) => compareIds(id, shard.through) <= 0);
    if (inShard.length === 0) break;
    const batchWork = await processCustomers(context, inShard);
    addShardWork(work, batchWork);
    customerIds.push(...inShard);
    options.onBatch?.(batchWork);
    cursor = inShard[inShard.length - 1]!;
    if (inShard.length < page.length || page.length < options.batchSize) break;
  }
  await writeShardRecord(context.store, {
    shard,
    work,
    customerIds,
    completedAt: new Date().toISOString(),
    processedBy: options.processedBy ?? `${hostname()}:${process.pid}`,
  });
  return { shard, work, alreadyCompleted: false };
}
