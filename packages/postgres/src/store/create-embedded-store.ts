import type { Store } from '@kizuna/core';
import { parseInput } from '@kizuna/core';
import * as z from 'zod';
import { createPgliteClient } from '../client/pglite-client';
import { schemaNameSchema } from '../migrations/schema-name';
import { createPostgresStore } from './create-postgres-store';

/** Options of {@link createEmbeddedStore}. */
export const embeddedStoreOptionsSchema = z.object({
  /**
   * The folder to keep the database in, created when missing. Leave it out for a store in memory.
   * @defaultValue undefined (in memory)
   */
  dataDir: z.string().min(1, { error: 'expected a folder path' }).optional(),
  /** The PostgreSQL schema of the store's tables. @defaultValue 'kizuna' */
  schema: schemaNameSchema.default('kizuna'),
});

/** Options of {@link createEmbeddedStore}. */
export type EmbeddedStoreOptions = z.input<typeof embeddedStoreOptionsSchema>;

/**
 * The embedded default: a store on PGlite inside this process, kept in `dataDir` (or in memory),
 * migrated on start. Nothing to install or run. `store.close()` shuts PGlite down; one folder must
 * be open in one process at a time.
 *
 * @throws KizunaValidationError when the options are invalid
 * @throws KizunaError with code `STORE_UNAVAILABLE` when PGlite cannot start or migrate
 * @example
 * ```ts
 * const store = await createEmbeddedStore({ dataDir: './.kizuna/data' });
 * await store.putRecords('customer', customers);
 * await store.close();
 * ```
 */
export async function createEmbeddedStore(options: EmbeddedStoreOptions = {}): Promise<Store> {
  const { dataDir, schema } = parseInput(embeddedStoreOptionsSchema, options, 'embedded store options');
  const client = await createPgliteClient(dataDir === undefined ? {} : { dataDir });
  try {
    return await createPostgresStore({ client, schema });
  } catch (error) {
    await client.close().catch(() => {});
    throw error;
  }
}
