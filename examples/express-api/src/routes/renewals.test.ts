import { createManualClock, type Store } from '@kizuna/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  postgresReachable,
  type RunningApi,
  readJson,
  type ScratchStore,
  startApi,
  useBackends,
} from '../test-support/api-harness';
import { renewalStanding } from './renewals';

const backends = useBackends(await postgresReachable());

const b2b = (
  id: string,
  endsAt: string | undefined,
  extra: { autoRenew?: boolean; csmId?: string; churnedAt?: string; mrr?: number } = {},
) => ({
  id,
  name: `Company ${id}`,
  segment: 'b2b' as const,
  plan: 'pro',
  createdAt: '2025-04-01T00:00:00Z',
  ...(extra.csmId === undefined ? {} : { csmId: extra.csmId }),
  ...(extra.churnedAt === undefined ? {} : { churnedAt: extra.churnedAt }),
  contract: {
    startsAt: '2025-04-01T00:00:00Z',
    ...(endsAt === undefined ? {} : { endsAt }),
    monthlyMeasurementLimit: 20,
    mrr: { amount: extra.mrr ?? 80_000 },
    autoRenew: extra.autoRenew ?? true,
  },
});

const health = (customerId: string, asOf: string, score: number, status: string) => ({
  kind: 'health',
  customerId,
  asOf,
  value: { score, status, scorecardId: 'default' },
});

describe('renewalStanding', () => {
  it('puts red health before the contract, then auto-renew', () => {
    expect(renewalStanding(true, { score: 30, status: 'red' })).toBe('at-risk');
    expect(renewalStanding(false, { score: 30, status: 'red' })).toBe('at-risk');
    expect(renewalStanding(true, { score: 55, status: 'yellow' })).toBe('automatic');
    expect(renewalStanding(true, null)).toBe('automatic');
    expect(renewalStanding(false, { score: 90, status: 'green' })).toBe('negotiating');
    expect(renewalStanding(false, null)).toBe('negotiating');
  });
});

describe.each(backends)('GET /v1/renewals on $name', (backend) => {
  let store: ScratchStore;
  let run: RunningApi;
  const calls = { perCustomer: 0, bulk: 0 };
  beforeAll(async () => {
    store = await backend.newStore();
    // Counts the store calls the route makes: bulk reads only, never one per customer.
    const counted: Store = {
      ...store,
      getRecord: (kind, id) => {
        calls.perCustomer += 1;
        return store.getRecord(kind, id);
      },
      getLatestResult: (kind, customerId, options) => {
        calls.perCustomer += 1;
        return store.getLatestResult(kind, customerId, options);
      },
      listRecords: (kind, query) => {
        calls.perCustomer += 1;
        return store.listRecords(kind, query);
      },
      listCustomersByContractEnd: (query) => {
        calls.bulk += 1;
        return store.listCustomersByContractEnd(query);
      },
      getLatestResults: (kind, query) => {
        calls.bulk += 1;
        return store.getLatestResults(kind, query);
      },
    };
    run = await startApi({ store: counted, clock: createManualClock('2026-04-02T00:00:00Z') });
    await store.putRecords('customer', [
      b2b('r1', '2026-04-10T00:00:00Z', { csmId: 'sato' }),
      b2b('r2', '2026-04-05T00:00:00Z', { autoRenew: false, csmId: 'tanaka', mrr: 120_000 }),
      b2b('r3', '2026-04-20T00:00:00Z', { csmId: 'sato' }),
      b2b('r4', '2026-04-15T00:00:00Z', { autoRenew: false }),
      b2b('r5', '2026-04-12T00:00:00Z', { csmId: 'sato', churnedAt: '2026-03-15T00:00:00Z' }),
      b2b('r6', '2026-04-30T15:00:00Z', { csmId: 'sato' }), // 1 May 00:00 in Tokyo
      b2b('r7', '2026-03-31T16:00:00Z', { csmId: 'sato' }), // 1 April 01:00 in Tokyo
      b2b('r8', undefined, { csmId: 'sato' }),
      {
        id: 'p1',
        name: 'Hanako',
        segment: 'b2c',
        plan: 'standard',
        createdAt: '2026-01-01T00:00:00Z',
        csmId: 'sato',
      },
    ]);
    await store.putResults([
      health('r1', '2026-04-01T00:00:00Z', 82, 'green'),
      health('r2', '2026-04-01T00:00:00Z', 55, 'yellow'),
      health('r3', '2026-03-01T00:00:00Z', 75, 'green'),
      health('r3', '2026-04-01T00:00:00Z', 31, 'red'),
      health('r5', '2026-03-01T00:00:00Z', 10, 'red'),
    ]);
  });
  afterAll(async () => {
    await run.close();
    await store.close();
  });

  it('lists the contracts ending in the month by end date, with the latest health and the standing', async () => {
    calls.perCustomer = 0;
    calls.bulk = 0;
    const response = await readJson(await run.call('/v1/renewals?month=2026-04'));
    expect(response.status).toBe(200);
    expect(response.body.month).toBe('2026-04');
    expect(
      response.body.renewals.map((renewal: { customerId: string; standing: string }) => [
        renewal.customerId,
        renewal.standing,
      ]),
    ).toEqual([
      ['r7', 'automatic'],
      ['r2', 'negotiating'],
      ['r1', 'automatic'],
      ['r4', 'negotiating'],
      ['r3', 'at-risk'],
    ]);
    expect(response.body.renewals[1]).toEqual({
      customerId: 'r2',
      name: 'Company r2',
      csmId: 'tanaka',
      endsAt: '2026-04-05T00:00:00.000Z',
      autoRenew: false,
      mrr: { amount: 120_000, currency: 'JPY' },
      health: { score: 55, status: 'yellow' },
      standing: 'negotiating',
    });
    expect(response.body.renewals[3]).toMatchObject({ customerId: 'r4', csmId: null, health: null });
    expect(response.body.renewals[4].health).toEqual({ score: 31, status: 'red' });
    expect(calls).toEqual({ perCustomer: 0, bulk: 2 });
  });

  it('narrows to one CSM and reads the month on the calendar of timeZone', async () => {
    const mine = await readJson(await run.call('/v1/renewals?month=2026-04&csm=sato'));
    expect(mine.body.renewals.map((renewal: { customerId: string }) => renewal.customerId)).toEqual([
      'r7',
      'r1',
      'r3',
    ]);
    const utc = await readJson(await run.call('/v1/renewals?month=2026-04&csm=sato&timeZone=UTC'));
    expect(utc.body.renewals.map((renewal: { customerId: string }) => renewal.customerId)).toEqual([
      'r1',
      'r3',
      'r6',
    ]);
    const none = await readJson(await run.call('/v1/renewals?month=2026-04&csm=nobody'));
    expect(none.body.renewals).toEqual([]);
  });

  it('answers 400 naming month when it is missing or malformed', async () => {
    for (const path of ['/v1/renewals', '/v1/renewals?month=2026-4', '/v1/renewals?month=2026-00']) {
      const response = await readJson(await run.call(path));
      expect(response.status, path).toBe(400);
      expect(response.body.errors[0].path, path).toBe('query.month');
    }
  });
});
