import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  postgresReachable,
  type RunningApi,
  readJson,
  type ScratchStore,
  startApi,
  useBackends,
} from '../test-support/api-harness';
import { sampleAsOf, seedSampleRecords } from '../test-support/sample-records';

const backends = useBackends(await postgresReachable());

describe.each(backends)('customer routes on $name', (backend) => {
  let store: ScratchStore;
  let run: RunningApi;
  beforeAll(async () => {
    store = await backend.newStore();
    run = await startApi({ store });
    await seedSampleRecords(run.call);
  });
  afterAll(async () => {
    await run.close();
    await store.close();
  });

  it('GET /v1/customers pages through ids with a cursor', async () => {
    const first = await readJson(await run.call('/v1/customers?limit=1'));
    expect(first).toMatchObject({ status: 200, body: { customerIds: ['acme'], next: 'acme' } });
    const second = await readJson(await run.call('/v1/customers?limit=1&after=acme'));
    expect(second.body).toEqual({ customerIds: ['hanako'], next: 'hanako' });
    const last = await readJson(await run.call('/v1/customers?limit=5&after=hanako'));
    expect(last.body).toEqual({ customerIds: [], next: null });
    expect((await run.call('/v1/customers?limit=0')).status).toBe(400);
  });

  it('GET /v1/customers/{id}/snapshot builds the customer-360 view at asOf', async () => {
    const response = await readJson(await run.call(`/v1/customers/acme/snapshot?asOf=${sampleAsOf}`));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      schemaVersion: 1,
      asOf: sampleAsOf,
      customer: { id: 'acme' },
      usage: { measurementsLast30Days: 1 },
      financial: { unpaidInvoices: [{ id: 'inv-1' }] },
      satisfaction: { latestNps: { score: 3 } },
    });
  });

  it('answers 404 problem+json for an unknown customer and 400 for a bad asOf', async () => {
    const missing = await readJson(await run.call('/v1/customers/nobody/snapshot'));
    expect(missing).toMatchObject({
      status: 404,
      body: { type: 'urn:kizuna:problem:not-found', status: 404, code: 'NOT_FOUND', title: 'Not found' },
    });
    expect(missing.type).toContain('application/problem+json');
    const badInstant = await readJson(await run.call('/v1/customers/acme/snapshot?asOf=yesterday'));
    expect(badInstant.status).toBe(400);
    expect(badInstant.body.errors).toEqual([
      { path: 'query.asOf', message: 'expected an ISO-8601 UTC instant such as 2026-04-01T09:30:00Z' },
    ]);
  });

  it('GET /v1/customers/{id}/health scores live at asOf and explains the score', async () => {
    const response = await readJson(await run.call(`/v1/customers/acme/health?asOf=${sampleAsOf}`));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ customerId: 'acme', asOf: sampleAsOf, source: 'computed' });
    const { health, explanation } = response.body;
    expect(health.scorecardId).toBe('zenbu-b2b');
    expect(health.score).toBeGreaterThanOrEqual(0);
    expect(health.score).toBeLessThanOrEqual(100);
    const componentPoints = health.components.reduce(
      (sum: number, part: { points: number }) => sum + part.points,
      0,
    );
    expect(componentPoints).toBeCloseTo(health.computedScore, 4);
    expect(explanation[0]).toMatch(/^Score [\d.]+ of 100 \((red|yellow|green)\)/);
    expect(explanation.some((line: string) => line.startsWith('Usage:'))).toBe(true);
  });

  it('GET /v1/customers/{id}/health prefers the stored score and reports the change against it', async () => {
    const previous = await readJson(await run.call('/v1/customers/acme/health?asOf=2026-03-15T00:00:00Z'));
    await store.putResult({
      kind: 'health',
      customerId: 'acme',
      asOf: '2026-03-15T00:00:00.000Z',
      value: previous.body.health,
    });
    const stored = await readJson(await run.call('/v1/customers/acme/health'));
    expect(stored.body).toMatchObject({ source: 'stored', asOf: '2026-03-15T00:00:00.000Z' });
    expect(stored.body.health.score).toBe(previous.body.health.score);
    const live = await readJson(await run.call(`/v1/customers/acme/health?asOf=${sampleAsOf}`));
    expect(live.body.health.delta.previousScore).toBe(previous.body.health.score);
    expect(
      live.body.explanation.some((line: string) => line.startsWith('Change since the last score:')),
    ).toBe(true);
    const forced = await readJson(await run.call('/v1/customers/acme/health?live=true'));
    expect(forced.body.source).toBe('computed');
  });

  it('GET /v1/customers/{id}/recommendations gives the playbook and expansion offers', async () => {
    const response = await readJson(await run.call(`/v1/customers/acme/recommendations?asOf=${sampleAsOf}`));
    expect(response.status).toBe(200);
    expect(response.body.health.status).toMatch(/red|yellow|green/);
    expect(response.body.playbook.map((step: { action: string }) => step.action)).toContain(
      'send_reengagement_campaign',
    );
    expect(response.body.expansion).toHaveProperty('suppressed');
  });

  it('GET /v1/customers/{id}/alerts evaluates the four triggers without enqueueing', async () => {
    const response = await readJson(await run.call(`/v1/customers/acme/alerts?asOf=${sampleAsOf}`));
    expect(response.status).toBe(200);
    const fired = response.body.checks
      .filter((check: { fired: boolean }) => check.fired)
      .map((check: { trigger: string }) => check.trigger);
    expect(fired).toEqual(expect.arrayContaining(['usage-drop', 'late-payment', 'detractor']));
    expect(response.body.actions.length).toBeGreaterThan(0);
    expect(await store.listActions()).toEqual([]);
  });

  it('GET /v1/customers/{id}/churn predicts live with factors and the retention plan, or serves the stored prediction', async () => {
    const live = await readJson(await run.call(`/v1/customers/acme/churn?asOf=${sampleAsOf}`));
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ customerId: 'acme', asOf: sampleAsOf, source: 'computed' });
    const { prediction } = live.body;
    expect(prediction.churnProbability).toBeGreaterThan(0);
    expect(prediction.churnProbability).toBeLessThan(1);
    expect(['critical', 'high', 'medium', 'low']).toContain(prediction.riskLevel);
    expect(prediction.method).toBe('rules');
    expect(prediction.modelVersion).toBeNull();
    expect(Array.isArray(prediction.topRiskFactors)).toBe(true);
    expect(Array.isArray(prediction.retentionPlan)).toBe(true);
    const stored = {
      churnProbability: 0.72,
      riskLevel: 'critical',
      method: 'model',
      topRiskFactors: [],
      retentionPlan: [],
    };
    await store.putResult({ kind: 'churn', customerId: 'hanako', asOf: sampleAsOf, value: stored });
    const served = await readJson(await run.call('/v1/customers/hanako/churn'));
    expect(served).toMatchObject({ status: 200, body: { source: 'stored', prediction: stored } });
    expect((await run.call('/v1/customers/nobody/churn?live=true')).status).toBe(404);
  });
});
