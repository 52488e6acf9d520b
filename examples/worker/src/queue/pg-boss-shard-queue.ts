import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { Shard } from '../shards/shard';
import { shardId } from '../shards/shard';
import type { ShardQueue } from './shard-queue';

/** Options of {@link createPgBossShardQueue}. */
export interface PgBossShardQueueOptions {
  /** The PostgreSQL the store uses (often `DATABASE_URL`). */
  readonly connectionString: string;
  /** Schema of pg-boss's tables. @defaultValue 'pgboss' */
  readonly schema?: string;
  /** Queue name. @defaultValue 'kizuna-shards' */
  readonly queueName?: string;
  /** Retries per shard job after a failure or an expiry. @defaultValue 5 */
  readonly retryLimit?: number;
  /**
   * How long a job may stay active before pg-boss takes it back and retries it: the bound on how
   * long a crashed worker's shard waits. Must exceed the time one shard takes (a shard that outlives
   * it is processed twice, which is harmless but wasted). @defaultValue 900 (15 minutes)
   */
  readonly expireInSeconds?: number;
  /** How often pg-boss's maintenance expires jobs. @defaultValue 60 */
  readonly maintenanceIntervalSeconds?: number;
  /** How often an idle consumer polls. @defaultValue 1 */
  readonly pollingIntervalSeconds?: number;
  /** Told about pg-boss errors (maintenance, connection). */
  readonly onError?: (error: unknown) => void;
}

/** A stable UUID for a shard, so inserting the same shard twice is a no-op (`on conflict do nothing`). */
export function pgBossJobId(shard: Pick<Shard, 'runId' | 'index'>): string {
  const hex = createHash('sha1').update(shardId(shard)).digest('hex');
  const variant = ((Number.parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The single-machine shard queue: pg-boss 10 on the same PostgreSQL as the store, so one database
 * is all a deployment needs. Consumers fetch with `SKIP LOCKED`; a job whose worker died is expired
 * after `expireInSeconds` by pg-boss's maintenance and retried.
 */
export function createPgBossShardQueue(options: PgBossShardQueueOptions): ShardQueue {
  const queueName = options.queueName ?? 'kizuna-shards';
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: options.schema ?? 'pgboss',
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
    monitorStateIntervalSeconds: 60,
    max: 4,
  });
  boss.on('error', (error) => options.onError?.(error));
  let started: Promise<void> | undefined;
  const createQueue = async () => {
    // Several processes starting on a fresh database race to create the queue (and its partition);
    // PostgreSQL then reports a deadlock or a duplicate to all but one. Those are retried.
    for (let attempt = 1; ; attempt += 1) {
      try {
        if ((await boss.getQueue(queueName)) === null) {
          await boss.createQueue(queueName, {
            name: queueName,
            retryLimit: options.retryLimit ?? 5,
            retryDelay: 1,
            retryBackoff: true,
            expireInSeconds: options.expireInSeconds ?? 900,
          });
        }
        return;
      } catch (error) {
        const code = (error as { code?: string }).code;
        const racing = code === '40P01' || code === '23505' || code === '42P07';
        if (!racing || attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt + Math.random() * 200));
      }
    }
  };
  const start = () => {
    started ??= (async () => {
      await boss.start();
      await createQueue();
    })();
    return started;
  };

  return {
    kind: 'pg-boss',
    async enqueue(shards) {
      await start();
      await boss.insert(
        shards.map((shard) => ({
          id: pgBossJobId(shard),
          name: queueName,
          data: shard as unknown as object,
          retryLimit: options.retryLimit ?? 5,
          expireInSeconds: options.expireInSeconds ?? 900,
        })),
      );
    },
    async consume(handler, { concurrency }) {
      await start();
      for (let index = 0; index < concurrency; index += 1) {
        await boss.work<Shard>(
          queueName,
          { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
          async ([job]) => {
            if (job !== undefined) await handler(job.data);
          },
        );
      }
    },
    async close() {
      if (started === undefined) return;
      await started.catch(() => undefined);
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    },
  };
}
