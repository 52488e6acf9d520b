import type { JsonValue } from '@kizuna/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  postgresReachable,
  type RunningApi,
  readJson,
  type ScratchStore,
  startApi,
  useBackends,
} from '../test-support/api-harness';
import { otherCustomer, sampleAsOf, sampleCustomer, seedSampleRecords } from '../test-support/sample-records';
import { summarizeStoredHealth } from './health-summary';

const backends = useBackends(await postgresReachable());

const none = { green: 0, yellow: 0, red: 0 };

describe.each(backends)('GET /v1/health/summary and GET /v1/customer-profiles on $name', (backend) => {
  let scratch: ScratchStore;
  let run: RunningApi;

  beforeAll(async () => {
    scratch = await backend.newStore();
    run = await startApi({ store: scratch });
    await seedSampleRecords(run.call);
    const more = [
      { ...sampleCustomer, csmId: 'sato' },
      otherCustomer,
      { ...otherCustomer, id: 'kita', name: 'Kita Taro', csmId: 'sato', churnedAt: '2026-03-25T00:00:00Z' },
      { ...otherCustomer, id: 'minami', name: 'Minami Jiro', csmId: 'tanaka' },
      { ...otherCustomer, id: 'kawa', name: 'Kawa Hana', plan: 'premium', csmId: 'yamada' },
    ];
    const ingested = await run.call('/v1/records/customer', { key: 'write', json: { records: more } });
    expect(ingested.status).toBe(200);
    // A real health result, as the pipeline stores it, restated at other scores, bands and changes.
    const live = await readJson(await run.call(`/v1/customers/acme/health?asOf=${sampleAsOf}`));
    const { delta: _ignored, ...health } = live.body.health;
    const stored = (customerId: string, asOf: string, score: number, status: string, change?: number) =>
      scratch.putResult({
        kind: 'health',
        customerId,
        asOf,
        value: {
          ...health,
          score,
          band: status,
          status,
          ...(change === undefined
            ? {}
            : { delta: { previousScore: score - change, change, explanation: 'restated' } }),
        },
      });
    await stored('acme', '2026-03-01T00:00:00Z', 80, 'green');
    await stored('acme', '2026-03-15T00:00:00Z', 30, 'red', -50);
    await stored('hanako', '2026-03-10T00:00:00Z', 55, 'yellow', 5);
    await stored('kita', '2026-03-12T00:00:00Z', 85, 'green');
    await stored('kawa', '2026-03-20T00:00:00Z', 62, 'yellow', -4);
    // minami (tanaka's only account) has never been scored.
  });
  afterAll(async () => {
    await run.close();
    await scratch.close();
  });

  it('summarises the latest score of every account, overall and per CSM', async () => {
    const response = await readJson(await run.call('/v1/health/summary'));
    expect(response.status).toBe(200);
    // Latest scores: acme 30 red (−50), hanako 55 yellow (+5), kita 85 green, kawa 62 yellow (−4).
    // Average (30 + 55 + 85 + 62) / 4 = 58; change (−50 + 5 − 4) / 3 = −49/3 over the three with one.
    expect(response.body.asOf).toBe('2026-03-20T00:00:00.000Z');
    expect(response.body.overall).toEqual({
      accounts: 4,
      counts: { green: 1, yellow: 2, red: 1 },
      average: 58,
      averageChange: expect.closeTo(-49 / 3, 10),
    });
    expect(response.body.byCsm).toEqual([
      // acme 30 and kita 85: (30 + 85) / 2 = 57.5; only acme has a change.
      {
        csmId: 'sato',
        accounts: 2,
        counts: { green: 1, yellow: 0, red: 1 },
        average: 57.5,
        averageChange: -50,
      },
      // tanaka owns minami, which is not scored: listed (for the CSM filter) with nothing to average.
      { csmId: 'tanaka', accounts: 0, counts: none, average: null, averageChange: null },
      {
        csmId: 'yamada',
        accounts: 1,
        counts: { green: 0, yellow: 1, red: 0 },
        average: 62,
        averageChange: -4,
      },
      // hanako has no CSM.
      { csmId: null, accounts: 1, counts: { green: 0, yellow: 1, red: 0 }, average: 55, averageChange: 5 },
    ]);
  });

  it("narrows overall to one CSM's accounts and still lists every CSM", async () => {
    const sato = await readJson(await run.call('/v1/health/summary?csm=sato'));
    expect(sato.body.asOf).toBe('2026-03-15T00:00:00.000Z');
    expect(sato.body.overall).toEqual({
      accounts: 2,
      counts: { green: 1, yellow: 0, red: 1 },
      average: 57.5,
      averageChange: -50,
    });
    expect(sato.body.byCsm.map((row: { csmId: string | null }) => row.csmId)).toEqual([
      'sato',
      'tanaka',
      'yamada',
      null,
    ]);
    const tanaka = await readJson(await run.call('/v1/health/summary?csm=tanaka'));
    expect(tanaka.body.asOf).toBeNull();
    expect(tanaka.body.overall).toEqual({ accounts: 0, counts: none, average: null, averageChange: null });
  });

  it('gives the name, CSM, segment, plan and churn date of the ids asked for, in order, once, leaving out unknown ids', async () => {
    const response = await readJson(await run.call('/v1/customer-profiles?ids=kita,acme,nobody,kita,hanako'));
    expect(response.status).toBe(200);
    expect(response.body.profiles).toEqual([
      {
        customerId: 'kita',
        name: 'Kita Taro',
        csmId: 'sato',
        segment: 'b2c',
        plan: 'standard',
        churnedAt: '2026-03-25T00:00:00.000Z',
      },
      {
        customerId: 'acme',
        name: 'Acme Property Management',
        csmId: 'sato',
        segment: 'b2b',
        plan: 'pro',
        churnedAt: null,
      },
      {
        customerId: 'hanako',
        name: 'Hanako Sato',
        csmId: null,
        segment: 'b2c',
        plan: 'standard',
        churnedAt: null,
      },
    ]);
  });

  it('answers 400 naming the field for bad id lists and 401 without a key', async () => {
    const tooMany = Array.from({ length: 501 }, (_, index) => `c${index}`).join(',');
    const cases: [string, string][] = [
      [`/v1/customer-profiles?ids=${tooMany}`, 'query.ids'],
      ['/v1/customer-profiles?ids=a,,b', 'query.ids[1]'],
      ['/v1/customer-profiles', 'query.ids'],
      ['/v1/health/summary?csm=', 'query.csm'],
    ];
    for (const [path, field] of cases) {
      const response = await readJson(await run.call(path));
      expect(response.status, path).toBe(400);
      expect(
        response.body.errors.map((error: { path: string }) => error.path),
        path,
      ).toContain(field);
    }
    const fiveHundred = Array.from({ length: 500 }, (_, index) => `c${index}`).join(',');
    const allUnknown = await readJson(await run.call(`/v1/customer-profiles?ids=${fiveHundred}`));
    expect(allUnknown.body).toEqual({ profiles: [] });
    expect((await run.call('/v1/health/summary', { key: null })).status).toBe(401);
    expect((await run.call('/v1/customer-profiles?ids=acme', { key: null })).status).toBe(401);
  });
});

describe('summarizeStoredHealth', () => {
  it('leaves out results without a health shape and counts accounts of customers with no record as unowned', () => {
    const result = (customerId: string, value: JsonValue) => ({
      kind: 'health',
      customerId,
      asOf: '2026-01-01T00:00:00.000Z',
      value,
    });
    const summary = summarizeStoredHealth(
      [{ id: 'a', csmId: 'x' }],
      [
        result('a', { score: 40, status: 'red' }),
        result('b', { score: 90, status: 'green' }),
        result('c', 'odd'),
      ],
    );
    expect(summary.overall).toEqual({
      accounts: 2,
      counts: { green: 1, yellow: 0, red: 1 },
      average: 65,
      averageChange: null,
    });
    expect(summary.byCsm.map((row) => [row.csmId, row.accounts])).toEqual([
      ['x', 1],
      [null, 1],
    ]);
  });
});
