import { KizunaError, parseInput } from '@kizuna/core';
import * as z from 'zod';
import { toDatabaseError } from '../client/database-error';
import type { SqlClient, SqlExecutor } from '../client/sql-client';
import type { Migration } from './migration';
import { quoteSchemaName, schemaNameSchema } from './schema-name';
import { storeMigrations } from './store-migrations';

/** Options of {@link runMigrations}. */
export const runMigrationsOptionsSchema = z.object({
  /** The schema to migrate; created when missing. @defaultValue 'kizuna' */
  schema: schemaNameSchema.default('kizuna'),
});

/** Options of {@link runMigrations}. */
export type RunMigrationsOptions = z.input<typeof runMigrationsOptionsSchema>;

/** What {@link runMigrations} did. */
export interface MigrationReport {
  /** Versions applied by this call, ascending (empty when the schema was up to date). */
  readonly applied: readonly number[];
  /** The schema's version afterwards. */
  readonly version: number;
}

/** First key of the advisory lock: constant for Kizuna migrations; the second is the schema's hash. */
const lockNamespace = 'kizuna.migrations';

async function lockMigrations(transaction: SqlExecutor, schema: string): Promise<void> {
  // Transaction-scoped: released by commit or rollback, even when the process dies mid-way.
  await transaction.query('select pg_advisory_xact_lock(hashtext($1), hashtext($2))', [
    lockNamespace,
    schema,
  ]);
}

function checkMigrations(migrations: readonly Migration[]): Migration[] {
  const sorted = [...migrations].sort((left, right) => left.version - right.version);
  sorted.forEach((migration, index) => {
    if (!Number.isInteger(migration.version) || migration.version < 1)
      throw new KizunaError(`Migration version ${migration.version} is not a positive integer.`, {
        code: 'INTERNAL',
      });
    if (index > 0 && sorted[index - 1]!.version === migration.version)
      throw new KizunaError(`Migration version ${migration.version} appears twice.`, { code: 'INTERNAL' });
  });
  return sorted;
}

/**
 * Brings the store's tables in `schema` up to date: creates the schema and the `kizuna_migrations`
 * table when missing, then applies each migration not applied yet, in version order, each once, each
 * in its own transaction together with its row in `kizuna_migrations`.
 *
 * Safe to call on every start and from several processes at once: every step holds a transaction-
 * scoped advisory lock (`pg_advisory_xact_lock`) on the schema, so one process applies a migration
 * and the others wait, then see it applied and skip it. `createPostgresStore` calls it for you.
 *
 * @param client - where to run
 * @param options - the schema
 * @param migrations - the migrations to apply; the store's own by default (tests pass others)
 * @throws KizunaValidationError when the schema name is invalid
 * @throws KizunaError with code `STORE_UNAVAILABLE` when a migration fails (nothing of it is kept)
 *   or when the database was migrated by a newer version of this package
 * @example
 * ```ts
 * const client = await createPgliteClient();
 * console.log(await runMigrations(client, { schema: 'kizuna' })); // { applied: [1, 2], version: 2 } on the first start
 * console.log((await runMigrations(client, { schema: 'kizuna' })).applied); // [] afterwards
 * await client.close();
 * ```
 */
export async function runMigrations(
  client: SqlClient,
  options: RunMigrationsOptions = {},
  migrations: readonly Migration[] = storeMigrations,
): Promise<MigrationReport> {
  const { schema } = parseInput(runMigrationsOptionsSchema, options, 'migration options');
  const quoted = quoteSchemaName(schema);
  const sorted = checkMigrations(migrations);
  const latestKnown = sorted.at(-1)?.version ?? 0;
  try {
    const appliedBefore = await client.transaction(async (transaction) => {
      await lockMigrations(transaction, schema);
      await transaction.query(`create schema if not exists ${quoted}`);
      await transaction.query(
        `create table if not exists ${quoted}.kizuna_migrations (
          version integer primary key,
          name text not null,
          applied_at timestamptz not null default now()
        )`,
      );
      const rows = await transaction.query<{ version: number }>(
        `select version from ${quoted}.kizuna_migrations order by version`,
      );
      return new Set(rows.map((row) => row.version));
    });
    const newest = Math.max(0, ...appliedBefore);
    if (newest > latestKnown)
      throw new KizunaError(
        `The schema "${schema}" is at version ${newest}, newer than this package knows (${latestKnown}): upgrade @kizuna/postgres.`,
        { code: 'STORE_UNAVAILABLE' },
      );
    const applied: number[] = [];
    for (const migration of sorted) {
      if (appliedBefore.has(migration.version)) continue;
      const ranNow = await client.transaction(async (transaction) => {
        await lockMigrations(transaction, schema);
        // Another process may have applied it while this one waited for the lock.
        const done = await transaction.query(`select 1 from ${quoted}.kizuna_migrations where version = $1`, [
          migration.version,
        ]);
        if (done.length > 0) return false;
        for (const statement of migration.statements(quoted)) await transaction.query(statement);
        await transaction.query(`insert into ${quoted}.kizuna_migrations (version, name) values ($1, $2)`, [
          migration.version,
          migration.name,
        ]);
        return true;
      });
      if (ranNow) applied.push(migration.version);
    }
    return { applied, version: Math.max(newest, latestKnown) };
  } catch (error) {
    throw toDatabaseError(error, `migration of schema "${schema}"`);
  }
}
