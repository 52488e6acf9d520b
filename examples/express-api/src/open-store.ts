import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Store } from '@kizuna/core';
import { createPgClient, createPgliteClient, createPostgresStore, type SqlClient } from '@kizuna/postgres';
import type { ApiConfig } from './config';

/** The store the configuration asks for, and a sentence saying where its data lives. */
export interface OpenedStore {
  readonly store: Store;
  readonly location: string;
  readonly embedded: boolean;
}

async function storeOn(client: SqlClient, schema: string): Promise<Store> {
  try {
    return await createPostgresStore({ client, schema });
  } catch (error) {
    await client.close().catch(() => {});
    throw error;
  }
}

/**
 * Opens PostgreSQL at `DATABASE_URL` when set, else embedded PGlite in `KIZUNA_DATA_DIR` (created on
 * first start). Migrations run on open.
 */
export async function openStore(config: ApiConfig): Promise<OpenedStore> {
  if (config.DATABASE_URL !== undefined) {
    const client = createPgClient({
      connectionString: config.DATABASE_URL,
      maxConnections: config.DATABASE_MAX_CONNECTIONS,
    });
    const store = await storeOn(client, config.KIZUNA_SCHEMA);
    const where = config.DATABASE_URL.replace(/\/\/[^@/]*@/, '//');
    return { store, embedded: false, location: `PostgreSQL at ${where}, schema "${config.KIZUNA_SCHEMA}"` };
  }
  const dataDir = resolve(config.KIZUNA_DATA_DIR);
  // PGlite creates the last folder only, not its parents (.kizuna/ on a fresh checkout).
  await mkdir(dataDir, { recursive: true });
  const store = await storeOn(await createPgliteClient({ dataDir }), config.KIZUNA_SCHEMA);
  return { store, embedded: true, location: `embedded PGlite in ${dataDir}` };
}
