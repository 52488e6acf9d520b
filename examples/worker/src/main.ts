import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { Store } from '@kizuna/core';
import { type CommandLine, parseCommandLine, usage } from './config/command-line';
import { parseWorkerEnvironment, storeLocationOf, type WorkerEnvironment } from './config/worker-config';
import type { RunReport } from './pipeline/run-report';
import type { WorkerLogger } from './pipeline/worker-logger';
import { createProgressReporter } from './progress/create-progress-reporter';
import { createBullmqShardQueue } from './queue/bullmq-shard-queue';
import { coordinateRun } from './queue/coordinate-run';
import { createShardHandler } from './queue/create-shard-handler';
import { createMemoryShardQueue } from './queue/memory-shard-queue';
import { createPgBossShardQueue } from './queue/pg-boss-shard-queue';
import type { ShardQueue } from './queue/shard-queue';
import { createNotifier } from './runtime/create-notifier';
import { createWorkerLogger } from './runtime/create-worker-logger';
import { openStore } from './runtime/open-store';
import { seedCustomers } from './seed/seed-customers';

/**
 * The worker's command-line entry: `tsx src/main.ts --help`. Opens the store of the environment,
 * then coordinates runs (on a schedule or `--once`) and/or processes shard jobs, depending on
 * `--role` and `--queue`. SIGINT/SIGTERM stop it between batches; shard jobs in progress are left
 * to be retried by another worker.
 */
async function main(): Promise<number> {
  const commandLine = parseCommandLine(process.argv.slice(2));
  if (commandLine.help) {
    console.log(usage);
    return 0;
  }
  // A local .env (see .env.example) fills in variables the shell did not set.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const environment = parseWorkerEnvironment();
  const terminal = process.stderr.isTTY === true && commandLine.role !== 'worker';
  const logger = createWorkerLogger(environment, {
    progressBar: terminal,
    name: commandLine.role === 'worker' ? 'kizuna-worker' : 'kizuna-coordinator',
  });
  const location = storeLocationOf(environment);
  if (commandLine.queue !== 'memory' && location.kind === 'embedded') {
    throw new Error(
      `--queue ${commandLine.queue} shares work between processes, which embedded PGlite cannot: set DATABASE_URL to a PostgreSQL server (or use --queue memory).`,
    );
  }

  const controller = new AbortController();
  const stop = (signal: string) => {
    if (controller.signal.aborted) return;
    logger.warn({ signal }, 'stopping');
    controller.abort(new Error(`stopped by ${signal}`));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  // A worker started by a coordinator stops when its parent goes away.
  process.once('disconnect', () => stop('parent exited'));

  const store = await openStore(location);
  logger.info(
    {
      store: location.kind === 'server' ? 'postgresql' : `pglite (${location.dataDir})`,
      schema: location.schema,
    },
    'store open',
  );
  const queue = createQueue(commandLine, environment, logger);
  const pipeline = {
    store,
    notifier: createNotifier(environment, logger),
    logger,
    batchSize: environment.WORKER_BATCH_SIZE,
    shardSize: environment.WORKER_SHARD_SIZE,
    churn: {
      enabled: environment.WORKER_CHURN_ENABLED,
      retrainEveryDays: environment.WORKER_CHURN_RETRAIN_DAYS,
    },
    outbox: {
      leaseMilliseconds: environment.OUTBOX_LEASE_MILLISECONDS,
      batchSize: environment.OUTBOX_BATCH_SIZE,
    },
    signal: controller.signal,
  };
  const children: ChildProcess[] = [];
  try {
    if (commandLine.role === 'worker') {
      await queue.consume(createShardHandler(pipeline), { concurrency: Math.max(1, commandLine.workers) });
      logger.info({ queue: queue.kind }, 'waiting for shard jobs');
      await new Promise((resolve) => controller.signal.addEventListener('abort', resolve, { once: true }));
      return 0;
    }

    if (commandLine.seed > 0) await seedWhenEmpty(store, commandLine.seed, logger);
    if (commandLine.role === 'all') {
      if (commandLine.queue === 'memory' || commandLine.workers === 0) {
        await queue.consume(createShardHandler(pipeline), { concurrency: Math.max(1, commandLine.workers) });
      } else {
        for (let index = 0; index < commandLine.workers; index += 1) {
          children.push(startWorkerProcess(commandLine, logger));
        }
      }
    }

    const progress = createProgressReporter({ terminal, logger });
    const runOnce = async (asOf?: string): Promise<RunReport> => {
      const report = await coordinateRun({
        ...pipeline,
        queue,
        onProgress: progress.onProgress,
        ...(asOf === undefined ? {} : { asOf }),
      });
      progress.stop();
      printSummary(report, terminal, logger);
      return report;
    };

    if (commandLine.once) {
      const report = await runOnce(commandLine.asOf);
      return report.status === 'completed' ? 0 : 1;
    }
    const intervalMilliseconds =
      (commandLine.intervalMinutes ?? environment.WORKER_INTERVAL_MINUTES) * 60_000;
    logger.info({ intervalMilliseconds }, 'running on a schedule');
    while (!controller.signal.aborted) {
      const started = Date.now();
      await runOnce();
      const wait = Math.max(0, intervalMilliseconds - (Date.now() - started));
      await sleep(wait, undefined, { signal: controller.signal }).catch(() => undefined);
    }
    return 0;
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((child) => waitForExit(child)));
    await queue.close().catch((error: unknown) => logger.warn({ err: error }, 'queue did not close cleanly'));
    await store.close();
  }
}

function createQueue(
  commandLine: CommandLine,
  environment: WorkerEnvironment,
  logger: WorkerLogger,
): ShardQueue {
  const onFailure = (shard: { index: number; runId: string }, error: unknown) =>
    logger.warn({ runId: shard.runId, shard: shard.index, err: error }, 'shard attempt failed');
  switch (commandLine.queue) {
    case 'memory':
      return createMemoryShardQueue({ onFailure });
    case 'pg-boss':
      return createPgBossShardQueue({
        connectionString: environment.DATABASE_URL!,
        schema: environment.PG_BOSS_SCHEMA,
        queueName: environment.WORKER_QUEUE_NAME,
        expireInSeconds: environment.PG_BOSS_EXPIRE_SECONDS,
        maintenanceIntervalSeconds: environment.PG_BOSS_MAINTENANCE_SECONDS,
        onError: (error) => logger.warn({ err: error }, 'pg-boss error'),
      });
    case 'bullmq':
      return createBullmqShardQueue({
        redisUrl: environment.REDIS_URL,
        queueName: environment.WORKER_QUEUE_NAME,
        prefix: environment.WORKER_QUEUE_PREFIX,
        lockMilliseconds: environment.BULLMQ_LOCK_MILLISECONDS,
        stalledCheckMilliseconds: environment.BULLMQ_LOCK_MILLISECONDS,
        onFailure,
      });
  }
}

function startWorkerProcess(commandLine: CommandLine, logger: WorkerLogger): ChildProcess {
  const child = fork(fileURLToPath(import.meta.url), ['--role', 'worker', '--queue', commandLine.queue], {
    stdio: 'inherit',
  });
  child.on('exit', (code, signal) => {
    if (code !== 0) logger.warn({ pid: child.pid, code, signal }, 'worker process exited');
  });
  return child;
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function seedWhenEmpty(store: Store, count: number, logger: WorkerLogger): Promise<void> {
  const existing = await store.listCustomerIds({ limit: 1 });
  if (existing.length > 0) {
    logger.info({}, 'store already has customers: not seeding');
    return;
  }
  const written = await seedCustomers(store, { count, asOf: new Date().toISOString() });
  logger.info({ written }, 'seeded demo customers');
}

function printSummary(report: RunReport, terminal: boolean, logger: WorkerLogger): void {
  if (!terminal) return;
  const { customers, health, churn, actions, notifications, durations } = report;
  console.error(
    [
      `${report.runId}: ${report.status}${report.error === undefined ? '' : ` (${report.error})`}`,
      `  customers  ${customers.scored} scored of ${customers.listed}, skipped ${customers.churned} churned, ${customers.failed} failed, ${customers.perSecond}/s`,
      `  health     red ${health.red} · yellow ${health.yellow} · green ${health.green} · average ${health.averageScore ?? '–'} · ${health.bandChanges} changed band`,
      `  churn      ${churn.method}${churn.modelVersion === null ? '' : ` ${churn.modelVersion}`}: ${churn.predicted} predicted (${churn.reason})`,
      `  actions    ${actions.enqueued} new, ${actions.duplicates} already queued; delivered ${notifications.delivered}, retrying ${notifications.retrying}, failed ${notifications.failed}`,
      `  took       ${(durations.totalMilliseconds / 1000).toFixed(1)} s`,
    ].join('\n'),
  );
  logger.info({ report }, 'run report');
}

main().then(
  (code) => {
    process.exitCode = code;
    // Everything is closed; do not let a stray timer of a library keep the process alive.
    setTimeout(() => process.exit(code), 2_000).unref();
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
