import { KizunaError } from '@kizuna/core';
import { describe, expect, it } from 'vitest';
import { createPgClient } from '../client/pg-client';
import type { SqlClient } from '../client/sql-client';
import { dropSchema, scratchSchemaName } from '../test-support/scratch-schema';
import { usePgliteClient, useServerClient } from '../test-support/test-databases';
import { testDatabaseUrl } from '../test-support/test-server';
import type { Migration } from './migration';
import { runMigrations } from './run-migrations';
import { storeMigrations } from './store-migrations';

const pglite = usePgliteClient();
const server = await useServerClient();

const appliedVersions = async (client: SqlClient, schema: string) =>
  (
    await client.query<{ version: number }>(
      `select version from "${schema}".kizuna_migrations order by version`,
    )
  ).map((row) => row.version);

/** Runs `test` with a scratch schema name, dropping the schema afterwards. */
const withSchema = (client: () => SqlClient, test: (schema: string) => Promise<void>) => async () => {
  const schema = scratchSchemaName();
  try {
    await test(schema);
  } finally {
    await dropSchema(client(), schema);
  }
};

const failingNext: readonly Migration[] = [
  ...storeMigrations,
  {
    version: 4,
    name: 'half done, then broken',
    statements: (schema) => [
      `create table ${schema}.half_done (id integer)`,
      `select * from ${schema}.no_such_table`,
    ],
  },
];

describe('runMigrations on PGlite', () => {
  it(
    'applies every migration on the first run and nothing on the next (idempotent)',
    withSchema(pglite, async (schema) => {
      expect(await runMigrations(pglite(), { schema })).toEqual({ applied: [1, 2, 3], version: 3 });
      expect(await runMigrations(pglite(), { schema })).toEqual({ applied: [], version: 3 });
      expect(await appliedVersions(pglite(), schema)).toEqual([1, 2, 3]);
    }),
  );

  it(
    'applies each migration once when several calls run at once',
    withSchema(pglite, async (schema) => {
      const reports = await Promise.all([1, 2, 3].map(() => runMigrations(pglite(), { schema })));
      expect(reports.flatMap((report) => report.applied)).toEqual([1, 2, 3]);
      expect(await appliedVersions(pglite(), schema)).toEqual([1, 2, 3]);
    }),
  );

  it(
    'keeps nothing of a failing migration and reports STORE_UNAVAILABLE',
    withSchema(pglite, async (schema) => {
      const error = await runMigrations(pglite(), { schema }, failingNext).catch((caught: unknown) => caught);
      expect(KizunaError.isInstance(error) && error.code).toBe('STORE_UNAVAILABLE');
      expect((error as Error).message).toContain('no_such_table');
      expect(await appliedVersions(pglite(), schema)).toEqual([1, 2, 3]);
      const [table] = await pglite().query<{ name: string | null }>('select to_regclass($1)::text as name', [
        `"${schema}".half_done`,
      ]);
      expect(table?.name).toBeNull();
    }),
  );

  it(
    'refuses a schema migrated by a newer version of the package',
    withSchema(pglite, async (schema) => {
      const newer: Migration[] = [
        ...storeMigrations,
        { version: 4, name: 'from the future', statements: () => [] },
      ];
      await runMigrations(pglite(), { schema }, newer);
      const error = await runMigrations(pglite(), { schema }).catch((caught: unknown) => caught);
      expect(KizunaError.isInstance(error) && error.code).toBe('STORE_UNAVAILABLE');
      expect((error as Error).message).toMatch(/version 4, newer than this package knows \(3\)/);
    }),
  );

  it('rejects a schema name that would need quoting', async () => {
    const error = await runMigrations(pglite(), { schema: 'Robert"; drop table x' }).catch(
      (caught: unknown) => caught,
    );
    expect(KizunaError.isInstance(error) && error.code).toBe('VALIDATION_FAILED');
  });
});

describe.skipIf(!server.reachable)('runMigrations on PostgreSQL', () => {
  it(
    'applies each migration once when five processes start at once (advisory lock)',
    withSchema(server.client, async (schema) => {
      // Separate pools: separate server sessions, exactly as separate processes would be.
      const clients = [1, 2, 3, 4, 5].map(() =>
        createPgClient({ connectionString: testDatabaseUrl, maxConnections: 1 }),
      );
      try {
        const reports = await Promise.all(clients.map((client) => runMigrations(client, { schema })));
        // Each migration is its own locked transaction, so different processes may apply different
        // ones; what matters is that each was applied by exactly one of them.
        const applied = reports.flatMap((report) => report.applied);
        expect(applied.sort((left, right) => left - right)).toEqual([1, 2, 3]);
        expect(reports.every((report) => report.version === 3)).toBe(true);
        expect(await appliedVersions(server.client(), schema)).toEqual([1, 2, 3]);
      } finally {
        await Promise.all(clients.map((client) => client.close()));
      }
    }),
  );

  it(
    'keeps nothing of a failing migration',
    withSchema(server.client, async (schema) => {
      await expect(runMigrations(server.client(), { schema }, failingNext)).rejects.toMatchObject({
        code: 'STORE_UNAVAILABLE',
      });
      expect(await appliedVersions(server.client(), schema)).toEqual([1, 2, 3]);
    }),
  );
});
