import { parseInput, type Store } from '@kizuna/core';
import * as z from 'zod';
import { createPgClient } from '../client/pg-client';
import { schemaNameSchema } from '../migrations/schema-name';
import { createPostgresStore } from './create-postgres-store';

/** Options of {@link createServerStore}. */
export const serverStoreOptionsSchema = z.object({
  /** A PostgreSQL URL, e.g. `postgres://user:password@host:5432/database` (often `DATABASE_URL`). */
  connectionString: z.string().min(1, { error: 'expected a postgres:// URL' }),
  /** The PostgreSQL schema of the store's tables. @defaultValue 'kizuna' */
  schema: schemaNameSchema.default('kizuna'),
  /** Most connections the pool opens. @defaultValue 10 */
  maxConnections: z.number().int().positive().default(10),
});

/** Options of {@link createServerStore}. */
export type ServerStoreOptions = z.input<typeof serverStoreOptionsSchema>;

/**
 * The production store: PostgreSQL through a `pg` pool, migrated on start (safe when several
 * processes start at once). `store.close()` ends the pool. A lost connection makes the operation fail
 * with a retryable `STORE_UNAVAILABLE` error; the next operation reconnects.
 *
 * @throws KizunaValidationError when the options are invalid
 * @throws KizunaError with code `STORE_UNAVAILABLE` (`isRetryable` when the server is unreachable)
 *   when the server cannot be reached or migrated
 * @example
 * ```ts fragment
 * // Needs a PostgreSQL server: DATABASE_URL=postgres://user:password@localhost:5432/kizuna
 * const store = await createServerStore({ connectionString: process.env.DATABASE_URL! });
 * const ids = await store.listCustomerIds({ limit: 500 });
 * await store.close();
 * ```
 */
export async function createServerStore(options: ServerStoreOptions): Promise<Store> {
  const { connectionString, schema, maxConnections } = parseInput(
    serverStoreOptionsSchema,
    options,
    'server store options',
  );
  const client = createPgClient({ connectionString, maxConnections });
  try {
    return await createPostgresStore({ client, schema });
  } catch (error) {
    await client.close().catch(() => {});
    throw error;
  }
}
