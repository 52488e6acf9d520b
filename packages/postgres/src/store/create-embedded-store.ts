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
 * const customers = [
 *   { id: 'c1', name: 'Sakura Homes', segment: 'b2c', plan: 'standard', createdAt: '2026-03-01T00:00:00Z' },
 *   { id: 'c2', name: 'Tanaka Taro', segment: 'b2c', plan: 'light', createdAt: '2026-03-05T00:00:00Z' },
 * ];
 * const store = await createEmbeddedStore({ dataDir: './.kizuna/data' });
 * console.log(await store.putRecords('customer', customers)); // { inserted: 2, updated: 0, unchanged: 0 }
 * await store.close();
 * // Opened again, the folder still holds them.
 * const reopened = await createEmbeddedStore({ dataDir: './.kizuna/data' });
 * console.log(await reopened.listCustomerIds()); // [ 'c1', 'c2' ]
 * await reopened.close();
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
