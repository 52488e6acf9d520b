import { createMemoryStore, KizunaError, type Store } from '@kizuna/core';
import { runStoreConformance } from '@kizuna/core/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecordingClient } from '../test-support/recording-client';
import { createScratchStore, dropSchema, scratchSchemaName } from '../test-support/scratch-schema';
import { usePgliteClient, useServerClient } from '../test-support/test-databases';
import { createPostgresStore } from './create-postgres-store';

const pglite = usePgliteClient();
const server = await useServerClient();

runStoreConformance(async () => createScratchStore(pglite()), { name: 'createPostgresStore on PGlite' });
runStoreConformance(async () => createScratchStore(server.client()), {
  name: 'createPostgresStore on PostgreSQL',
  skip: !server.reachable,
});

describe('createPostgresStore', () => {
  it('answers many getRecord calls made at once with one query, each caller with its own copy', async () => {
    const schema = scratchSchemaName();
    const recording = createRecordingClient(pglite());
    const store = await createPostgresStore({ client: recording, schema });
    try {
      const customers = ['c1', 'c2', 'c3'].map((id) => ({
        id,
        name: `Customer ${id}`,
        segment: 'b2c',
        plan: 'standard',
        createdAt: '2026-01-01T00:00:00Z',
      }));
      await store.putRecords('customer', customers);
      recording.statements.length = 0;
      const found = await Promise.all(
        ['c1', 'c2', 'missing', 'c1', 'c3'].map((id) => store.getRecord('customer', id)),
      );
      expect(found.map((customer) => customer?.id)).toEqual(['c1', 'c2', undefined, 'c1', 'c3']);
      expect(found[0]).not.toBe(found[3]);
      expect(recording.statements).toHaveLength(1);
    } finally {
      await store.close();
      await dropSchema(pglite(), schema);
    }
  });

  it('refuses every operation once closed with STORE_UNAVAILABLE, not retryable, and closes twice quietly', async () => {
    const store = await createScratchStore(pglite());
    await store.close();
    const error = await store.getRecord('customer', 'c1').catch((caught: unknown) => caught);
    expect(KizunaError.isInstance(error) && [error.code, error.isRetryable]).toEqual([
      'STORE_UNAVAILABLE',
      false,
    ]);
    await expect(store.close()).resolves.toBeUndefined();
  });

  it('rejects invalid options and queries with VALIDATION_FAILED naming the field', async () => {
    await expect(createPostgresStore({ client: pglite(), schema: 'no spaces' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(createPostgresStore({ client: {} as never })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const store = await createScratchStore(pglite());
    try {
      const error = await store.listRecords('usageEvent', { limit: -1 }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect((error as Error).message).toContain('limit');
      await expect(store.listRecords('usageEvent', { from: 'yesterday' })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
    } finally {
      await store.close();
    }
  });
});

const instants = [
  '2026-03-01T00:00:00Z',
  '2026-03-01T00:00:00.500Z',
  '2026-03-01T12:00:00Z',
  '2026-03-02T00:00:00Z',
  '2026-03-03T09:30:00.250Z',
];
const instant = fc.constantFrom(...instants);
const customerId = fc.constantFrom('c1', 'c2', 'c3', 'c10', 'C2');
const usageEvent = fc.record({
  id: fc.constantFrom('e1', 'e2', 'e3', 'e4', 'e10', 'E1'),
  customerId,
  occurredAt: instant,
  kind: fc.constant('login' as const),
});
const actionKey = fc.constantFrom('k1', 'k2', 'k3', 'k4');

const operation = fc.oneof(
  fc.record({ type: fc.constant('putEvents' as const), events: fc.array(usageEvent, { maxLength: 6 }) }),
  fc.record({
    type: fc.constant('putCustomers' as const),
    ids: fc.array(customerId, { maxLength: 3 }),
    createdAt: instant,
  }),
  fc.record({
    type: fc.constant('listEvents' as const),
    customerId: fc.option(customerId, { nil: undefined }),
    customerIds: fc.option(fc.array(customerId, { maxLength: 3 }), { nil: undefined }),
    from: fc.option(instant, { nil: undefined }),
    to: fc.option(instant, { nil: undefined }),
    limit: fc.option(fc.nat(4), { nil: undefined }),
  }),
  fc.record({
    type: fc.constant('listCustomerIds' as const),
    after: fc.option(customerId, { nil: undefined }),
    limit: fc.option(fc.nat(3), { nil: undefined }),
  }),
  fc.record({
    type: fc.constant('putResult' as const),
    customerId,
    asOf: instant,
    score: fc.integer({ min: 0, max: 100 }),
  }),
  fc.record({
    type: fc.constant('latestResult' as const),
    customerId,
    before: fc.option(instant, { nil: undefined }),
  }),
  fc.record({
    type: fc.constant('latestResults' as const),
    customerIds: fc.option(fc.array(customerId, { maxLength: 3 }), { nil: undefined }),
    after: fc.option(customerId, { nil: undefined }),
    limit: fc.option(fc.nat(3), { nil: undefined }),
    status: fc.option(fc.constantFrom('red', 'green'), { nil: undefined }),
    before: fc.option(instant, { nil: undefined }),
  }),
  fc.record({
    type: fc.constant('enqueue' as const),
    keys: fc.array(actionKey, { maxLength: 3 }),
    now: instant,
    dueAt: instant,
  }),
  fc.record({
    type: fc.constant('claim' as const),
    now: instant,
    limit: fc.nat(3),
    token: fc.constantFrom('A', 'B'),
  }),
  fc.record({
    type: fc.constant('complete' as const),
    key: actionKey,
    token: fc.constantFrom('A', 'B'),
    now: instant,
  }),
  fc.record({
    type: fc.constant('fail' as const),
    key: actionKey,
    token: fc.constantFrom('A', 'B'),
    retryAt: fc.option(instant, { nil: undefined }),
  }),
  fc.record({
    type: fc.constant('listActions' as const),
    status: fc.option(fc.constantFrom('pending', 'delivering', 'delivered', 'failed' as const), {
      nil: undefined,
    }),
  }),
);
type Operation = typeof operation extends fc.Arbitrary<infer Value> ? Value : never;

function apply(store: Store, step: Operation): Promise<unknown> {
  switch (step.type) {
    case 'putEvents':
      return store.putRecords('usageEvent', step.events);
    case 'putCustomers':
      return store.putRecords(
        'customer',
        step.ids.map((id) => ({
          id,
          name: `Customer ${id}`,
          segment: 'b2c',
          plan: 'standard',
          createdAt: step.createdAt,
        })),
      );
    case 'listEvents': {
      const { type: _type, ...query } = step;
      return store.listRecords('usageEvent', query);
    }
    case 'listCustomerIds':
      return store.listCustomerIds({ after: step.after, limit: step.limit });
    case 'putResult':
      return store.putResult({
        kind: 'health',
        customerId: step.customerId,
        asOf: step.asOf,
        value: { score: step.score, status: step.score < 40 ? 'red' : 'green' },
      });
    case 'latestResult':
      return store.getLatestResult('health', step.customerId, { before: step.before });
    case 'latestResults':
      return store.getLatestResults('health', {
        customerIds: step.customerIds,
        after: step.after,
        limit: step.limit,
        valueEquals: step.status === undefined ? undefined : { field: 'status', value: step.status },
        before: step.before,
      });
    case 'enqueue':
      return store.enqueueActions(
        step.keys.map((key) => ({
          idempotencyKey: key,
          type: 'check_in',
          customerId: 'c1',
          channel: 'email',
          owner: 'automation',
          priority: 'low',
          automated: true,
          dueAt: step.dueAt,
          title: `Check in ${key}`,
          source: { engine: 'test', ruleId: 'r1' },
        })),
        { now: step.now },
      );
    case 'claim':
      return store.claimActions({
        now: step.now,
        limit: step.limit,
        leaseMilliseconds: 3_600_000,
        claimToken: step.token,
      });
    case 'complete':
      return store.completeAction(step.key, { claimToken: step.token, now: step.now });
    case 'fail':
      return store.failAction(step.key, { claimToken: step.token, error: 'HTTP 503', retryAt: step.retryAt });
    case 'listActions':
      return store.listActions({ status: step.status });
  }
}

const outcome = async (store: Store, step: Operation) => {
  try {
    return { value: await apply(store, step) };
  } catch (error) {
    return { error: (error as { code?: string }).code ?? String(error) };
  }
};

/**
 * Differential test: random sequences of operations run on the memory store (the reference) and on
 * the PostgreSQL store must give the same answers. Both stores live across all runs, so state built
 * by earlier runs (updates, leases, retries) is exercised by later ones — which also means a
 * shrunk counterexample may not fail on its own: read the first failure's assertion, not the last.
 */
describe('createPostgresStore against the memory store', () => {
  let reference: Store;
  let postgres: Store;
  beforeAll(async () => {
    reference = createMemoryStore();
    postgres = await createScratchStore(pglite());
  });
  afterAll(async () => {
    await postgres?.close();
  });

  it('answers every random sequence of operations exactly as the reference does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 20 }), async (steps) => {
        for (const step of steps)
          expect(await outcome(postgres, step)).toEqual(await outcome(reference, step));
        expect(await postgres.listRecords('usageEvent')).toEqual(await reference.listRecords('usageEvent'));
        expect(await postgres.listActions()).toEqual(await reference.listActions());
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
