import { buildSnapshot, type CustomerInput, createMemoryStore } from '@kizuna/core';
import { describe, expect, it } from 'vitest';
import { churnPipelineOptionsSchema } from '../pipeline/pipeline-options';
import { runPipeline } from '../pipeline/run-pipeline';
import { seedCustomers } from '../seed/seed-customers';
import { createRecordingNotifier } from '../test-support/recording-notifier';
import { churnModelKind, loadChurnStage, prepareChurnStage } from './prepare-churn-stage';

const asOf = '2026-04-01T00:00:00.000Z';
const day = 86_400_000;
const later = (days: number) => new Date(Date.parse(asOf) + days * day).toISOString();
const options = churnPipelineOptionsSchema.parse({ syntheticRows: 600 });

describe('prepareChurnStage', () => {
  it('trains on synthetic data when the history has too few churners, keeps versions, and retrains when due', async () => {
    const store = createMemoryStore();
    await seedCustomers(store, { count: 12, asOf, businessEvery: 3 });
    const notifier = createRecordingNotifier();
    const first = await runPipeline({ store, asOf, notifier, churn: { syntheticRows: 600 } });

    expect(first.churn).toMatchObject({
      method: 'model',
      modelVersion: `churn-model:${asOf}`,
      predicted: 12,
    });
    expect(first.churn.reason).toMatch(/synthetic/);
    const prediction = await store.getLatestResult('churn', 'cust-0000001');
    expect(prediction?.value).toMatchObject({
      method: 'model',
      modelVersion: `churn-model:${asOf}`,
      riskLevel: expect.stringMatching(/^(critical|high|medium|low)$/),
      churnProbability: expect.any(Number),
    });

    // The same instant again: same predictions replaced, retention actions already queued.
    const again = await runPipeline({ store, asOf, notifier, churn: { syntheticRows: 600 }, resume: false });
    expect(again.churn.predicted).toBe(12);
    expect(again.actions).toMatchObject({ enqueued: 0, duplicates: first.actions.decided });

    const nextDay = await runPipeline({ store, asOf: later(1), notifier, churn: { syntheticRows: 600 } });
    expect(nextDay.churn.modelVersion).toBe(`churn-model:${asOf}`);
    expect(nextDay.churn.reason).toMatch(/^reusing/);
    const nextWeek = await runPipeline({ store, asOf: later(8), notifier, churn: { syntheticRows: 600 } });
    expect(nextWeek.churn.modelVersion).toBe(`churn-model:${later(8)}`);
    const versions = await store.listResults(churnModelKind, 'workspace');
    expect(versions.map((version) => version.asOf)).toEqual([later(8), asOf]);
  });

  it('falls back to the churn rules, saying why, when the history has churners but too few rows', async () => {
    const store = createMemoryStore();
    const customers: CustomerInput[] = Array.from({ length: 40 }, (_, index) => ({
      id: `c${String(index).padStart(3, '0')}`,
      name: `Customer ${index}`,
      segment: 'b2c',
      plan: 'standard',
      createdAt: later(-300),
      ...(index % 3 === 0 ? { churnedAt: later(-30) } : {}),
    }));
    await store.putRecords('customer', customers);
    const stage = await prepareChurnStage(store, asOf, { ...options, minimumChurners: 10 });

    expect(stage.method).toBe('rules');
    expect(stage.reason).toMatch(/history.*40 labelled rows, fewer than the 200/);
    const outcome = stage.predict(await buildSnapshot(store, 'c001', { asOf }), asOf);
    expect(outcome?.value).toMatchObject({ method: 'rules', modelVersion: `churn-model:${asOf}` });
  });

  it('lets a worker load the version the run chose and predict the same', async () => {
    const store = createMemoryStore();
    await seedCustomers(store, { count: 3, asOf });
    const planned = await prepareChurnStage(store, asOf, options);
    const loaded = await loadChurnStage(store, planned.modelVersion, options);
    const snapshot = await buildSnapshot(store, 'cust-0000001', { asOf });

    expect(loaded.predict(snapshot, asOf)?.probability).toBe(planned.predict(snapshot, asOf)?.probability);
    await expect(loadChurnStage(store, 'churn-model:2020-01-01T00:00:00.000Z', options)).rejects.toThrow(
      /not in the store/,
    );
    expect((await loadChurnStage(store, planned.modelVersion, { ...options, enabled: false })).method).toBe(
      'unavailable',
    );
  });
});
