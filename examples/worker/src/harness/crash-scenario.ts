import { setTimeout as sleep } from 'node:timers/promises';
import { createPgClient, createPostgresStore, type PgClient } from '@kizuna/postgres';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { runRecordKind } from '../pipeline/run-record';
import type { RunReport } from '../pipeline/run-report';
import { seedCustomers } from '../seed/seed-customers';
import { shardRecordKind, shardRecordOwner } from '../shards/shard-record';
import { type NotificationSink, startNotificationSink } from './notification-sink';
import { startWorkerProcess, type WorkerProcess } from './worker-process';

/** Options of {@link runCrashScenario}. */
export interface CrashScenarioOptions {
  readonly queue: 'bullmq' | 'pg-boss';
  readonly databaseUrl: string;
  readonly redisUrl: string;
  /** Customers to seed (minimal records, so scoring is cheap). */
  readonly customers: number;
  /** Worker processes to start. */
  readonly workers: number;
  /** SIGKILL one worker once this many shards are complete; `null` kills nobody (a benchmark). */
  readonly killAfterShards: number | null;
  readonly asOf: string;
  /** Unique names for this run: store schema, pg-boss schema, BullMQ prefix and queue name. */
  readonly names: {
    readonly schema: string;
    readonly bossSchema: string;
    readonly prefix: string;
    readonly queueName: string;
  };
  readonly shardSize?: number;
  /** Extra environment for the processes (shorter locks and leases in tests). */
  readonly environment?: Readonly<Record<string, string>>;
  /** Give up after this long. @defaultValue 15 minutes */
  readonly timeoutMilliseconds?: number;
}

/** What {@link runCrashScenario} observed; the caller asserts on it. */
export interface CrashScenarioOutcome {
  readonly coordinatorExit: number | string;
  readonly report: RunReport | undefined;
  /** The killed worker's exit (its signal), or `null` when nobody was killed. */
  readonly killedExit: number | string | null;
  /** Shards completed when the kill happened. */
  readonly shardsCompleteAtKill: number | null;
  readonly customerIds: number;
  /** Health results stored at the run's `asOf`, and distinct customers among them. */
  readonly healthResults: number;
  readonly healthCustomers: number;
  /** How many times each customer appears across the shard completion records: each should be 1. */
  readonly shardCoverage: ReadonlyMap<string, number>;
  /** Outbox entries by status. */
  readonly outbox: Readonly<Record<string, number>>;
  readonly outboxKeys: readonly string[];
  readonly sink: NotificationSink;
  /** Jobs the queue had to hand to another worker (BullMQ stalled counter, pg-boss retry count). */
  readonly retriedJobs: number;
  readonly seedMilliseconds: number;
  /** From the first shard queued to the run record. */
  readonly runMilliseconds: number;
  readonly output: (index: number) => string;
}

async function count(client: PgClient, text: string, parameters: readonly unknown[]): Promise<number> {
  const [row] = await client.query<{ count: string }>(text, parameters);
  return Number(row?.count ?? 0);
}

/**
 * Runs real processes over a real PostgreSQL (and Redis for BullMQ): seeds the customers, starts a
 * notification sink, `workers` worker processes and a `--once` coordinator, SIGKILLs one worker
 * once `killAfterShards` shards are complete, waits for the run, stops the workers and reads back
 * everything needed to check "every customer once, no notification twice". The caller drops the
 * schemas and prefixes with {@link cleanUpCrashScenario}.
 */
export async function runCrashScenario(options: CrashScenarioOptions): Promise<CrashScenarioOutcome> {
  const { names, asOf } = options;
  const client = createPgClient({ connectionString: options.databaseUrl, maxConnections: 4 });
  const store = await createPostgresStore({ client, schema: names.schema, closeClient: false });
  const sink = await startNotificationSink();
  const processes: WorkerProcess[] = [];
  try {
    let start = performance.now();
    await seedCustomers(store, {
      count: options.customers,
      asOf,
      businessEvery: 1_000,
      detractorEvery: 100,
      chunkSize: 10_000,
    });
    const seedMilliseconds = performance.now() - start;
    const environment = {
      DATABASE_URL: options.databaseUrl,
      KIZUNA_SCHEMA: names.schema,
      REDIS_URL: options.redisUrl,
      WORKER_QUEUE_PREFIX: names.prefix,
      WORKER_QUEUE_NAME: names.queueName,
      PG_BOSS_SCHEMA: names.bossSchema,
      SLACK_WEBHOOK_URL: sink.url,
      WORKER_SHARD_SIZE: String(options.shardSize ?? 1_000),
      ...options.environment,
    };
    const queueArguments = ['--queue', options.queue];
    for (let index = 0; index < options.workers; index += 1) {
      processes.push(startWorkerProcess(['--role', 'worker', ...queueArguments], environment));
    }
    // Let the workers start (tsx, migrations, queue connections) before the run is planned, so the
    // run's time measures the pipeline, not process start-up.
    await Promise.all(
      processes.map(async (worker) => {
        while (!worker.output().includes('waiting for shard jobs')) {
          if (worker.child.exitCode !== null) throw new Error(`a worker exited early:\n${worker.output()}`);
          await sleep(100);
        }
      }),
    );
    start = performance.now();
    const coordinator = startWorkerProcess(
      ['--role', 'coordinator', '--once', '--as-of', asOf, ...queueArguments],
      environment,
    );
    processes.push(coordinator);
    const shardsComplete = () =>
      count(client, `select count(*) from "${names.schema}".results where kind = $1 and as_of = $2`, [
        shardRecordKind,
        asOf,
      ]);

    let killedExit: number | string | null = null;
    let shardsCompleteAtKill: number | null = null;
    const deadline = Date.now() + (options.timeoutMilliseconds ?? 15 * 60_000);
    if (options.killAfterShards !== null) {
      // Kill a worker while it holds a shard job (its last shard started and has not completed), so
      // the queue must hand that job over: with a fast pipeline a worker spends much of its time
      // between jobs, and killing one then would test nothing. A worker's log reaches us through a
      // pipe, late under load, so the store decides: the shard it last started must have no
      // completion record yet, checked right before the kill.
      const workers = processes.slice(0, options.workers);
      const openShardOf = (worker: WorkerProcess): string | undefined => {
        const output = worker.output();
        const started = output.lastIndexOf('"msg":"shard started"');
        if (
          started < 0 ||
          started < output.lastIndexOf('"msg":"shard completed"') ||
          started < output.lastIndexOf('"msg":"shard already completed"')
        )
          return undefined;
        const line = output.slice(output.lastIndexOf('\n', started) + 1, started);
        const index = line.match(/:shard:(\d+)"/)?.[1];
        return index === undefined ? undefined : shardRecordOwner(Number(index));
      };
      const shardCompleted = async (owner: string) =>
        (await count(
          client,
          `select count(*) from "${names.schema}".results where kind = $1 and customer_id = $2 and as_of = $3`,
          [shardRecordKind, owner, asOf],
        )) > 0;
      for (;;) {
        const complete = await shardsComplete();
        let victim: WorkerProcess | undefined;
        if (complete >= options.killAfterShards) {
          for (const worker of workers) {
            const owner = openShardOf(worker);
            if (owner !== undefined && !(await shardCompleted(owner))) {
              victim = worker;
              break;
            }
          }
        }
        if (victim !== undefined) {
          shardsCompleteAtKill = complete;
          victim.child.kill('SIGKILL');
          killedExit = await victim.exited;
          break;
        }
        if (complete >= Math.ceil(options.customers / (options.shardSize ?? 1_000))) {
          throw new Error(
            `every shard completed before a worker was caught holding one (${complete} shards)`,
          );
        }
        if (Date.now() > deadline)
          throw new Error(`no worker was caught holding a shard (${complete} complete)`);
        await sleep(complete >= options.killAfterShards ? 5 : 100);
      }
    }
    const coordinatorExit = await Promise.race([
      coordinator.exited,
      sleep(Math.max(0, deadline - Date.now()), 'timed out', { ref: false }),
    ]);
    const runMilliseconds = performance.now() - start;

    const runs = await store.listResults(runRecordKind, 'workspace', { limit: 1 });
    const report = runs[0]?.value as unknown as RunReport | undefined;
    const customerIds = await count(
      client,
      `select count(*) from "${names.schema}".records where kind = 'customer'`,
      [],
    );
    const [health] = await client.query<{ results: string; customers: string }>(
      `select count(*) as results, count(distinct customer_id) as customers
         from "${names.schema}".results where kind = 'health' and as_of = $1`,
      [asOf],
    );
    const shardRows = await client.query<{ ids: string[] }>(
      `select value->'customerIds' as ids from "${names.schema}".results where kind = $1 and as_of = $2`,
      [shardRecordKind, asOf],
    );
    const shardCoverage = new Map<string, number>();
    for (const row of shardRows) {
      for (const id of row.ids) shardCoverage.set(id, (shardCoverage.get(id) ?? 0) + 1);
    }
    const outboxRows = await client.query<{ status: string; count: string }>(
      `select status, count(*) from "${names.schema}".outbox group by status`,
    );
    const outboxKeys = (
      await client.query<{ key: string }>(`select idempotency_key as key from "${names.schema}".outbox`)
    ).map((row) => row.key);

    let retriedJobs = 0;
    if (options.queue === 'bullmq') {
      const connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
      const queue = new Queue(names.queueName, { connection, prefix: names.prefix });
      const jobs = await queue.getJobs(['completed', 'failed', 'active', 'waiting', 'delayed']);
      retriedJobs = jobs.filter((job) => job.stalledCounter > 0 || job.attemptsMade > 1).length;
      await queue.close();
      connection.disconnect();
    } else {
      retriedJobs = await count(
        client,
        `select count(*) from (
           select retry_count from "${names.bossSchema}".job where name = $1 and retry_count > 0
           union all
           select retry_count from "${names.bossSchema}".archive where name = $1 and retry_count > 0) retried`,
        [names.queueName],
      );
    }
    return {
      coordinatorExit,
      report,
      killedExit,
      shardsCompleteAtKill,
      customerIds,
      healthResults: Number(health?.results ?? 0),
      healthCustomers: Number(health?.customers ?? 0),
      shardCoverage,
      outbox: Object.fromEntries(outboxRows.map((row) => [row.status, Number(row.count)])),
      outboxKeys,
      sink,
      retriedJobs,
      seedMilliseconds,
      runMilliseconds,
      output: (index) => processes[index]?.output() ?? '',
    };
  } finally {
    for (const process of processes) {
      if (process.child.exitCode === null && process.child.signalCode === null) process.child.kill('SIGTERM');
    }
    await Promise.all(
      processes.map((process) =>
        Promise.race([
          process.exited,
          sleep(20_000, undefined, { ref: false }).then(() => process.child.kill('SIGKILL')),
        ]),
      ),
    );
    await sink.close();
    await store.close();
    await client.close();
  }
}

/** Drops what {@link runCrashScenario} created: the store and pg-boss schemas and the BullMQ keys. */
export async function cleanUpCrashScenario(options: {
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly names: CrashScenarioOptions['names'];
  readonly redis: boolean;
}): Promise<void> {
  const client = createPgClient({ connectionString: options.databaseUrl, maxConnections: 1 });
  try {
    await client.query(`drop schema if exists "${options.names.schema}" cascade`);
    await client.query(`drop schema if exists "${options.names.bossSchema}" cascade`);
  } finally {
    await client.close();
  }
  if (!options.redis) return;
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 1 });
  redis.on('error', () => {});
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${options.names.prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
