import { randomBytes } from 'node:crypto';
import { KizunaError } from '@kizuna/core';
import { describe, expect, it } from 'vitest';
import { createPgClient } from '../client/pg-client';
import { createScratchStore } from '../test-support/scratch-schema';
import { useServerClient } from '../test-support/test-databases';
import { testDatabaseUrl } from '../test-support/test-server';
import { createPostgresStore } from './create-postgres-store';
import { createServerStore } from './create-server-store';

const server = await useServerClient();

const customer = {
  id: 'c1',
  name: 'ABC 株式会社',
  segment: 'b2c',
  plan: 'standard',
  createdAt: '2026-01-01T00:00:00Z',
};

describe('an unreachable server', () => {
  it('fails the start with a retryable STORE_UNAVAILABLE that keeps the driver error as cause', async () => {
    // Port 1 on the loopback: nothing listens there, the connection is refused at once.
    const error = await createServerStore({ connectionString: 'postgres://postgres@127.0.0.1:1/test' }).catch(
      (caught: unknown) => caught,
    );
    expect(KizunaError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE', isRetryable: true });
    expect((error as Error).cause).toBeDefined();
    expect((error as Error).message).toMatch(/ECONNREFUSED|connect/);
  });
});

describe.skipIf(!server.reachable)('a connection lost mid-operation', () => {
  it('fails that operation with a retryable STORE_UNAVAILABLE, and the next one reconnects', async () => {
    const setup = await createScratchStore(server.client());
    const applicationName = `kizuna-loss-${randomBytes(4).toString('hex')}`;
    const client = createPgClient({ connectionString: testDatabaseUrl, applicationName, maxConnections: 2 });
    const store = await createPostgresStore({ client, schema: setup.schema, migrate: false });
    try {
      await store.putRecords('customer', [customer]);
      // Hold a lock so the store's read waits on the server, then kill the waiting backend, as a
      // server restart or a network cut would.
      const outcome = await server.client().transaction(async (transaction) => {
        await transaction.query(`lock table "${setup.schema}".records in access exclusive mode`);
        const pending = store.getRecord('customer', 'c1').then(
          () => 'resolved',
          (error: unknown) => error,
        );
        for (;;) {
          const waiting = await server
            .client()
            .query<{ pid: number }>(
              `select pid from pg_stat_activity where application_name = $1 and wait_event_type = 'Lock'`,
              [applicationName],
            );
          if (waiting.length > 0) {
            await server.client().query('select pg_terminate_backend($1)', [waiting[0]!.pid]);
            return pending;
          }
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      });
      expect(KizunaError.isInstance(outcome)).toBe(true);
      expect(outcome).toMatchObject({ code: 'STORE_UNAVAILABLE', isRetryable: true });
      expect(((outcome as Error).cause as { code?: string }).code).toBe('57P01');
      expect((await store.getRecord('customer', 'c1'))?.name).toBe('ABC 株式会社');
    } finally {
      await store.close();
      await setup.close();
    }
  }, 30_000);
});
