import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KizunaError } from '@kizuna/core';
import { afterAll, describe, expect, it } from 'vitest';
import { createPgliteClient } from '../client/pglite-client';
import { runMigrations } from '../migrations/run-migrations';
import { pgliteTemplate } from '../test-support/pglite-template';
import { createEmbeddedStore } from './create-embedded-store';
import { createPostgresStore } from './create-postgres-store';

const folder = mkdtempSync(join(tmpdir(), 'kizuna-embedded-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('createEmbeddedStore', () => {
  it('keeps records, results and the outbox in its folder across a restart', async () => {
    const dataDir = join(folder, 'not', 'yet', 'there');
    // The first start from the test template (a fresh folder would run initdb, which is slow).
    const first = await createPostgresStore({
      client: await createPgliteClient({ dataDir, loadDataDir: await pgliteTemplate() }),
    });
    await first.putRecords('customer', [
      { id: 'c1', name: 'ABC 株式会社', segment: 'b2c', plan: 'standard', createdAt: '2026-01-01T00:00:00Z' },
    ]);
    await first.putResult({
      kind: 'health',
      customerId: 'c1',
      asOf: '2026-03-01T00:00:00Z',
      value: { score: 72 },
    });
    await first.enqueueActions(
      [
        {
          idempotencyKey: 'k1',
          type: 'csm_intervention',
          customerId: 'c1',
          channel: 'task',
          owner: 'csm',
          priority: 'high',
          automated: false,
          dueAt: '2026-03-01T00:00:00Z',
          title: 'Call the customer',
          source: { engine: 'test', ruleId: 'r1' },
        },
      ],
      { now: '2026-03-01T00:00:00Z' },
    );
    await first.close();

    const reopened = await createEmbeddedStore({ dataDir });
    expect((await reopened.getRecord('customer', 'c1'))?.name).toBe('ABC 株式会社');
    expect((await reopened.getLatestResult('health', 'c1'))?.value).toEqual({ score: 72 });
    expect((await reopened.getAction('k1'))?.status).toBe('pending');
    await reopened.close();

    // The same folder through the client, to check what the store cannot show. (PGlite client
    // behaviour is tested here because each PGlite costs seconds to start.)
    const client = await createPgliteClient({ dataDir });
    try {
      expect(await runMigrations(client)).toEqual({ applied: [], version: 3 });

      // A client sharing an instance leaves it open when closed.
      const sharing = await createPgliteClient({ pglite: client.pglite });
      await sharing.close();
      expect(await client.query<{ one: number }>('select 1 as one')).toEqual([{ one: 1 }]);

      // A transaction whose work throws is rolled back and the error rethrown unchanged.
      const mine = new Error('changed my mind');
      const thrown = await client
        .transaction(async (transaction) => {
          await transaction.query(`delete from kizuna.records`);
          throw mine;
        })
        .catch((caught: unknown) => caught);
      expect(thrown).toBe(mine);
      expect(await client.query('select id from kizuna.records')).toEqual([{ id: 'c1' }]);

      // PGlite shut down under a store: the store reports it as unavailable, not as a raw error.
      const store = await createPostgresStore({ client, migrate: false, closeClient: false });
      await client.pglite.close();
      const error = await store.listCustomerIds().catch((caught: unknown) => caught);
      expect(KizunaError.isInstance(error) && error.code).toBe('STORE_UNAVAILABLE');
      expect((error as Error).message).toContain('PGlite is closed');
    } finally {
      await client.close();
    }
  }, 60_000);

  it('rejects invalid options before starting anything', async () => {
    await expect(createEmbeddedStore({ dataDir: '' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(createEmbeddedStore({ schema: 'Bad-Name' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});
