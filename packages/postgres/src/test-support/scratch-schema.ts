import { randomBytes } from 'node:crypto';
import type { Store } from '@kizuna/core';
import type { SqlClient } from '../client/sql-client';
import { createPostgresStore } from '../store/create-postgres-store';

/** A schema name no other test (or parallel run) uses. */
export function scratchSchemaName(): string {
  return `kizuna_test_${randomBytes(6).toString('hex')}`;
}

/** Drops a scratch schema and everything in it. */
export async function dropSchema(client: SqlClient, schema: string): Promise<void> {
  await client.query(`drop schema if exists "${schema}" cascade`);
}

/**
 * A store in a new scratch schema of a shared client; closing it drops the schema and leaves the
 * client open for the next test.
 */
export async function createScratchStore(
  client: SqlClient,
  options: { readonly batchSize?: number } = {},
): Promise<Store & { readonly schema: string }> {
  const schema = scratchSchemaName();
  const store = await createPostgresStore({ client, schema, closeClient: false, ...options });
  return {
    ...store,
    schema,
    async close() {
      await store.close();
      await dropSchema(client, schema);
    },
  };
}
