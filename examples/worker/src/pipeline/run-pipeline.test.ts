import { createEventBus, createMemoryStore, type KizunaEventName } from '@kizuna/core';
import { describe, expect, it } from 'vitest';
import { seedCustomers } from '../seed/seed-customers';
import { readShardRecord } from '../shards/shard-record';
import { noChurn } from '../test-support/no-churn';
import { createRecordingNotifier } from '../test-support/recording-notifier';
import { runPipeline } from './run-pipeline';
import { listRunRecords } from './run-record';

const asOf = '2026-04-01T00:00:00.000Z';
const nextDay = '2026-04-02T00:00:00.000Z';

async function seededStore(count: number) {
  const store = createMemoryStore();
  await seedCustomers(store, { count, asOf, detractorEvery: 10, businessEvery: 5 });
  return store;
}

describe('runPipeline', () => {
  it('scores every customer, stores results, enqueues and delivers the alerts, and records the run', async () => {
    const store = await seededStore(60);
    const notifier = createRecordingNotifier();
    const report = await runPipeline({ churn: noChurn, store, asOf, notifier, batchSize: 7, shardSize: 25 });

    expect(report.status).toBe('completed');
    expect(report.shards).toEqual({ total: 3, completed: 3, resumed: 0 });
    expect(report.customers).toMatchObject({ listed: 60, scored: 60, missing: 0, failed: 0 });
    expect(report.health.red + report.health.yellow + report.health.green).toBe(60);
    // Six detractors (every 10th customer), three detractor actions each.
    expect(report.alerts.detractor).toBe(6);
    expect(report.actions.enqueued).toBe(report.actions.decided);
    expect(report.notifications.delivered).toBe(report.actions.enqueued);
    expect(new Set(notifier.sent.map((action) => action.idempotencyKey)).size).toBe(notifier.sent.length);

    const health = await store.getLatestResult('health', 'cust-0000042');
    expect(health?.asOf).toBe(asOf);
    expect(health?.value).toMatchObject({ scorecardId: expect.any(String), status: expect.any(String) });
    const [record] = await listRunRecords(store);
    expect(record).toMatchObject({ runId: `run:${asOf}`, status: 'completed', customers: { scored: 60 } });
  });

  it('re-running the same instant resumes the completed shards and sends nothing again', async () => {
    const store = await seededStore(30);
    const notifier = createRecordingNotifier();
    await runPipeline({ churn: noChurn, store, asOf, notifier, shardSize: 10 });
    const sentFirst = notifier.sent.length;
    const again = await runPipeline({ churn: noChurn, store, asOf, notifier, shardSize: 10 });

    expect(again.shards).toEqual({ total: 3, completed: 3, resumed: 3 });
    expect(again.reasons.some((reason) => reason.startsWith('resumed: 3 of 3'))).toBe(true);
    expect(notifier.sent.length).toBe(sentFirst);
    const forced = await runPipeline({ churn: noChurn, store, asOf, notifier, shardSize: 10, resume: false });
    expect(forced.shards.resumed).toBe(0);
    expect(forced.actions).toMatchObject({ enqueued: 0, duplicates: forced.actions.decided });
    expect(notifier.sent.length).toBe(sentFirst);
  });

  it('compares each score with the previous run and explains the change', async () => {
    const store = await seededStore(20);
    const notifier = createRecordingNotifier();
    await runPipeline({ churn: noChurn, store, asOf, notifier });
    const second = await runPipeline({ churn: noChurn, store, asOf: nextDay, notifier });

    expect(second.health.customersWithPrevious).toBe(20);
    const latest = await store.getLatestResult('health', 'cust-0000001');
    expect(latest?.asOf).toBe(nextDay);
    expect(latest?.value).toMatchObject({ delta: { explanation: expect.any(String) } });
  });

  it('writes a completion record per shard listing exactly the customers it processed', async () => {
    const store = await seededStore(23);
    await runPipeline({
      churn: noChurn,
      store,
      asOf,
      notifier: createRecordingNotifier(),
      shardSize: 10,
      batchSize: 4,
    });
    const shards = await Promise.all([0, 1, 2].map((index) => readShardRecord(store, { index, asOf })));
    const ids = shards.flatMap((shard) => shard?.customerIds ?? []);
    expect(shards.map((shard) => shard?.customerIds.length)).toEqual([10, 10, 3]);
    expect(new Set(ids).size).toBe(23);
  });

  it('emits health.scored for every customer and alert.raised for every new alert', async () => {
    const store = await seededStore(12);
    const events = createEventBus();
    const counts = new Map<KizunaEventName, number>();
    for (const name of ['health.scored', 'alert.raised', 'action.enqueued', 'notification.sent'] as const) {
      events.on(name, () => counts.set(name, (counts.get(name) ?? 0) + 1));
    }
    const report = await runPipeline({
      churn: noChurn,
      store,
      asOf,
      notifier: createRecordingNotifier(),
      events,
    });
    expect(counts.get('health.scored')).toBe(12);
    expect(counts.get('action.enqueued')).toBe(report.actions.enqueued);
    expect(counts.get('notification.sent')).toBe(report.notifications.delivered);
    expect(counts.get('alert.raised')).toBeGreaterThan(0);
  });

  it('reports an aborted run with its reason and records it', async () => {
    const store = await seededStore(10);
    const controller = new AbortController();
    controller.abort();
    const report = await runPipeline({
      churn: noChurn,
      store,
      asOf,
      notifier: createRecordingNotifier(),
      signal: controller.signal,
    });
    expect(report.status).toBe('aborted');
    expect(report.error).toBeDefined();
    const [record] = await listRunRecords(store);
    expect(record?.status).toBe('aborted');
  });

  it('counts a customer an engine rejects as failed, with the stage and message, and goes on', async () => {
    const store = await seededStore(5);
    const report = await runPipeline({
      churn: noChurn,
      store,
      asOf,
      notifier: createRecordingNotifier(),
      alertOptions: { usageDropBelow: -1 } as never,
    });
    expect(report.customers.scored).toBe(5);
    expect(report.customers.failed).toBe(5);
    expect(report.failures[0]).toMatchObject({
      stage: 'decisions',
      message: expect.stringContaining('usageDropBelow'),
    });
  });
});

describe('runPipeline and churned customers', () => {
  it('skips customers who churned by asOf — no score, alert, journey or campaign — and counts them', async () => {
    const store = await seededStore(20);
    // Three left before the run (one exactly at asOf); one announced leaving after it and is still scored.
    const churnedIds = ['cust-0000003', 'cust-0000010', 'cust-0000015'];
    const churnedAt = ['2026-03-01T00:00:00.000Z', '2026-03-31T09:00:00.000Z', asOf];
    for (const [index, id] of churnedIds.entries()) {
      const customer = await store.getRecord('customer', id);
      await store.putRecords('customer', [{ ...customer, churnedAt: churnedAt[index] }]);
    }
    const leaving = await store.getRecord('customer', 'cust-0000007');
    await store.putRecords('customer', [{ ...leaving, churnedAt: '2026-05-01T00:00:00.000Z' }]);

    const notifier = createRecordingNotifier();
    const report = await runPipeline({ churn: noChurn, store, asOf, notifier, shardSize: 8 });

    expect(report.customers).toMatchObject({ listed: 20, scored: 17, churned: 3, missing: 0, failed: 0 });
    expect(report.health.red + report.health.yellow + report.health.green).toBe(17);
    for (const id of churnedIds) {
      expect(await store.getLatestResult('health', id), id).toBeUndefined();
      expect(await store.getLatestResult('expansion', id), id).toBeUndefined();
      expect(await store.listActions({ customerId: id }), id).toEqual([]);
    }
    expect(notifier.sent.filter((action) => churnedIds.includes(action.customerId ?? ''))).toEqual([]);
    expect((await store.getLatestResult('health', 'cust-0000007'))?.asOf).toBe(asOf);
    // Every 10th customer is a detractor: cust-0000000 gets the detractor actions, cust-0000010 would have.
    expect((await store.listActions({ customerId: 'cust-0000000' })).length).toBe(3);
    const [record] = await listRunRecords(store);
    expect(record).toMatchObject({ customers: { scored: 17, churned: 3 } });
  });
});
