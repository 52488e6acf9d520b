import { KizunaError } from '@kizuna/core';
import { runStoreConformance } from '@kizuna/core/testing';
import { describe, expect, it } from 'vitest';
import { createRecordingClient } from '../test-support/recording-client';
import { createScratchStore, dropSchema, scratchSchemaName } from '../test-support/scratch-schema';
import { usePgliteClient, useServerClient } from '../test-support/test-databases';
import { createPostgresStore } from './create-postgres-store';

const pglite = usePgliteClient();
const server = await useServerClient();

runStoreConformance(async () => createScratchStore(pglite()), { name: 'createPostgresStore on PGlite' });
runStoreConformance(async () => createScratchStore(server.client()), {
  name: 'createPostgresStore on PostgreSQL',
  skip: !server.reachable,
});

describe('createPostgresStore', () => {
  it('answers many getRecord calls made at once with one query, each caller with its own copy', async () => {
    const schema = scratchSchemaName();
    const recording = createRecordingClient(pglite());
    const store = await createPostgresStore({ client: recording, schema });
    try {
      const customers = ['c1', 'c2', 'c3'].map((id) => ({
        id,
        name: `Customer ${id}`,
        segment: 'b2c',
        plan: 'standard',
        createdAt: '2026-01-01T00:00:00Z',
      }));
      await store.putRecords('customer', customers);
      recording.statements.length = 0;
      const found = await Promise.all(
        ['c1', 'c2', 'missing', 'c1', 'c3'].map((id) => store.getRecord('customer', id)),
      );
      expect(found.map((customer) => customer?.id)).toEqual(['c1', 'c2', undefined, 'c1', 'c3']);
      expect(found[0]).not.toBe(found[3]);
      expect(recording.statements).toHaveLength(1);
    } finally {
      await store.close();
      await dropSchema(pglite(), schema);
    }
  });

  it('refuses every operation once closed with STORE_UNAVAILABLE, not retryable, and closes twice quietly', async () => {
    const store = await createScratchStore(pglite());
    await store.close();
    const error = await store.getRecord('customer', 'c1').catch((caught: unknown) => caught);
    expect(KizunaError.isInstance(error) && [error.code, error.isRetryable]).toEqual([
      'STORE_UNAVAILABLE',
      false,
    ]);
    await expect(store.close()).resolves.toBeUndefined();
  });

  it('rejects invalid options and queries with VALIDATION_FAILED naming the field', async () => {
    await expect(createPostgresStore({ client: pglite(), schema: 'no spaces' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(createPostgresStore({ client: {} as never })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const store = await createScratchStore(pglite());
    try {
      const error = await store.listRecords('usageEvent', { limit: -1 }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect((error as Error).message).toContain('limit');
      await expect(store.listRecords('usageEvent', { from: 'yesterday' })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
    } finally {
      await store.close();
    }
  });
});
