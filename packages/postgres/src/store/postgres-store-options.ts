import * as z from 'zod';
import type { SqlClient } from '../client/sql-client';
import { schemaNameSchema } from '../migrations/schema-name';

/** Options of {@link createPostgresStore}. */
export const postgresStoreOptionsSchema = z.object({
  /** Where the store runs: `createPgliteClient()`, `createPgClient(...)` or your own {@link SqlClient}. */
  client: z.custom<SqlClient>(
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      typeof (value as SqlClient).query === 'function' &&
      typeof (value as SqlClient).transaction === 'function' &&
      typeof (value as SqlClient).close === 'function',
    { error: 'expected a SqlClient (query, transaction, close)' },
  ),
  /** The PostgreSQL schema holding the store's tables; created when missing. @defaultValue 'kizuna' */
  schema: schemaNameSchema.default('kizuna'),
  /**
   * Apply pending migrations when the store is created. Turn it off when migrations run in a
   * deployment step (`runMigrations`) and the application's database user may not change tables.
   * @defaultValue true
   */
  migrate: z.boolean().default(true),
  /** Whether `store.close()` also closes the client. Turn it off when the client is shared. @defaultValue true */
  closeClient: z.boolean().default(true),
  /**
   * Records (or actions) per multi-row insert statement when writing a large batch. The batch stays
   * one transaction whatever its size. @defaultValue 2000
   */
  batchSize: z.number().int().min(1).max(50_000).default(2_000),
});

/** Options of {@link createPostgresStore}. */
export type PostgresStoreOptions = z.input<typeof postgresStoreOptionsSchema>;
