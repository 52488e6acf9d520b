import type { Store } from '@kizuna/core';
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

const backends = useBackends(await postgresReachable());

/** Counts the store calls a request makes, by method name. */
function countingStore(store: Store): { store: Store; calls: string[] } {
  const calls: string[] = [];
  const counted = Object.fromEntries(
    Object.entries(store).map(([name, method]) => [
      name,
      typeof method === 'function'
        ? (...args: unknown[]) => {
            calls.push(name);
            return (method as (...inner: unknown[]) => unknown).apply(store, args);
          }
        : method,
    ]),
  ) as unknown as Store;
  return { store: counted, calls };
}

describe.each(backends)('GET /v1/health on $name', (backend) => {
  let scratch: ScratchStore;
  let counting: ReturnType<typeof countingStore>;
  let run: RunningApi;
  const ids = (body: { items: { customerId: string }[] }) => body.items.map((item) => item.customerId);

  beforeAll(async () => {
    scratch = await backend.newStore();
    counting = countingStore(scratch);
    run = await startApi({ store: counting.store });
    await seedSampleRecords(run.call);
    const more = [
      { ...sampleCustomer, csmId: 'sato' },
      otherCustomer,
      { ...otherCustomer, id: 'kita', name: 'Kita Taro', csmId: 'sato' },
      { ...otherCustomer, id: 'minami', name: 'Minami Jiro', csmId: 'tanaka' },
    ];
    const ingested = await run.call('/v1/records/customer', { key: 'write', json: { records: more } });
    expect(ingested.status).toBe(200);
    // A real health result, as the pipeline stores it, restated at other scores and bands.
    const live = await readJson(await run.call(`/v1/customers/acme/health?asOf=${sampleAsOf}`));
    const stored = (customerId: string, asOf: string, score: number, status: string) =>
      scratch.putResult({
        kind: 'health',
        customerId,
        asOf,
        value: { ...live.body.health, score, band: status, status },
      });
    await stored('acme', '2026-03-01T00:00:00Z', 80, 'green');
    await stored('acme', '2026-03-15T00:00:00Z', 30, 'red');
    await stored('hanako', '2026-03-10T00:00:00Z', 55, 'yellow');
    await stored('kita', '2026-03-12T00:00:00Z', 85, 'green');
    // minami has never been scored.
  });
  afterAll(async () => {
    await run.close();
    await scratch.close();
  });

  it('pages through the latest stored score of every scored customer with an opaque cursor, in one store call', async () => {
    counting.calls.length = 0;
    const first = await readJson(await run.call('/v1/health?limit=2'));
    expect(counting.calls).toEqual(['getLatestResults']);
    expect(first.status).toBe(200);
    expect(ids(first.body)).toEqual(['acme', 'hanako']);
    expect(first.body.items[0]).toMatchObject({
      customerId: 'acme',
      score: 30,
      band: 'red',
      status: 'red',
      computedAt: '2026-03-15T00:00:00.000Z',
      scorecardId: 'zenbu-b2b',
    });
    expect(first.body.items[0].components.length).toBeGreaterThan(0);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    expect(first.body.nextCursor).not.toContain('hanako');
    const second = await readJson(await run.call(`/v1/health?limit=2&cursor=${first.body.nextCursor}`));
    expect(ids(second.body)).toEqual(['kita']);
    expect(second.body.nextCursor).toBeNull();
    // A page exactly full with nothing after it has no next cursor either.
    const exact = await readJson(await run.call('/v1/health?limit=3'));
    expect(ids(exact.body)).toEqual(['acme', 'hanako', 'kita']);
    expect(exact.body.nextCursor).toBeNull();
  });

  it('reads exactly the customers asked for, leaving out the unscored and the unknown', async () => {
    const response = await readJson(await run.call('/v1/health?customerIds=minami,kita,nobody'));
    expect(response.status).toBe(200);
    expect(ids(response.body)).toEqual(['kita']);
    expect(response.body.items[0]).toMatchObject({ score: 85, computedAt: '2026-03-12T00:00:00.000Z' });
    expect(response.body.nextCursor).toBeNull();
  });

  it("filters on the latest score's band and on the CSM, before paging", async () => {
    const red = await readJson(await run.call('/v1/health?band=red'));
    expect(ids(red.body)).toEqual(['acme']);
    // acme was green on 1 March, but its latest score is red.
    const green = await readJson(await run.call('/v1/health?band=green'));
    expect(ids(green.body)).toEqual(['kita']);
    const sato = await readJson(await run.call('/v1/health?csm=sato'));
    expect(ids(sato.body)).toEqual(['acme', 'kita']);
    const satoFirst = await readJson(await run.call('/v1/health?csm=sato&limit=1'));
    expect(ids(satoFirst.body)).toEqual(['acme']);
    const satoNext = await readJson(
      await run.call(`/v1/health?csm=sato&limit=1&cursor=${satoFirst.body.nextCursor}`),
    );
    expect(ids(satoNext.body)).toEqual(['kita']);
    expect(satoNext.body.nextCursor).toBeNull();
    const satoYellow = await readJson(await run.call('/v1/health?csm=sato&band=yellow'));
    expect(satoYellow.body).toEqual({ items: [], nextCursor: null });
    const listed = await readJson(await run.call('/v1/health?customerIds=acme,hanako,kita&band=green'));
    expect(ids(listed.body)).toEqual(['kita']);
  });

  it('answers 400 naming the field for bad lists, limits, cursors and bands, and 401 without a key', async () => {
    const tooMany = Array.from({ length: 501 }, (_, index) => `c${index}`).join(',');
    const cases: [string, string][] = [
      [`/v1/health?customerIds=${tooMany}`, 'query.customerIds'],
      ['/v1/health?customerIds=a,,b', 'query.customerIds[1]'],
      ['/v1/health?limit=1001', 'query.limit'],
      ['/v1/health?limit=0', 'query.limit'],
      ['/v1/health?cursor=not%20a%20cursor', 'query.cursor'],
      ['/v1/health?customerIds=acme&cursor=YWNtZQ', 'query.cursor'],
      ['/v1/health?band=blue', 'query.band'],
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
    expect((await run.call(`/v1/health?customerIds=${fiveHundred}`)).status).toBe(200);
    expect((await run.call('/v1/health', { key: null })).status).toBe(401);
  });
});
