import { createManualClock, createMemoryStore } from '@kizuna/core';
import { describe, expect, it } from 'vitest';
import { listRunRecords } from '../pipeline/run-record';
import { seedCustomers } from '../seed/seed-customers';
import { noChurn } from '../test-support/no-churn';
import { createRecordingNotifier } from '../test-support/recording-notifier';
import { createInProcessScheduler } from './in-process-scheduler';

describe('createInProcessScheduler', () => {
  it('runs at the clock’s now, joins a run in progress instead of overlapping, and records each run', async () => {
    const store = createMemoryStore();
    await seedCustomers(store, { count: 8, asOf: '2026-04-01T00:00:00Z' });
    const clock = createManualClock('2026-04-01T00:00:00Z');
    const reports: string[] = [];
    const scheduler = createInProcessScheduler({
      churn: noChurn,
      store,
      notifier: createRecordingNotifier(),
      clock,
      intervalMilliseconds: 3_600_000,
      runImmediately: false,
      onRun: (report) => reports.push(report.asOf),
    });
    const first = scheduler.runNow();
    expect(scheduler.running).toBe(true);
    expect(scheduler.runNow()).toBe(first);
    expect((await first).customers.scored).toBe(8);
    clock.advance(86_400_000);
    await scheduler.runNow();

    expect(reports).toEqual(['2026-04-01T00:00:00.000Z', '2026-04-02T00:00:00.000Z']);
    expect(scheduler.lastReport?.health.customersWithPrevious).toBe(8);
    expect((await listRunRecords(store)).map((record) => record.asOf)).toEqual(reports.toReversed());
  });

  it('starts a run on start() and stop() waits for it to end', async () => {
    const store = createMemoryStore();
    await seedCustomers(store, { count: 5, asOf: '2026-04-01T00:00:00Z' });
    const scheduler = createInProcessScheduler({
      churn: noChurn,
      store,
      notifier: createRecordingNotifier(),
      clock: createManualClock('2026-04-01T00:00:00Z'),
      intervalMilliseconds: 3_600_000,
    });
    scheduler.start();
    scheduler.start();
    expect(scheduler.running).toBe(true);
    await scheduler.stop();
    expect(scheduler.running).toBe(false);
    expect(['completed', 'aborted']).toContain(scheduler.lastReport?.status);
  });

  it('refuses an interval under one second', () => {
    expect(() =>
      createInProcessScheduler({
        churn: noChurn,
        store: createMemoryStore(),
        notifier: createRecordingNotifier(),
        intervalMilliseconds: 10,
      }),
    ).toThrow(/intervalMilliseconds/);
  });
});
