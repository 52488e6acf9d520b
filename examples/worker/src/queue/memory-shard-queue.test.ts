import { describe, expect, it } from 'vitest';
import type { Shard } from '../shards/shard';
import { createMemoryShardQueue } from './memory-shard-queue';

const shard = (index: number): Shard => ({
  runId: 'run:2026-04-01T00:00:00.000Z',
  asOf: '2026-04-01T00:00:00.000Z',
  index,
  shardCount: 2,
  after: null,
  through: `c${index}`,
  plannedSize: 1,
  modelVersion: null,
  previousRunAsOf: null,
});

describe('createMemoryShardQueue', () => {
  it('queues a shard once, retries a failed attempt and gives up after the last one', async () => {
    const failures: [number, boolean][] = [];
    const queue = createMemoryShardQueue({
      attempts: 2,
      onFailure: (failed, _error, willRetry) => failures.push([failed.index, willRetry]),
    });
    const attempts = new Map<number, number>();
    let settle: () => void = () => {};
    const done = new Promise<void>((resolve) => {
      settle = resolve;
    });
    await queue.consume(
      async (job) => {
        attempts.set(job.index, (attempts.get(job.index) ?? 0) + 1);
        if (job.index === 1 || attempts.get(job.index) === 1) {
          if (job.index === 1 && attempts.get(1) === 2) setImmediate(settle);
          throw new Error(`shard ${job.index} failed`);
        }
      },
      { concurrency: 2 },
    );
    await queue.enqueue([shard(0), shard(1)]);
    await queue.enqueue([shard(0)]);
    await done;
    await queue.close();

    expect(attempts).toEqual(
      new Map([
        [0, 2],
        [1, 2],
      ]),
    );
    expect(failures.toSorted()).toEqual([
      [0, true],
      [1, false],
      [1, true],
    ]);
  });
});
