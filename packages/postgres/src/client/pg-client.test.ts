import { KizunaError } from '@kizuna/core';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { useServerClient } from '../test-support/test-databases';
import { testDatabaseUrl } from '../test-support/test-server';
import { createPgClient } from './pg-client';

const server = await useServerClient();

describe('createPgClient', () => {
  it('rejects options with neither or both of connectionString and pool', () => {
    expect(() => createPgClient({})).toThrow(/exactly one of connectionString and pool/);
    expect(() => createPgClient({ connectionString: '' })).toThrow(KizunaError);
  });

  it('reports a refused connection as a retryable STORE_UNAVAILABLE on the first query', async () => {
    const client = createPgClient({ connectionString: 'postgres://postgres@127.0.0.1:1/test' });
    try {
      const error = await client.query('select 1').catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE', isRetryable: true });
      const inTransaction = await client.transaction(async () => 1).catch((caught: unknown) => caught);
      expect(inTransaction).toMatchObject({ code: 'STORE_UNAVAILABLE', isRetryable: true });
    } finally {
      await client.close();
    }
  });
});

describe.skipIf(!server.reachable)('createPgClient on PostgreSQL', () => {
  it('commits a transaction that resolves and rolls back one that throws, rethrowing its error unchanged', async () => {
    const client = server.client();
    const table = `pg_client_test_${process.pid}_${Date.now()}`;
    await client.query(`create table ${table} (note text)`);
    try {
      await client.transaction(async (transaction) => {
        await transaction.query(`insert into ${table} values ($1)`, ['kept']);
      });
      const mine = new Error('changed my mind');
      const thrown = await client
        .transaction(async (transaction) => {
          await transaction.query(`insert into ${table} values ($1)`, ['dropped']);
          throw mine;
        })
        .catch((caught: unknown) => caught);
      expect(thrown).toBe(mine);
      const rows = await client.query<{ note: string }>(`select note from ${table}`);
      expect(rows).toEqual([{ note: 'kept' }]);
    } finally {
      await client.query(`drop table ${table}`);
    }
  });

  it('wraps a SQL error with its SQLSTATE, not retryable', async () => {
    const error = await server
      .client()
      .query('select * from no_such_table_here')
      .catch((caught: unknown) => caught);
    expect(KizunaError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE', isRetryable: false });
    expect((error as Error).message).toContain('42P01');
  });

  it('leaves a pool it was given open when closed', async () => {
    const pool = new pg.Pool({ connectionString: testDatabaseUrl, max: 1 });
    try {
      const client = createPgClient({ pool });
      expect(await client.query<{ one: number }>('select 1 as one')).toEqual([{ one: 1 }]);
      await client.close();
      expect((await pool.query('select 2 as two')).rows).toEqual([{ two: 2 }]);
    } finally {
      await pool.end();
    }
  });
});
