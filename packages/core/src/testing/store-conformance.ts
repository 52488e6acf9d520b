import { describe, expect, it } from 'vitest';
import type { Action } from '../actions/action';
import { KizunaValidationError } from '../errors/validation-error';
import type { CustomerInput } from '../schemas/customer';
import type { ActionCursor, OutboxEntry, Store } from '../store/store';

/** Options of {@link runStoreConformance}. */
export interface StoreConformanceOptions {
  /** Suite name. @defaultValue 'Store conformance' */
  readonly name?: string;
  /** Skip the whole suite (e.g. when a server is not reachable). */
  readonly skip?: boolean;
}

const customer = (id: string, overrides: Partial<CustomerInput> = {}): CustomerInput => ({
  id,
  name: `Customer ${id}`,
  segment: 'b2b',
  plan: 'pro',
  createdAt: '2026-01-01T00:00:00Z',
  contract: {
    startsAt: '2026-01-01T00:00:00Z',
    endsAt: '2027-01-01T00:00:00Z',
    monthlyMeasurementLimit: 10,
    mrr: { amount: 100_000, currency: 'JPY' },
  },
  ...overrides,
});

const action = (key: string, overrides: Partial<Action> = {}): Action => ({
  idempotencyKey: key,
  type: 'send_tutorial_video',
  customerId: 'c1',
  channel: 'email',
  owner: 'automation',
  priority: 'high',
  automated: true,
  dueAt: '2026-04-01T00:00:00.000Z',
  title: 'Send the tutorial video',
  reasons: ['engagement below 10'],
  source: { engine: 'test', ruleId: 'r1' },
  payload: {},
  ...overrides,
});

/**
 * The shared test suite of the {@link Store} port. Every adapter runs it; passing it is what makes
 * an adapter an adapter. Call it inside a vitest test file:
 *
 * ```ts
 * runStoreConformance(async () => createMemoryStore());
 * ```
 *
 * `makeStore` must return a new, empty store each time; the suite closes it after each test.
 */
export function runStoreConformance(
  makeStore: () => Promise<Store>,
  options: StoreConformanceOptions = {},
): void {
  const suite = options.skip ? describe.skip : describe;
  suite(options.name ?? 'Store conformance', () => {
    const withStore = (test: (store: Store) => Promise<void>) => async () => {
      const store = await makeStore();
      try {
        await test(store);
      } finally {
        await store.close();
      }
    };

    describe('records', () => {
      it(
        'stores records and reads them back by id with defaults applied',
        withStore(async (store) => {
          const result = await store.putRecords('customer', [customer('c1'), customer('c2')]);
          expect(result).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
          const stored = await store.getRecord('customer', 'c1');
          expect(stored?.name).toBe('Customer c1');
          expect(stored?.addOns).toEqual([]);
          expect(stored?.contract?.apiEnabled).toBe(false);
          expect(stored?.createdAt).toBe('2026-01-01T00:00:00.000Z');
        }),
      );

      it(
        'returns undefined for an unknown id and an empty list for an empty kind',
        withStore(async (store) => {
          expect(await store.getRecord('customer', 'missing')).toBeUndefined();
          expect(await store.listRecords('usageEvent', { customerId: 'missing' })).toEqual([]);
          expect(await store.getLatestResult('health', 'missing')).toBeUndefined();
          expect(await store.getAction('missing')).toBeUndefined();
        }),
      );

      it(
        'stores a record once when it is written twice, and counts it unchanged',
        withStore(async (store) => {
          const event = { id: 'e1', customerId: 'c1', kind: 'login', occurredAt: '2026-03-01T00:00:00Z' };
          await store.putRecords('usageEvent', [event]);
          const again = await store.putRecords('usageEvent', [event, event]);
          expect(again).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
          expect(await store.listRecords('usageEvent', { customerId: 'c1' })).toHaveLength(1);
        }),
      );

      it(
        'replaces a record written again with different content (last write wins)',
        withStore(async (store) => {
          const ticket = { id: 't1', customerId: 'c1', openedAt: '2026-03-01T00:00:00Z' };
          await store.putRecords('supportTicket', [ticket]);
          const result = await store.putRecords('supportTicket', [
            { ...ticket, resolvedAt: '2026-03-02T00:00:00Z' },
          ]);
          expect(result).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
          const [stored] = await store.listRecords('supportTicket', { customerId: 'c1' });
          expect(stored?.resolvedAt).toBe('2026-03-02T00:00:00.000Z');
        }),
      );

      it(
        'moves a record to its new customer when its customerId changes',
        withStore(async (store) => {
          const event = { id: 'e1', customerId: 'c1', kind: 'login', occurredAt: '2026-03-01T00:00:00Z' };
          await store.putRecords('usageEvent', [event]);
          await store.putRecords('usageEvent', [{ ...event, customerId: 'c2' }]);
          expect(await store.listRecords('usageEvent', { customerId: 'c1' })).toEqual([]);
          expect(await store.listRecords('usageEvent', { customerId: 'c2' })).toHaveLength(1);
        }),
      );

      it(
        'rejects an invalid batch whole, naming the record and field',
        withStore(async (store) => {
          const bad = [customer('c1'), { ...customer('c2'), name: '' }];
          const error = await store.putRecords('customer', bad).catch((caught: unknown) => caught);
          expect(error).toBeInstanceOf(KizunaValidationError);
          expect((error as KizunaValidationError).issues.map((issue) => issue.path)).toContain('[1].name');
          expect(await store.getRecord('customer', 'c1')).toBeUndefined();
        }),
      );

      it(
        'lists records in time order, then id, with from inclusive and to exclusive',
        withStore(async (store) => {
          const at = (id: string, occurredAt: string) => ({
            id,
            customerId: 'c1',
            kind: 'login',
            occurredAt,
          });
          await store.putRecords('usageEvent', [
            at('b', '2026-03-02T00:00:00Z'),
            at('c', '2026-03-01T00:00:00Z'),
            at('a', '2026-03-02T00:00:00Z'),
            at('d', '2026-03-03T00:00:00Z'),
            { id: 'x', customerId: 'c2', kind: 'login', occurredAt: '2026-03-02T00:00:00Z' },
          ]);
          const all = await store.listRecords('usageEvent', { customerId: 'c1' });
          expect(all.map((event) => event.id)).toEqual(['c', 'a', 'b', 'd']);
          const window = await store.listRecords('usageEvent', {
            customerId: 'c1',
            from: '2026-03-02T00:00:00Z',
            to: '2026-03-03T00:00:00Z',
          });
          expect(window.map((event) => event.id)).toEqual(['a', 'b']);
          const limited = await store.listRecords('usageEvent', { customerId: 'c1', limit: 2 });
          expect(limited.map((event) => event.id)).toEqual(['c', 'a']);
          const batch = await store.listRecords('usageEvent', {
            customerIds: ['c1', 'c2'],
            from: '2026-03-02T00:00:00Z',
          });
          expect(batch.map((event) => event.id)).toEqual(['a', 'b', 'x', 'd']);
          const everything = await store.listRecords('usageEvent');
          expect(everything).toHaveLength(5);
        }),
      );

      it(
        'compares instants written with and without fractional seconds correctly',
        withStore(async (store) => {
          await store.putRecords('usageEvent', [
            { id: 'late', customerId: 'c1', kind: 'login', occurredAt: '2026-03-01T00:00:00.500Z' },
            { id: 'early', customerId: 'c1', kind: 'login', occurredAt: '2026-03-01T00:00:00Z' },
          ]);
          const events = await store.listRecords('usageEvent', {
            customerId: 'c1',
            to: '2026-03-01T00:00:00.100Z',
          });
          expect(events.map((event) => event.id)).toEqual(['early']);
        }),
      );

      it(
        'treats a record written again with its keys in another order as unchanged',
        withStore(async (store) => {
          const event = { id: 'e1', customerId: 'c1', kind: 'login', occurredAt: '2026-03-01T00:00:00Z' };
          await store.putRecords('usageEvent', [event]);
          const reordered = { occurredAt: '2026-03-01T00:00:00Z', kind: 'login', customerId: 'c1', id: 'e1' };
          expect(await store.putRecords('usageEvent', [reordered])).toEqual({
            inserted: 0,
            updated: 0,
            unchanged: 1,
          });
        }),
      );

      it(
        'rejects a negative or fractional limit',
        withStore(async (store) => {
          await expect(store.listRecords('usageEvent', { limit: -1 })).rejects.toBeInstanceOf(
            KizunaValidationError,
          );
          await expect(store.listCustomerIds({ limit: 1.5 })).rejects.toBeInstanceOf(KizunaValidationError);
          await expect(store.listActions({ limit: -2 })).rejects.toBeInstanceOf(KizunaValidationError);
          expect(await store.listRecords('usageEvent', { limit: 0 })).toEqual([]);
        }),
      );

      it(
        'orders ids by Unicode code point',
        withStore(async (store) => {
          await store.putRecords('customer', [customer('c-\uE000'), customer('c-😀'), customer('c-a')]);
          expect(await store.listCustomerIds()).toEqual(['c-a', 'c-\uE000', 'c-😀']);
        }),
      );

      it(
        'lists customer ids in order with a cursor',
        withStore(async (store) => {
          await store.putRecords('customer', [customer('c3'), customer('c1'), customer('c2')]);
          expect(await store.listCustomerIds()).toEqual(['c1', 'c2', 'c3']);
          expect(await store.listCustomerIds({ after: 'c1', limit: 1 })).toEqual(['c2']);
        }),
      );

      it(
        'keys KPI rows by their date',
        withStore(async (store) => {
          const row = {
            date: '2026-03-01',
            websiteVisitors: 100,
            lpVisitors: 50,
            optIns: 8,
            consultationRequests: 2,
            consultationsHeld: 2,
            sales: 1,
            revenue: { amount: 300_000, currency: 'JPY' },
          };
          await store.putRecords('kpiDaily', [row]);
          await store.putRecords('kpiDaily', [{ ...row, sales: 2 }]);
          const rows = await store.listRecords('kpiDaily');
          expect(rows).toHaveLength(1);
          expect(rows[0]?.sales).toBe(2);
          expect((await store.getRecord('kpiDaily', '2026-03-01'))?.impressions).toBe(0);
        }),
      );

      it(
        'returns copies: changing a returned record does not change the store',
        withStore(async (store) => {
          await store.putRecords('customer', [customer('c1')]);
          const first = await store.getRecord('customer', 'c1');
          if (first !== undefined) first.tags.push('mutated');
          expect((await store.getRecord('customer', 'c1'))?.tags).toEqual([]);
        }),
      );

      it(
        'lists customers whose contract ends in a range, by end date then id, in one read',
        withStore(async (store) => {
          const ending = (id: string, endsAt: string | undefined, overrides: Partial<CustomerInput> = {}) =>
            customer(id, {
              contract: {
                startsAt: '2025-01-01T00:00:00Z',
                ...(endsAt === undefined ? {} : { endsAt }),
                monthlyMeasurementLimit: 10,
                mrr: { amount: 50_000 },
              },
              ...overrides,
            });
          await store.putRecords('customer', [
            ending('late', '2026-04-30T14:59:59.999Z', { csmId: 'sato' }),
            ending('b', '2026-04-10T00:00:00Z', { csmId: 'tanaka' }),
            ending('a', '2026-04-10T00:00:00.000Z', { csmId: 'sato', churnedAt: '2026-03-01T00:00:00Z' }),
            ending('first', '2026-03-31T15:00:00Z', { csmId: 'sato' }),
            ending('before', '2026-03-31T14:59:59.999Z', { csmId: 'sato' }),
            ending('next-month', '2026-04-30T15:00:00Z', { csmId: 'sato' }),
            ending('open-ended', undefined, { csmId: 'sato' }),
            customer('b2c', { segment: 'b2c', contract: undefined, csmId: 'sato' }),
          ]);
          const april = { from: '2026-03-31T15:00:00Z', to: '2026-04-30T15:00:00Z' };
          const ids = (list: readonly { id: string }[]) => list.map((entry) => entry.id);
          expect(ids(await store.listCustomersByContractEnd(april))).toEqual(['first', 'a', 'b', 'late']);
          expect(ids(await store.listCustomersByContractEnd({ ...april, csmId: 'sato' }))).toEqual([
            'first',
            'a',
            'late',
          ]);
          expect(ids(await store.listCustomersByContractEnd({ ...april, limit: 2 }))).toEqual(['first', 'a']);
          const [first] = await store.listCustomersByContractEnd({ ...april, limit: 1 });
          expect(first).toMatchObject({
            id: 'first',
            contract: { endsAt: '2026-03-31T15:00:00.000Z', autoRenew: true, termMonths: 12 },
          });
          expect(
            await store.listCustomersByContractEnd({
              from: '2030-01-01T00:00:00Z',
              to: '2031-01-01T00:00:00Z',
            }),
          ).toEqual([]);
          await expect(
            store.listCustomersByContractEnd({ from: 'April', to: '2026-04-30T15:00:00Z' }),
          ).rejects.toBeInstanceOf(KizunaValidationError);
          await expect(store.listCustomersByContractEnd({ ...april, limit: -1 })).rejects.toBeInstanceOf(
            KizunaValidationError,
          );
        }),
      );
    });

    describe('results', () => {
      it(
        'keeps results per (kind, customer, asOf), newest first, replacing the same key',
        withStore(async (store) => {
          await store.putResult({
            kind: 'health',
            customerId: 'c1',
            asOf: '2026-03-01T00:00:00Z',
            value: { score: 70 },
          });
          await store.putResult({
            kind: 'health',
            customerId: 'c1',
            asOf: '2026-03-02T00:00:00Z',
            value: { score: 60 },
          });
          await store.putResult({
            kind: 'health',
            customerId: 'c1',
            asOf: '2026-03-02T00:00:00Z',
            value: { score: 55 },
          });
          await store.putResult({
            kind: 'churn',
            customerId: 'c1',
            asOf: '2026-03-03T00:00:00Z',
            value: 0.4,
          });
          const history = await store.listResults('health', 'c1');
          expect(history.map((result) => result.value)).toEqual([{ score: 55 }, { score: 70 }]);
          expect((await store.getLatestResult('health', 'c1'))?.value).toEqual({ score: 55 });
          const before = await store.getLatestResult('health', 'c1', { before: '2026-03-02T00:00:00Z' });
          expect(before?.value).toEqual({ score: 70 });
        }),
      );
    });

    describe('results in bulk', () => {
      it(
        'stores many results in one call, replacing equal keys, the last of equal keys in the call winning',
        withStore(async (store) => {
          await store.putResult({ kind: 'health', customerId: 'c1', asOf: '2026-03-01T00:00:00Z', value: 1 });
          await store.putResults([
            { kind: 'health', customerId: 'c1', asOf: '2026-03-01T00:00:00Z', value: 2 },
            { kind: 'health', customerId: 'c2', asOf: '2026-03-01T00:00:00Z', value: { score: 3 } },
            { kind: 'health', customerId: 'c2', asOf: '2026-03-01T00:00:00.000Z', value: { score: 4 } },
            { kind: 'churn', customerId: 'c1', asOf: '2026-03-02T00:00:00Z', value: [0.5] },
          ]);
          await store.putResults([]);
          expect((await store.listResults('health', 'c1')).map((result) => result.value)).toEqual([2]);
          expect((await store.listResults('health', 'c2')).map((result) => result.value)).toEqual([
            { score: 4 },
          ]);
          expect((await store.getLatestResult('churn', 'c1'))?.value).toEqual([0.5]);
        }),
      );

      it(
        'stores nothing of a batch with an invalid result, naming it',
        withStore(async (store) => {
          const error = await store
            .putResults([
              { kind: 'health', customerId: 'c1', asOf: '2026-03-01T00:00:00Z', value: 1 },
              { kind: 'health', customerId: 'c2', asOf: 'last tuesday', value: 2 },
            ])
            .catch((caught: unknown) => caught);
          expect(error).toBeInstanceOf(KizunaValidationError);
          expect((error as Error).message).toContain('asOf');
          const notJson = await store
            .putResults([
              {
                kind: 'health',
                customerId: 'c1',
                asOf: '2026-03-01T00:00:00Z',
                value: { parts: [1, Number.NaN] },
              },
            ])
            .catch((caught: unknown) => caught);
          expect(notJson).toBeInstanceOf(KizunaValidationError);
          expect((notJson as Error).message).toContain('value.parts[1]');
          expect(await store.listResults('health', 'c1')).toEqual([]);
        }),
      );
    });

    describe('latest results of many customers', () => {
      const health = (customerId: string, asOf: string, score: number, status: string) => ({
        kind: 'health',
        customerId,
        asOf,
        value: { score, status },
      });
      /** c1 went green → red; c10 and c2 are yellow and green; c3 has only a churn result; c4 has no record. */
      const seed = async (store: Store) => {
        await store.putRecords('customer', [
          customer('c1', { csmId: 'sato' }),
          customer('c2', { csmId: 'tanaka' }),
          customer('c10', { csmId: 'sato' }),
        ]);
        for (const result of [
          health('c1', '2026-03-01T00:00:00Z', 70, 'green'),
          health('c1', '2026-03-02T00:00:00Z', 40, 'red'),
          health('c10', '2026-03-01T00:00:00Z', 55, 'yellow'),
          health('c2', '2026-02-01T00:00:00Z', 90, 'green'),
          health('c4', '2026-03-01T00:00:00Z', 10, 'red'),
          { kind: 'churn', customerId: 'c3', asOf: '2026-03-01T00:00:00Z', value: 0.4 },
        ])
          await store.putResult(result);
      };
      const summary = (results: readonly { customerId: string; asOf: string; value: unknown }[]) =>
        results.map((result) => [result.customerId, result.asOf, (result.value as { score: number }).score]);

      it(
        'gives the latest result of each customer with a record, in code-point order of the ids',
        withStore(async (store) => {
          await seed(store);
          expect(summary(await store.getLatestResults('health'))).toEqual([
            ['c1', '2026-03-02T00:00:00.000Z', 40],
            ['c10', '2026-03-01T00:00:00.000Z', 55],
            ['c2', '2026-02-01T00:00:00.000Z', 90],
          ]);
          expect(await store.getLatestResults('expansion')).toEqual([]);
        }),
      );

      it(
        'pages with limit and after, reads the latest before an instant, and exactly the customers asked for',
        withStore(async (store) => {
          await seed(store);
          const first = await store.getLatestResults('health', { limit: 2 });
          expect(first.map((result) => result.customerId)).toEqual(['c1', 'c10']);
          const rest = await store.getLatestResults('health', { limit: 2, after: 'c10' });
          expect(rest.map((result) => result.customerId)).toEqual(['c2']);
          expect(await store.getLatestResults('health', { after: 'c2' })).toEqual([]);
          const earlier = await store.getLatestResults('health', { before: '2026-03-02T00:00:00Z' });
          expect(summary(earlier)).toEqual([
            ['c1', '2026-03-01T00:00:00.000Z', 70],
            ['c10', '2026-03-01T00:00:00.000Z', 55],
            ['c2', '2026-02-01T00:00:00.000Z', 90],
          ]);
          const earliest = await store.getLatestResults('health', { before: '2026-03-01T00:00:00Z' });
          expect(summary(earliest)).toEqual([['c2', '2026-02-01T00:00:00.000Z', 90]]);
          const chosen = await store.getLatestResults('health', {
            customerIds: ['c2', 'c3', 'c4', 'nobody', 'c2'],
          });
          expect(summary(chosen)).toEqual([['c2', '2026-02-01T00:00:00.000Z', 90]]);
          expect(await store.getLatestResults('health', { customerIds: [] })).toEqual([]);
        }),
      );

      it(
        'filters on the latest result only, and on the CSM of the customer record, before the limit',
        withStore(async (store) => {
          await seed(store);
          const red = await store.getLatestResults('health', {
            valueEquals: { field: 'status', value: 'red' },
          });
          expect(summary(red)).toEqual([['c1', '2026-03-02T00:00:00.000Z', 40]]);
          // c1 was green once, but its latest result is red: it is not green now.
          const green = await store.getLatestResults('health', {
            valueEquals: { field: 'status', value: 'green' },
          });
          expect(green.map((result) => result.customerId)).toEqual(['c2']);
          // A number is not the string '40'.
          expect(
            await store.getLatestResults('health', { valueEquals: { field: 'score', value: '40' } }),
          ).toEqual([]);
          const sato = await store.getLatestResults('health', { csmId: 'sato', limit: 1, after: 'c1' });
          expect(sato.map((result) => result.customerId)).toEqual(['c10']);
          const both = await store.getLatestResults('health', {
            csmId: 'sato',
            valueEquals: { field: 'status', value: 'yellow' },
          });
          expect(both.map((result) => result.customerId)).toEqual(['c10']);
          expect(await store.getLatestResults('health', { csmId: 'nobody' })).toEqual([]);
        }),
      );

      it(
        'orders ids outside the Basic Multilingual Plane by code point',
        withStore(async (store) => {
          // U+FF5A (ｚ) is below U+1D4B3 (𝒳) as a code point, above it as a UTF-16 unit (0xD835).
          await store.putRecords('customer', [customer('\u{1D4B3}'), customer('\uFF5A')]);
          await store.putResult(health('\u{1D4B3}', '2026-03-01T00:00:00Z', 1, 'red'));
          await store.putResult(health('\uFF5A', '2026-03-01T00:00:00Z', 2, 'red'));
          const ids = (await store.getLatestResults('health')).map((result) => result.customerId);
          expect(ids).toEqual(['\uFF5A', '\u{1D4B3}']);
          const after = await store.getLatestResults('health', { after: '\uFF5A' });
          expect(after.map((result) => result.customerId)).toEqual(['\u{1D4B3}']);
        }),
      );

      it(
        'rejects a malformed query, naming the field',
        withStore(async (store) => {
          const error = await store
            .getLatestResults('health', { limit: -1 })
            .catch((caught: unknown) => caught);
          expect(error).toBeInstanceOf(KizunaValidationError);
          expect((error as Error).message).toContain('limit');
        }),
      );
    });

    describe('outbox', () => {
      const now = '2026-04-01T00:00:00.000Z';

      it(
        'stores an idempotency key once',
        withStore(async (store) => {
          const first = await store.enqueueActions([action('k1'), action('k2')], { now });
          expect(first).toEqual({ enqueued: ['k1', 'k2'], duplicates: [] });
          const second = await store.enqueueActions([action('k1', { title: 'changed' })], { now });
          expect(second).toEqual({ enqueued: [], duplicates: ['k1'] });
          expect((await store.getAction('k1'))?.action.title).toBe('Send the tutorial video');
          expect(await store.listActions()).toHaveLength(2);
        }),
      );

      it(
        'rejects an invalid action, naming the field',
        withStore(async (store) => {
          const error = await store
            .enqueueActions([{ ...action('k1'), priority: 'urgent' }], { now })
            .catch((caught: unknown) => caught);
          expect(error).toBeInstanceOf(KizunaValidationError);
          expect((error as Error).message).toContain('priority');
        }),
      );

      it(
        'gives a claimed entry to exactly one caller until its lease lapses',
        withStore(async (store) => {
          await store.enqueueActions([action('k1'), action('k2'), action('k3')], { now });
          const [first, second] = await Promise.all([
            store.claimActions({ now, limit: 2, leaseMilliseconds: 60_000, claimToken: 'A' }),
            store.claimActions({ now, limit: 2, leaseMilliseconds: 60_000, claimToken: 'B' }),
          ]);
          const keys = [...first!, ...second!].map((entry) => entry.action.idempotencyKey).sort();
          expect(keys).toEqual(['k1', 'k2', 'k3']);
          const later = '2026-04-01T00:00:30.000Z';
          expect(
            await store.claimActions({ now: later, limit: 10, leaseMilliseconds: 60_000, claimToken: 'C' }),
          ).toEqual([]);
          const lapsed = '2026-04-01T00:01:00.000Z';
          const retaken = await store.claimActions({
            now: lapsed,
            limit: 10,
            leaseMilliseconds: 60_000,
            claimToken: 'D',
          });
          expect(retaken).toHaveLength(3);
          expect(retaken.every((entry) => entry.attempts === 2 && entry.status === 'delivering')).toBe(true);
        }),
      );

      it(
        'rejects malformed claim options',
        withStore(async (store) => {
          await expect(
            store.claimActions({ now, limit: 1, leaseMilliseconds: Number.NaN, claimToken: 'A' }),
          ).rejects.toBeInstanceOf(KizunaValidationError);
          await expect(
            store.claimActions({ now: 'later', limit: 1, leaseMilliseconds: 1, claimToken: 'A' }),
          ).rejects.toBeInstanceOf(KizunaValidationError);
        }),
      );

      it(
        'does not hand out an entry before it is due',
        withStore(async (store) => {
          await store.enqueueActions([action('later', { dueAt: '2026-04-02T00:00:00Z' })], { now });
          expect(
            await store.claimActions({ now, limit: 10, leaseMilliseconds: 1000, claimToken: 'A' }),
          ).toEqual([]);
          const due = await store.claimActions({
            now: '2026-04-02T00:00:00.000Z',
            limit: 10,
            leaseMilliseconds: 1000,
            claimToken: 'B',
          });
          expect(due.map((entry) => entry.action.idempotencyKey)).toEqual(['later']);
        }),
      );

      it(
        'completes only with the current claim token',
        withStore(async (store) => {
          await store.enqueueActions([action('k1')], { now });
          await store.claimActions({ now, limit: 1, leaseMilliseconds: 1000, claimToken: 'old' });
          await store.claimActions({
            now: '2026-04-01T00:00:01.000Z',
            limit: 1,
            leaseMilliseconds: 1000,
            claimToken: 'new',
          });
          expect(await store.completeAction('k1', { claimToken: 'old', now })).toBe(false);
          expect(await store.completeAction('k1', { claimToken: 'new', now })).toBe(true);
          const entry = await store.getAction('k1');
          expect(entry?.status).toBe('delivered');
          expect(entry?.deliveredAt).toBe(now);
          expect(
            await store.claimActions({
              now: '2026-04-02T00:00:00.000Z',
              limit: 1,
              leaseMilliseconds: 1000,
              claimToken: 'x',
            }),
          ).toEqual([]);
          expect(await store.listActions({ status: 'delivered' })).toHaveLength(1);
        }),
      );

      it(
        'renews a claim only while it is the current one',
        withStore(async (store) => {
          await store.enqueueActions([action('k1'), action('k2')], { now });
          await store.claimActions({ now, limit: 2, leaseMilliseconds: 60_000, claimToken: 'A' });
          const renew = (key: string, claimToken: string, at: string) =>
            store.renewClaim(key, { claimToken, now: at, leaseMilliseconds: 60_000 });
          // k1 renewed at 0:50 runs to 1:50; k2 lapses at 1:00.
          expect(await renew('k1', 'A', '2026-04-01T00:00:50.000Z')).toBe(true);
          expect(await renew('k1', 'B', '2026-04-01T00:00:50.000Z')).toBe(false);
          expect((await store.getAction('k1'))?.leaseExpiresAt).toBe('2026-04-01T00:01:50.000Z');
          const takenOver = await store.claimActions({
            now: '2026-04-01T00:01:10.000Z',
            limit: 10,
            leaseMilliseconds: 60_000,
            claimToken: 'B',
          });
          expect(takenOver.map((entry) => entry.action.idempotencyKey)).toEqual(['k2']);
          expect(await renew('k2', 'A', '2026-04-01T00:01:10.000Z')).toBe(false);
          expect((await store.getAction('k2'))?.claimToken).toBe('B');
          expect(await store.completeAction('k1', { claimToken: 'A', now })).toBe(true);
          expect(await renew('k1', 'A', '2026-04-01T00:01:20.000Z')).toBe(false);
          expect(await renew('missing', 'A', now)).toBe(false);
          await expect(
            store.renewClaim('k2', { claimToken: 'B', now, leaseMilliseconds: 0 }),
          ).rejects.toBeInstanceOf(KizunaValidationError);
        }),
      );

      it(
        'still renews a lapsed claim that nobody took over',
        withStore(async (store) => {
          await store.enqueueActions([action('k1')], { now });
          await store.claimActions({ now, limit: 1, leaseMilliseconds: 1000, claimToken: 'A' });
          expect(
            await store.renewClaim('k1', {
              claimToken: 'A',
              now: '2026-04-01T00:00:05.000Z',
              leaseMilliseconds: 1000,
            }),
          ).toBe(true);
          expect(
            await store.claimActions({
              now: '2026-04-01T00:00:05.500Z',
              limit: 1,
              leaseMilliseconds: 1000,
              claimToken: 'B',
            }),
          ).toEqual([]);
        }),
      );

      it(
        'acknowledges an action exactly once, even when asked many times at once',
        withStore(async (store) => {
          await store.enqueueActions([action('k1'), action('k2')], { now });
          expect(await store.acknowledgeAction('missing', { now, by: 'sato' })).toBeUndefined();
          const marks = await Promise.all(
            Array.from({ length: 8 }, (_, index) =>
              store.acknowledgeAction('k1', {
                now: `2026-04-01T00:00:0${index}.000Z`,
                by: `csm-${index}`,
                note: `called them (${index})`,
              }),
            ),
          );
          const winners = marks.filter((mark) => mark?.acknowledged === true);
          expect(winners).toHaveLength(1);
          const first = winners[0]!.entry.acknowledgement;
          expect(first).toEqual({
            at: expect.stringMatching(/^2026-04-01T00:00:0\d\.000Z$/),
            by: expect.stringMatching(/^csm-\d$/),
            note: expect.stringMatching(/^called them \(\d\)$/),
          });
          // Everybody sees the first acknowledgement; later calls change nothing.
          expect(marks.every((mark) => mark?.entry.acknowledgement?.by === first?.by)).toBe(true);
          const again = await store.acknowledgeAction('k1', { now: '2026-04-02T00:00:00Z', by: 'tanaka' });
          expect(again).toMatchObject({ acknowledged: false, entry: { acknowledgement: first } });
          // Delivery is not touched: k1 is still pending and claimable.
          const k1 = await store.getAction('k1');
          expect(k1).toMatchObject({ status: 'pending', attempts: 0, acknowledgement: first });
          const claimed = await store.claimActions({
            now,
            limit: 5,
            leaseMilliseconds: 1000,
            claimToken: 'A',
          });
          expect(claimed.map((entry) => entry.action.idempotencyKey)).toEqual(['k1', 'k2']);
          expect(claimed[0]?.acknowledgement).toEqual(first);
          expect(claimed[1]?.acknowledgement).toBeUndefined();
          const plain = await store.acknowledgeAction('k2', { now, by: 'sato' });
          expect(plain).toMatchObject({
            acknowledged: true,
            entry: { acknowledgement: { at: now, by: 'sato' } },
          });
          expect(plain?.entry.acknowledgement).not.toHaveProperty('note');
          expect((await store.listActions()).map((entry) => entry.acknowledgement?.by)).toEqual([
            first?.by,
            'sato',
          ]);
          await expect(store.acknowledgeAction('k1', { now, by: '' })).rejects.toBeInstanceOf(
            KizunaValidationError,
          );
        }),
      );

      it(
        'filters the outbox by priority, done and the CSM of the customer before the limit',
        withStore(async (store) => {
          await store.putRecords('customer', [
            customer('c1', { csmId: 'sato' }),
            customer('c2', { csmId: 'tanaka' }),
            customer('c3'),
          ]);
          await store.enqueueActions(
            [
              action('a-low', { priority: 'low', customerId: 'c1' }),
              action('b-critical', { priority: 'critical', customerId: 'c2' }),
              action('c-high', { priority: 'high', customerId: 'c1' }),
              action('d-critical', { priority: 'critical', customerId: 'c1' }),
              action('e-workspace', { priority: 'critical', customerId: undefined }),
              action('f-no-csm', { priority: 'high', customerId: 'c3' }),
            ],
            { now },
          );
          await store.acknowledgeAction('d-critical', { now, by: 'sato' });
          const keys = (entries: readonly OutboxEntry[]) =>
            entries.map((entry) => entry.action.idempotencyKey);
          expect(keys(await store.listActions({ priorities: ['critical'] }))).toEqual([
            'b-critical',
            'd-critical',
            'e-workspace',
          ]);
          expect(keys(await store.listActions({ priorities: ['critical', 'high'], limit: 2 }))).toEqual([
            'b-critical',
            'c-high',
          ]);
          expect(await store.listActions({ priorities: [] })).toEqual([]);
          expect(keys(await store.listActions({ done: true }))).toEqual(['d-critical']);
          expect(keys(await store.listActions({ done: false, priorities: ['critical'] }))).toEqual([
            'b-critical',
            'e-workspace',
          ]);
          expect(keys(await store.listActions({ csmId: 'sato' }))).toEqual(['a-low', 'c-high', 'd-critical']);
          expect(keys(await store.listActions({ csmId: 'sato', done: false, limit: 1 }))).toEqual(['a-low']);
          expect(keys(await store.listActions({ csmId: 'sato', customerId: 'c2' }))).toEqual([]);
          expect(await store.listActions({ csmId: 'nobody' })).toEqual([]);
          await expect(
            store.listActions({ priorities: ['urgent'] as unknown as ['low'] }),
          ).rejects.toBeInstanceOf(KizunaValidationError);
          await expect(
            store.listActions({ after: { enqueuedAt: 'yesterday', idempotencyKey: 'x' } }),
          ).rejects.toBeInstanceOf(KizunaValidationError);
        }),
      );

      it(
        'filters the outbox by the start of the rule id, case-sensitively, with the other filters',
        withStore(async (store) => {
          const source = (ruleId: string) => ({ source: { engine: 'journey', ruleId } });
          await store.enqueueActions(
            [
              action('a', source('upsell-campaign/offer')),
              action('b', { ...source('upsell-campaign/follow-up'), priority: 'low' }),
              action('c', source('upsell-campaign')),
              action('d', source('Upsell-campaign/offer')),
              action('e', source('onboarding/upsell-campaign/x')),
              action('g', source('upsell-campaign/日本語')),
            ],
            { now },
          );
          const keys = (entries: readonly OutboxEntry[]) =>
            entries.map((entry) => entry.action.idempotencyKey);
          expect(keys(await store.listActions({ ruleIdPrefix: 'upsell-campaign/' }))).toEqual([
            'a',
            'b',
            'g',
          ]);
          expect(keys(await store.listActions({ ruleIdPrefix: 'upsell-campaign' }))).toEqual([
            'a',
            'b',
            'c',
            'g',
          ]);
          expect(
            keys(
              await store.listActions({ ruleIdPrefix: 'upsell-campaign/', priorities: ['high'], limit: 1 }),
            ),
          ).toEqual(['a']);
          expect(keys(await store.listActions({ ruleIdPrefix: 'upsell-campaign/日' }))).toEqual(['g']);
          // Characters LIKE would treat as wildcards are plain text here.
          expect(await store.listActions({ ruleIdPrefix: 'upsell_campaign' })).toEqual([]);
          expect(await store.listActions({ ruleIdPrefix: '%' })).toEqual([]);
          await expect(store.listActions({ ruleIdPrefix: '' })).rejects.toBeInstanceOf(KizunaValidationError);
        }),
      );

      it(
        'pages the outbox with a cursor: no entry lost or repeated when later entries are added between pages',
        withStore(async (store) => {
          // A seeded sequence of enqueues (some sharing an instant) and page reads in between.
          let seed = 7;
          const random = () => {
            seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
            return seed / 2_147_483_648;
          };
          let second = 0;
          let counter = 0;
          // Before paging, batches may share an instant; between pages each batch comes later than the
          // entries already enqueued, as an outbox on one clock enqueues.
          const enqueueSome = async (minimumStep: number) => {
            const count = Math.floor(random() * 4);
            if (count === 0) return;
            second += minimumStep + Math.floor(random() * 2);
            const at = new Date(Date.parse(now) + second * 1000).toISOString();
            const batch = Array.from({ length: count }, () => {
              counter += 1;
              return action(`k${String(Math.floor(random() * 1000)).padStart(3, '0')}-${counter}`, {
                priority: random() < 0.5 ? 'high' : 'low',
              });
            });
            await store.enqueueActions(batch, { now: at });
          };
          for (let index = 0; index < 5; index += 1) await enqueueSome(0);
          const seen: string[] = [];
          const seenHigh: string[] = [];
          let cursor: ActionCursor | undefined;
          let cursorHigh: ActionCursor | undefined;
          for (let page = 0; page < 60; page += 1) {
            const all = await store.listActions({
              limit: 3,
              ...(cursor === undefined ? {} : { after: cursor }),
            });
            const high = await store.listActions({
              limit: 2,
              priorities: ['high'],
              ...(cursorHigh === undefined ? {} : { after: cursorHigh }),
            });
            seen.push(...all.map((entry) => entry.action.idempotencyKey));
            seenHigh.push(...high.map((entry) => entry.action.idempotencyKey));
            const last = all.at(-1);
            if (last !== undefined)
              cursor = { enqueuedAt: last.enqueuedAt, idempotencyKey: last.action.idempotencyKey };
            const lastHigh = high.at(-1);
            if (lastHigh !== undefined)
              cursorHigh = {
                enqueuedAt: lastHigh.enqueuedAt,
                idempotencyKey: lastHigh.action.idempotencyKey,
              };
            if (page < 30) await enqueueSome(1);
          }
          const everything = await store.listActions();
          expect(everything.length).toBeGreaterThan(20);
          expect(seen).toEqual(everything.map((entry) => entry.action.idempotencyKey));
          expect(seenHigh).toEqual(
            everything
              .filter((entry) => entry.action.priority === 'high')
              .map((entry) => entry.action.idempotencyKey),
          );
          expect(new Set(seen).size).toBe(seen.length);
        }),
      );

      it(
        'puts a failed attempt back until retryAt, or fails it for good without one',
        withStore(async (store) => {
          await store.enqueueActions([action('retry'), action('dead')], { now });
          await store.claimActions({ now, limit: 2, leaseMilliseconds: 1000, claimToken: 'A' });
          expect(
            await store.failAction('retry', {
              claimToken: 'A',
              error: 'HTTP 503',
              retryAt: '2026-04-01T01:00:00Z',
            }),
          ).toBe(true);
          expect(await store.failAction('dead', { claimToken: 'A', error: 'HTTP 400' })).toBe(true);
          expect(await store.failAction('dead', { claimToken: 'A', error: 'again' })).toBe(false);
          const retry = await store.getAction('retry');
          expect(retry).toMatchObject({
            status: 'pending',
            lastError: 'HTTP 503',
            attempts: 1,
            nextAttemptAt: '2026-04-01T01:00:00.000Z',
          });
          expect((await store.getAction('dead'))?.status).toBe('failed');
          expect(
            await store.claimActions({
              now: '2026-04-01T00:30:00.000Z',
              limit: 5,
              leaseMilliseconds: 1000,
              claimToken: 'B',
            }),
          ).toEqual([]);
          const again = await store.claimActions({
            now: '2026-04-01T01:00:00.000Z',
            limit: 5,
            leaseMilliseconds: 1000,
            claimToken: 'C',
          });
          expect(again.map((entry) => [entry.action.idempotencyKey, entry.attempts])).toEqual([['retry', 2]]);
          expect(
            (await store.listActions({ status: 'failed' })).map((entry) => entry.action.idempotencyKey),
          ).toEqual(['dead']);
          expect(await store.listActions({ customerId: 'nobody' })).toEqual([]);
        }),
      );
    });
  });
}
