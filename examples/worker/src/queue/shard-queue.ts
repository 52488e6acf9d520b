import type { Shard } from '../shards/shard';

/** Handles one shard job; resolving acknowledges it, rejecting hands it back for a retry. */
export type ShardHandler = (shard: Shard) => Promise<void>;

/**
 * The job-queue port of the worker: shard jobs go in once per shard, any number of consumers in any
 * number of processes take them out, and a job whose consumer died is handed to another one.
 *
 * Semantics every adapter (memory, pg-boss, BullMQ) keeps: enqueueing a shard that is already queued
 * changes nothing (job ids derive from the shard id); a job is acknowledged only when its handler
 * resolved; a rejected job or one whose process died is retried (after its lock or expiry lapses).
 * Delivery is at least once: handlers are idempotent (see `runShard`).
 */
export interface ShardQueue {
  /** `memory`, `pg-boss` or `bullmq`. */
  readonly kind: string;
  /** Queues the shards of a run. */
  enqueue(shards: readonly Shard[]): Promise<void>;
  /** Starts `concurrency` consumers in this process; resolves once they are listening. */
  consume(handler: ShardHandler, options: { readonly concurrency: number }): Promise<void>;
  /** Stops consuming (waiting for jobs in progress) and releases connections. */
  close(): Promise<void>;
}
