import { createMemoryStore } from '@kizuna/core';
import { createPgClient } from '@kizuna/postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCustomers } from '../seed/seed-customers';
import { readShardRecord } from '../shards/shard-record';
import { noChurn } from '../test-support/no-churn';
import { createRecordingNotifier } from '../test-support/recording-notifier';
import {
  deleteRedisPrefix,
  probePostgres,
  probeRedis,
  testDatabaseUrl,
  testRedisUrl,
  uniqueName,
} from '../test-support/services';
import { createBullmqShardQueue } from './bullmq-shard-queue';
import { coordinateRun } from './coordinate-run';
import { createShardHandler } from './create-shard-handler';
import { createMemoryShardQueue } from './memory-shard-queue';
import { createPgBossShardQueue } from './pg-boss-shard-queue';
import type { ShardQueue } from './shard-queue';

const asOf = '2026-04-01T00:00:00.000Z';
const postgresReachable = await probePostgres();
const redisReachable = await probeRedis();
const bossSchema = uniqueName('pgboss_test');
const redisPrefix = uniqueName('kizuna_test');

afterAll(async () => {
  if (postgresReachable) {
    const client = createPgClient({ connectionString: testDatabaseUrl });
    await client.query(`drop schema if exists "${bossSchema}" cascade`);
    await client.close();
  }
  if (redisReachable) await deleteRedisPrefix(redisPrefix);
});

const adapters: { name: string; available: boolean; create: (queueName: string) => ShardQueue }[] = [
  { name: 'memory', available: true, create: () => createMemoryShardQueue() },
  {
    name: 'bullmq',
    available: redisReachable,
    create: (queueName) => createBullmqShardQueue({ redisUrl: testRedisUrl, prefix: redisPrefix, queueName }),
  },
  {
    name: 'pg-boss',
    available: postgresReachable,
    create: (queueName) =>
      createPgBossShardQueue({ connectionString: testDatabaseUrl, schema: bossSchema, queueName }),
  },
];

describe.each(adapters)('coordinateRun on the $name shard queue', ({ available, create }) => {
  let queue: ShardQueue;
  let consumer: ShardQueue;
  const queueName = uniqueName('shards').replaceAll('_', '-');
  beforeAll(() => {
    if (!available) return;
    queue = create(queueName);
    consumer = create(queueName);
  });
  afterAll(async () => {
    await consumer?.close();
    await queue?.close();
  });

  it.runIf(available)('processes every shard once across two consumers and records the run', async () => {
    const store = createMemoryStore();
    await seedCustomers(store, { count: 45, asOf, detractorEvery: 9 });
    const notifier = createRecordingNotifier();
    const processed: number[] = [];
    const handlerOptions = { store, notifier, batchSize: 4, churn: noChurn };
    // Two consumers: one on the coordinator's queue object, one on a second connection.
    const shared = queue.kind === 'memory' ? queue : consumer;
    await queue.consume(
      createShardHandler({ ...handlerOptions, onShard: (outcome) => processed.push(outcome.shard.index) }),
      {
        concurrency: 1,
      },
    );
    await shared.consume(
      createShardHandler({ ...handlerOptions, onShard: (outcome) => processed.push(outcome.shard.index) }),
      {
        concurrency: 1,
      },
    );

    const report = await coordinateRun({
      churn: noChurn,
      store,
      notifier,
      queue,
      asOf,
      shardSize: 10,
      pollMilliseconds: 50,
    });

    expect(report.status).toBe('completed');
    expect(report.shards.total).toBe(5);
    expect(report.customers.scored).toBe(45);
    expect(processed.toSorted()).toEqual([0, 1, 2, 3, 4]);
    const records = await Promise.all(
      [0, 1, 2, 3, 4].map((index) => readShardRecord(store, { index, asOf })),
    );
    expect(new Set(records.flatMap((record) => record?.customerIds ?? [])).size).toBe(45);
    const keys = notifier.sent.map((action) => action.idempotencyKey);
    expect(keys.length).toBe(report.actions.enqueued);
    expect(new Set(keys).size).toBe(keys.length);
    expect(await store.listActions({ status: 'pending' })).toEqual([]);

    // Planning the same run again queues nothing new: the shards are known (or completed).
    const again = await coordinateRun({
      churn: noChurn,
      store,
      notifier,
      queue,
      asOf,
      shardSize: 10,
      pollMilliseconds: 50,
    });
    expect(again.customers.scored).toBe(45);
    expect(notifier.sent.length).toBe(keys.length);
  });
});
