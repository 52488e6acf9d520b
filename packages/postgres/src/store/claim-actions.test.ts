import type { ActionInput, Store } from '@kizuna/core';
import { describe, expect, it } from 'vitest';
import { createPgClient } from '../client/pg-client';
import type { SqlClient } from '../client/sql-client';
import { createScratchStore } from '../test-support/scratch-schema';
import { useServerClient } from '../test-support/test-databases';
import { testDatabaseUrl } from '../test-support/test-server';
import { createPostgresStore } from './create-postgres-store';

const server = await useServerClient();

const now = '2026-04-01T00:00:00.000Z';
const action = (index: number): ActionInput => ({
  idempotencyKey: `k${String(index).padStart(4, '0')}`,
  type: 'send_tutorial_video',
  customerId: `c${index % 7}`,
  channel: 'email',
  owner: 'automation',
  priority: 'medium',
  automated: true,
  dueAt: new Date(Date.parse(now) - (index % 13) * 1000).toISOString(),
  title: 'Send the tutorial video',
  source: { engine: 'test', ruleId: 'r1' },
});

// On PGlite (one connection) claims cannot overlap; the conformance suite and the differential test
// in create-postgres-store.test.ts cover its claims. Concurrency needs separate server sessions.

/** A worker: claims in small batches until nothing is left, completing each entry it got. */
async function drain(store: Store, worker: string): Promise<string[]> {
  const claimed: string[] = [];
  for (let round = 0; ; round += 1) {
    const claimToken = `${worker}-${round}`;
    const entries = await store.claimActions({ now, limit: 7, leaseMilliseconds: 60_000, claimToken });
    if (entries.length === 0) return claimed;
    for (const entry of entries) {
      claimed.push(entry.action.idempotencyKey);
      expect(await store.completeAction(entry.action.idempotencyKey, { claimToken, now })).toBe(true);
    }
  }
}

async function expectEachClaimedOnce(stores: readonly Store[], total: number) {
  const claims = await Promise.all(stores.map((store, index) => drain(store, `worker${index}`)));
  const all = claims.flat();
  expect(all).toHaveLength(total);
  expect(new Set(all).size).toBe(total);
  const delivered = await stores[0]!.listActions({ status: 'delivered' });
  expect(delivered).toHaveLength(total);
  expect(delivered.every((entry) => entry.attempts === 1)).toBe(true);
}

describe.skipIf(!server.reachable)('claimActions on PostgreSQL (FOR UPDATE SKIP LOCKED)', () => {
  it('claims the entries due first, then by key, and only up to the limit', async () => {
    const store = await createScratchStore(server.client());
    const dueIn = (seconds: number) => new Date(Date.parse(now) + seconds * 1000).toISOString();
    try {
      await store.enqueueActions(
        [
          { ...action(1), dueAt: dueIn(3) },
          { ...action(2), dueAt: dueIn(1) },
          { ...action(3), dueAt: dueIn(2) },
          { ...action(4), dueAt: dueIn(1) },
        ],
        { now },
      );
      const entries = await store.claimActions({
        now: dueIn(10),
        limit: 3,
        leaseMilliseconds: 1_000,
        claimToken: 'A',
      });
      expect(entries.map((entry) => entry.action.idempotencyKey)).toEqual(['k0002', 'k0004', 'k0003']);
      expect(entries.every((entry) => entry.leaseExpiresAt === dueIn(11))).toBe(true);
    } finally {
      await store.close();
    }
  });
  it('hands every entry to exactly one of eight workers on separate connections', async () => {
    const setup = await createScratchStore(server.client());
    const clients: SqlClient[] = [];
    const workers: Store[] = [];
    try {
      await setup.enqueueActions(
        Array.from({ length: 400 }, (_, index) => action(index)),
        { now },
      );
      for (let index = 0; index < 8; index += 1) {
        const client = createPgClient({ connectionString: testDatabaseUrl, maxConnections: 1 });
        clients.push(client);
        workers.push(await createPostgresStore({ client, schema: setup.schema, migrate: false }));
      }
      await expectEachClaimedOnce(workers, 400);
    } finally {
      await Promise.all(workers.map((worker) => worker.close()));
      await setup.close();
    }
  }, 30_000);

  it('lets a second worker take over a lapsed lease, and the first can no longer complete', async () => {
    const store = await createScratchStore(server.client());
    try {
      await store.enqueueActions([action(0)], { now });
      const [first] = await store.claimActions({ now, limit: 1, leaseMilliseconds: 1_000, claimToken: 'A' });
      const later = '2026-04-01T00:00:01.000Z';
      const [second] = await store.claimActions({
        now: later,
        limit: 1,
        leaseMilliseconds: 1_000,
        claimToken: 'B',
      });
      expect([first?.claimToken, second?.claimToken, second?.attempts]).toEqual(['A', 'B', 2]);
      expect(await store.failAction('k0000', { claimToken: 'A', error: 'late' })).toBe(false);
      expect(await store.completeAction('k0000', { claimToken: 'B', now: later })).toBe(true);
      expect(await store.getAction('k0000')).toEqual({
        action: expect.objectContaining({ idempotencyKey: 'k0000' }),
        status: 'delivered',
        attempts: 2,
        enqueuedAt: now,
        nextAttemptAt: now,
        deliveredAt: later,
      });
    } finally {
      await store.close();
    }
  });
});
