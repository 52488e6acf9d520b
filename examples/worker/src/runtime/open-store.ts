import { mkdirSync } from 'node:fs';
import type { Store } from '@kizuna/core';
import { createPgClient, createPgliteClient, createPostgresStore } from '@kizuna/postgres';
import type { StoreLocation } from '../config/worker-config';

/**
 * Opens the store the configuration names: PostgreSQL through a `pg` pool, or embedded PGlite in a
 * folder (created when missing). Migrations run on open (safe when several processes start at once).
 */
export async function openStore(
  location: StoreLocation,
  options: { readonly maxConnections?: number } = {},
): Promise<Store> {
  if (location.kind === 'server') {
    const client = createPgClient({
      connectionString: location.connectionString,
      maxConnections: options.maxConnections ?? 10,
      applicationName: 'kizuna-worker',
    });
    return createPostgresStore({ client, schema: location.schema });
  }
  mkdirSync(location.dataDir, { recursive: true });
  const client = await createPgliteClient({ dataDir: location.dataDir });
  return createPostgresStore({ client, schema: location.schema });
}
