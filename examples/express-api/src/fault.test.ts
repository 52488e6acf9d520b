import { randomBytes } from 'node:crypto';
import { KizunaError, type RecordKind, recordSchemas, type Store } from '@kizuna/core';
import { createPgClient, createPostgresStore } from '@kizuna/postgres';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  postgresReachable,
  type RunningApi,
  readJson,
  type ScratchStore,
  startApi,
  testDatabaseUrl,
  useBackends,
} from './test-support/api-harness';
import {
  sampleCustomer,
  sampleInvoice,
  sampleUsageEvents,
  seedSampleRecords,
} from './test-support/sample-records';
import { startCuttableProxy } from './test-support/tcp-proxy';

const reachable = await postgresReachable();
const backends = useBackends(reachable);

const seededKinds: RecordKind[] = ['customer', 'usageEvent', 'invoice', 'surveyResponse'];

/** Everything stored of the seeded kinds, as text, to compare before and after. */
async function storedState(store: Store): Promise<string> {
  const parts = await Promise.all(seededKinds.map((kind) => store.listRecords(kind)));
  return JSON.stringify(parts);
}

/** Every stored record still parses with its kind's schema. */
async function expectIntact(store: Store) {
  for (const kind of seededKinds)
    for (const record of await store.listRecords(kind))
      expect(recordSchemas[kind].safeParse(record).success).toBe(true);
}

const targets = [
  { path: '/v1/records/customer', fixture: sampleCustomer },
  { path: '/v1/records/usage-event', fixture: sampleUsageEvents[1]! },
  { path: '/v1/records/invoice', fixture: sampleInvoice },
] as const;

/** A fixture record with one field replaced by an arbitrary JSON value (or removed, or added). */
const mutatedRecord = fc.oneof(
  ...targets.map(({ path, fixture }) =>
    fc
      .record({
        field: fc.oneof(fc.constantFrom(...Object.keys(fixture)), fc.string()),
        value: fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.string({ unit: 'binary' })),
      })
      .map(({ field, value }) => ({ path, body: { records: [{ ...fixture, [field]: value }] } })),
  ),
);

/** An arbitrary JSON body, at any write route. */
const arbitraryBody = fc.record({
  path: fc.constantFrom(
    ...targets.map((target) => target.path),
    '/v1/funnels/query',
    '/v1/alerts/x/done',
    '/v1/chat/messages',
  ),
  body: fc.oneof(fc.jsonValue(), fc.record({ records: fc.array(fc.jsonValue(), { maxLength: 4 }) })),
});

describe.each(backends)('fault tolerance on $name', (backend) => {
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

  it('never answers 500 to fuzzed bodies, and a rejected request changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutatedRecord, arbitraryBody), async ({ path, body }) => {
        const before = await storedState(store);
        const response = await readJson(await run.call(path, { key: 'write', json: body }));
        expect(response.status, JSON.stringify(body)).not.toBe(500);
        expect([200, 400, 404, 413, 422, 501]).toContain(response.status);
        if (response.status !== 200) {
          expect(response.type).toContain('application/problem+json');
          expect(await storedState(store)).toBe(before);
        } else await expectIntact(store);
      }),
      { numRuns: backend.name === 'pglite' ? 60 : 30 },
    );
  });

  it('never answers 500 or 503 to fuzzed paths and query strings', async () => {
    const segment = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.constantFrom('acme', '%00', '..', '%ZZ', 'a'.repeat(300)),
    );
    const routes = ['snapshot', 'health', 'churn', 'recommendations', 'alerts'];
    await fc.assert(
      fc.asyncProperty(
        segment,
        fc.constantFrom(...routes),
        fc.dictionary(
          fc.constantFrom('asOf', 'live', 'limit', 'after', 'status', 'x'),
          fc.oneof(fc.string(), fc.constant('2026-04-01T00:00:00Z')),
        ),
        async (id, route, query) => {
          const search = new URLSearchParams(query).toString();
          const encoded = /^%[0-9A-Z]{2}$|^\.\.$/.test(id) ? id : encodeURIComponent(id);
          const response = await run.call(`/v1/customers/${encoded}/${route}?${search}`);
          expect(response.status, `${route} ${JSON.stringify(id)} ${search}`).toBeLessThan(500);
          await response.arrayBuffer();
        },
      ),
      { numRuns: backend.name === 'pglite' ? 60 : 30 },
    );
  });

  it('answers malformed bodies with 4xx problems', async () => {
    const bodies: [string, Record<string, string>][] = [
      ['{', {}],
      ['{"records": [', {}],
      ['', {}],
      ['null', {}],
      ['"records"', {}],
      ['{"records": null}', {}],
      ['{"records": [null, 1, "x", []]}', {}],
      ['{"__proto__": {"polluted": true}, "records": [{"__proto__": {"polluted": true}}]}', {}],
      [`${'['.repeat(50_000)}${']'.repeat(50_000)}`, {}],
      ['{"records": []}', { 'content-type': 'application/json; charset=utf-7' }],
      ['\u0000\u0001\u0002', { 'content-type': 'application/json' }],
      ['{"records": []}', { 'content-type': 'application/json', 'content-encoding': 'gzip' }],
      ['{"records": []}', { 'content-type': 'application/json', 'content-encoding': 'br-unknown' }],
    ];
    const before = await storedState(store);
    for (const [body, headers] of bodies) {
      const response = await run.call('/v1/records/customer', {
        key: 'write',
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
      expect(response.status, body.slice(0, 40)).toBeGreaterThanOrEqual(400);
      expect(response.status, body.slice(0, 40)).toBeLessThan(500);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await storedState(store)).toBe(before);
  });

  it('stores text the database cannot hold (NUL characters) nowhere, with a 400 naming the field', async () => {
    const response = await readJson(
      await run.call('/v1/records/customer', {
        key: 'write',
        json: { records: [{ ...sampleCustomer, id: 'nul', name: 'A\u0000B' }] },
      }),
    );
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.errors)).toContain('name');
    expect(await store.getRecord('customer', 'nul')).toBeUndefined();
  });

  it('stores a batch sent many times at once exactly once', async () => {
    const records = Array.from({ length: 50 }, (_, index) => ({
      id: `dup-${index}`,
      customerId: 'acme',
      kind: 'login' as const,
      occurredAt: new Date(Date.UTC(2026, 2, 1, 0, index)).toISOString(),
    }));
    const responses = await Promise.all(
      Array.from({ length: 6 }, () =>
        run.call('/v1/records/usage-event', { key: 'write', json: { records } }).then(readJson),
      ),
    );
    for (const response of responses) {
      expect(response.status).toBe(200);
      expect(response.body.inserted + response.body.updated + response.body.unchanged).toBe(50);
      expect(response.body.updated).toBe(0);
    }
    const stored = await store.listRecords('usageEvent', { customerId: 'acme' });
    expect(stored.filter((event) => event.id.startsWith('dup-'))).toHaveLength(50);
  });
});

/** A store whose every call fails as a lost database does while `down` is set. */
function switchableStore(inner: Store) {
  const state = { down: false };
  const unavailable = () =>
    new KizunaError(
      'PostgreSQL query failed (connection lost or server unavailable; retry later): ECONNREFUSED',
      {
        code: 'STORE_UNAVAILABLE',
        isRetryable: true,
      },
    );
  const store = new Proxy(inner, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || property === 'close') return value;
      return (...args: unknown[]) => (state.down ? Promise.reject(unavailable()) : value.apply(target, args));
    },
  });
  return { store, state };
}

async function waitUntilReady(run: RunningApi): Promise<number> {
  let status = 0;
  for (let attempt = 0; attempt < 40 && status !== 200; attempt += 1) {
    status = (await run.call('/readyz', { key: null })).status;
    if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return status;
}

describe('when the database goes away (PGlite behind a store that fails like a lost connection)', () => {
  it('answers 503 while it is away and recovers on its own when it returns', async () => {
    const backend = backends[0]!;
    const inner = await backend.newStore();
    const { store, state } = switchableStore(inner);
    const run = await startApi({ store });
    try {
      await seedSampleRecords(run.call);
      state.down = true;
      expect((await run.call('/healthz', { key: null })).status).toBe(200);
      expect((await run.call('/readyz', { key: null })).status).toBe(503);
      const read = await readJson(await run.call('/v1/customers/acme/health'));
      expect(read).toMatchObject({ status: 503, body: { code: 'STORE_UNAVAILABLE' } });
      expect(JSON.stringify(read.body)).not.toContain('ECONNREFUSED');
      expect(
        (
          await run.call('/v1/records/lead', {
            key: 'write',
            json: { records: [{ id: 'l1', source: 'ads', optInAt: '2026-03-01T00:00:00Z' }] },
          })
        ).status,
      ).toBe(503);
      state.down = false;
      expect(await waitUntilReady(run)).toBe(200);
      expect((await run.call('/v1/customers/acme/health')).status).toBe(200);
      expect(
        (
          await run.call('/v1/records/lead', {
            key: 'write',
            json: { records: [{ id: 'l1', source: 'ads', optInAt: '2026-03-01T00:00:00Z' }] },
          })
        ).status,
      ).toBe(200);
    } finally {
      await run.close();
      await inner.close();
    }
  });
});

describe.runIf(reachable)('when the PostgreSQL server goes away (connection cut by a proxy)', () => {
  it('answers 503 while it is away and recovers on its own when it returns', async () => {
    const target = new URL(testDatabaseUrl);
    const proxy = await startCuttableProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const viaProxy = new URL(testDatabaseUrl);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    const client = createPgClient({
      connectionString: viaProxy.href,
      maxConnections: 4,
      connectionTimeoutMilliseconds: 2_000,
    });
    const schema = `kizuna_api_test_${randomBytes(5).toString('hex')}`;
    const store = await createPostgresStore({ client, schema });
    const run = await startApi({ store });
    try {
      await seedSampleRecords(run.call);
      await proxy.cut();
      expect((await run.call('/readyz', { key: null })).status).toBe(503);
      expect((await readJson(await run.call('/v1/customers/acme/snapshot'))).body).toMatchObject({
        status: 503,
        code: 'STORE_UNAVAILABLE',
      });
      const batch = { records: [{ id: 'l-outage', source: 'ads', optInAt: '2026-03-01T00:00:00Z' }] };
      expect((await run.call('/v1/records/lead', { key: 'write', json: batch })).status).toBe(503);
      await proxy.restore();
      expect(await waitUntilReady(run)).toBe(200);
      expect((await run.call('/v1/customers/acme/snapshot')).status).toBe(200);
      expect(
        (await readJson(await run.call('/v1/records/lead', { key: 'write', json: batch }))).body,
      ).toMatchObject({ inserted: 1 });
    } finally {
      await run.close();
      await client.query(`drop schema if exists "${schema}" cascade`).catch(() => {});
      await store.close();
      await proxy.close();
    }
  });
});
