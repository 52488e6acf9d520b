import { parseArgs } from 'node:util';
import { uniqueName } from '../test-support/services';
import { cleanUpCrashScenario, runCrashScenario } from './crash-scenario';

/**
 * Measures end-to-end throughput for the benchmark (`pnpm bench worker`): seeds `--customers`
 * generated customers into a fresh schema of `DATABASE_URL`, runs one `--once` coordinator and
 * `--workers` worker processes on `--queue`, and prints one JSON line with the run's numbers.
 */
const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '10000' },
    workers: { type: 'string', default: '1' },
    queue: { type: 'string', default: 'pg-boss' },
    churn: { type: 'string', default: 'true' },
  },
});
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const tag = uniqueName('bench_worker');
const names = { schema: tag, bossSchema: `${tag}_boss`, prefix: tag, queueName: `${tag}-shards` };
const queue = values.queue === 'bullmq' ? 'bullmq' : 'pg-boss';
try {
  const outcome = await runCrashScenario({
    queue,
    databaseUrl,
    redisUrl,
    customers: Number(values.customers),
    workers: Number(values.workers),
    killAfterShards: null,
    asOf: '2026-04-01T00:00:00.000Z',
    names,
    environment: { WORKER_CHURN_ENABLED: values.churn ?? 'true', PG_BOSS_MAINTENANCE_SECONDS: '5' },
    timeoutMilliseconds: 4 * 3_600_000,
  });
  const report = outcome.report;
  const total = report?.durations.totalMilliseconds ?? Number.NaN;
  const plan = report?.durations.planMilliseconds ?? 0;
  console.log(
    JSON.stringify({
      queue,
      customers: Number(values.customers),
      workers: Number(values.workers),
      churn: values.churn === 'true',
      status: report?.status ?? String(outcome.coordinatorExit),
      scored: report?.customers.scored ?? 0,
      totalMilliseconds: total,
      planMilliseconds: plan,
      customersPerSecond: ((report?.customers.scored ?? 0) / total) * 1000,
      customersPerSecondAfterPlanning: ((report?.customers.scored ?? 0) / (total - plan)) * 1000,
      notifications: outcome.sink.delivered.size,
      seedMilliseconds: outcome.seedMilliseconds,
    }),
  );
} finally {
  await cleanUpCrashScenario({ databaseUrl, redisUrl, names, redis: queue === 'bullmq' });
}
