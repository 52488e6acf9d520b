import type { Shard } from '../shards/shard';
import { shardId } from '../shards/shard';
import type { ShardHandler, ShardQueue } from './shard-queue';

/** Options of {@link createMemoryShardQueue}. */
export interface MemoryShardQueueOptions {
  /** Attempts per shard before it is given up (logged through `onFailure`). @defaultValue 3 */
  readonly attempts?: number;
  /** Told about every failed attempt. */
  readonly onFailure?: (shard: Shard, error: unknown, willRetry: boolean) => void;
}

/**
 * A shard queue inside this process: for the embedded default (PGlite) and tests. Nothing survives
 * the process; a run that crashed is resumed by running the same `asOf` again (completed shards are
 * skipped by their records).
 */
export function createMemoryShardQueue(options: MemoryShardQueueOptions = {}): ShardQueue {
  const attempts = options.attempts ?? 3;
  const waiting: { shard: Shard; attempt: number }[] = [];
  const known = new Set<string>();
  const wakeUps: (() => void)[] = [];
  const lanes: Promise<void>[] = [];
  let closed = false;

  const wake = () => {
    for (const wakeUp of wakeUps.splice(0)) wakeUp();
  };

  async function lane(handler: ShardHandler): Promise<void> {
    while (!closed) {
      const next = waiting.shift();
      if (next === undefined) {
        await new Promise<void>((resolve) => wakeUps.push(resolve));
        continue;
      }
      try {
        await handler(next.shard);
      } catch (error) {
        const willRetry = next.attempt + 1 < attempts && !closed;
        options.onFailure?.(next.shard, error, willRetry);
        if (willRetry) waiting.push({ shard: next.shard, attempt: next.attempt + 1 });
      }
    }
  }

  return {
    kind: 'memory',
    async enqueue(shards) {
      for (const shard of shards) {
        const id = shardId(shard);
        if (known.has(id)) continue;
        known.add(id);
        waiting.push({ shard, attempt: 0 });
      }
      wake();
    },
    async consume(handler, { concurrency }) {
      for (let index = 0; index < concurrency; index += 1) lanes.push(lane(handler));
    },
    async close() {
      closed = true;
      wake();
      await Promise.all(lanes);
    },
  };
}
