import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { Shard } from '../shards/shard';
import { shardId } from '../shards/shard';
import type { ShardQueue } from './shard-queue';

/** Options of {@link createBullmqShardQueue}. */
export interface BullmqShardQueueOptions {
  /** `redis://host:port` (often `REDIS_URL`). */
  readonly redisUrl: string;
  /** Queue name. @defaultValue 'kizuna-shards' */
  readonly queueName?: string;
  /** Key prefix in Redis, so several deployments (or test runs) share a server. @defaultValue 'kizuna' */
  readonly prefix?: string;
  /** Attempts per shard job (failures, not crashes). @defaultValue 5 */
  readonly attempts?: number;
  /**
   * How long a consumer's lock on a job lasts without renewal (renewed every half of it while the
   * process lives). A killed process's job goes back to waiting once it lapses. @defaultValue 30000
   */
  readonly lockMilliseconds?: number;
  /** How often consumers look for jobs whose lock lapsed. @defaultValue 30000 */
  readonly stalledCheckMilliseconds?: number;
  /** Crashes a job may suffer before it fails for good. @defaultValue 5 */
  readonly maximumStalls?: number;
  /** Told about every failed attempt. */
  readonly onFailure?: (shard: Shard, error: unknown) => void;
}

/** The BullMQ job id of a shard (BullMQ ids may not contain `:`). */
export function bullmqJobId(shard: Pick<Shard, 'runId' | 'index'>): string {
  return shardId(shard).replaceAll(':', '_');
}

/**
 * The many-machine shard queue: BullMQ on Redis. Any number of worker processes on any machines
 * consume the same queue; a job is locked by one consumer, renewed while it lives, and handed to
 * another after `lockMilliseconds` when the consumer dies (BullMQ's stalled-job check). Job ids come
 * from shard ids, so planning a run twice queues each shard once.
 *
 * @example
 * ```ts
 * const queue = createBullmqShardQueue({ redisUrl: process.env.REDIS_URL! });
 * await queue.consume(async (shard) => { ... }, { concurrency: 1 });
 * ```
 */
export function createBullmqShardQueue(options: BullmqShardQueueOptions): ShardQueue {
  const queueName = options.queueName ?? 'kizuna-shards';
  const prefix = options.prefix ?? 'kizuna';
  const connections: Redis[] = [];
  const connect = () => {
    // BullMQ requires maxRetriesPerRequest: null on connections used by workers (blocking commands).
    const connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
    connection.on('error', () => {});
    connections.push(connection);
    return connection;
  };
  let queue: Queue | undefined;
  const workers: Worker[] = [];

  return {
    kind: 'bullmq',
    async enqueue(shards) {
      queue ??= new Queue(queueName, { connection: connect(), prefix });
      await queue.addBulk(
        shards.map((shard) => ({
          name: 'shard',
          data: shard,
          opts: {
            jobId: bullmqJobId(shard),
            attempts: options.attempts ?? 5,
            backoff: { type: 'exponential', delay: 1_000 },
            removeOnComplete: { age: 7 * 86_400 },
            removeOnFail: { age: 30 * 86_400 },
          },
        })),
      );
    },
    async consume(handler, { concurrency }) {
      const worker = new Worker<Shard>(queueName, async (job) => handler(job.data), {
        connection: connect(),
        prefix,
        concurrency,
        lockDuration: options.lockMilliseconds ?? 30_000,
        stalledInterval: options.stalledCheckMilliseconds ?? 30_000,
        maxStalledCount: options.maximumStalls ?? 5,
      });
      worker.on('failed', (job, error) => {
        if (job !== undefined) options.onFailure?.(job.data, error);
      });
      worker.on('error', () => {});
      workers.push(worker);
      await worker.waitUntilReady();
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
      await queue?.close();
      await Promise.all(connections.map((connection) => connection.quit().catch(() => undefined)));
    },
  };
}
