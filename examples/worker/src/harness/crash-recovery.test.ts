import { afterAll, describe, expect, it } from 'vitest';
import {
  probePostgres,
  probeRedis,
  testDatabaseUrl,
  testRedisUrl,
  uniqueName,
} from '../test-support/services';
import { type CrashScenarioOptions, cleanUpCrashScenario, runCrashScenario } from './crash-scenario';

/**
 * 50,000 customers as the issue asks when CI runs it (`KIZUNA_REQUIRE_SERVICES=1`); 5,000 in a local
 * `npm test`, where 50,000 take minutes per queue on a 2-core machine. `KIZUNA_CRASH_TEST_CUSTOMERS`
 * sets the number either way.
 */
const customers = Number(
  process.env.KIZUNA_CRASH_TEST_CUSTOMERS ?? (process.env.KIZUNA_REQUIRE_SERVICES === '1' ? 50_000 : 5_000),
);
if (customers < 50_000) {
  console.info(
    `crash tests over ${customers} customers (KIZUNA_REQUIRE_SERVICES=1 or KIZUNA_CRASH_TEST_CUSTOMERS=50000 for the full size)`,
  );
}
const shardSize = 1_000;
const asOf = '2026-04-01T00:00:00.000Z';
const postgresReachable = await probePostgres();
const redisReachable = postgresReachable && (await probeRedis());
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

function namesFor(queue: string): CrashScenarioOptions['names'] {
  const tag = uniqueName(`crash_${queue.replace('-', '')}`);
  return { schema: tag, bossSchema: `${tag}_boss`, prefix: tag, queueName: `${tag}-shards` };
}

/**
 * Churn is off here: the crash test is about the queues' hand-over and the outbox, and churn's own
 * idempotency (same keys, same results on a re-run) is covered in the pipeline's tests; with it on,
 * 50,000 customers take roughly twice as long on this shared 2-core machine.
 */
const crashEnvironment = { WORKER_CHURN_ENABLED: 'false' };

async function crashAndCheck(queue: 'bullmq' | 'pg-boss', environment: Record<string, string>) {
  const names = namesFor(queue);
  cleanups.push(() =>
    cleanUpCrashScenario({
      databaseUrl: testDatabaseUrl,
      redisUrl: testRedisUrl,
      names,
      redis: redisReachable,
    }),
  );
  const outcome = await runCrashScenario({
    queue,
    databaseUrl: testDatabaseUrl,
    redisUrl: testRedisUrl,
    customers,
    workers: 3,
    killAfterShards: 3,
    asOf,
    names,
    shardSize,
    environment: { ...crashEnvironment, ...environment },
  });
  const context = `coordinator output:\n${outcome.output(3).slice(-4_000)}`;
  expect(outcome.coordinatorExit, context).toBe(0);
  expect(outcome.killedExit).toBe('SIGKILL');
  // The kill happened mid-run: shards were left to do, and the queue had to hand one over.
  expect(outcome.shardsCompleteAtKill).toBeLessThan(customers / shardSize);
  expect(outcome.retriedJobs).toBeGreaterThanOrEqual(1);

  // Every customer scored exactly once: one stored health result each at the run's instant, and
  // one completed shard covering each customer.
  expect(outcome.customerIds).toBe(customers);
  expect(outcome.healthResults).toBe(customers);
  expect(outcome.healthCustomers).toBe(customers);
  expect(outcome.shardCoverage.size).toBe(customers);
  expect([...outcome.shardCoverage.values()].every((times) => times === 1)).toBe(true);
  expect(outcome.report).toMatchObject({ status: 'completed', customers: { scored: customers, failed: 0 } });

  // Nothing lost, nothing sent twice: every action delivered, each key accepted by the sink once; at
  // most the one request the killed worker had in flight was repeated (same Idempotency-Key).
  const actions = outcome.outboxKeys.length;
  expect(actions).toBeGreaterThan(customers / 100);
  expect(outcome.outbox).toEqual({ delivered: actions });
  expect(outcome.sink.delivered.size).toBe(actions);
  expect(outcome.outboxKeys.every((key) => outcome.sink.delivered.has(key))).toBe(true);
  expect(outcome.sink.withoutKey).toBe(0);
  expect(outcome.sink.replays).toBeLessThanOrEqual(1);
  console.info(
    `${queue} crash test: ${customers} customers seeded in ${Math.round(outcome.seedMilliseconds)} ms, run in ${Math.round(outcome.runMilliseconds)} ms ` +
      `(${Math.round((customers / outcome.runMilliseconds) * 1000)}/s with 3 workers, one killed after ${outcome.shardsCompleteAtKill} shards); ` +
      `${actions} notifications, ${outcome.sink.replays} replayed, ${outcome.retriedJobs} job(s) handed over`,
  );
}

describe('crash recovery with real worker processes', () => {
  it.runIf(redisReachable)(
    `BullMQ on Redis: three workers over ${customers} customers, one SIGKILLed mid-run; every customer scored once, no notification sent twice`,
    async () => {
      await crashAndCheck('bullmq', {
        BULLMQ_LOCK_MILLISECONDS: '10000',
        OUTBOX_LEASE_MILLISECONDS: '10000',
      });
    },
    20 * 60_000,
  );

  it.runIf(postgresReachable)(
    `pg-boss on PostgreSQL: three workers over ${customers} customers, one SIGKILLed mid-run; every customer scored once, no notification sent twice`,
    async () => {
      await crashAndCheck('pg-boss', {
        PG_BOSS_EXPIRE_SECONDS: '45',
        PG_BOSS_MAINTENANCE_SECONDS: '1',
        OUTBOX_LEASE_MILLISECONDS: '10000',
      });
    },
    20 * 60_000,
  );
});
