import { KizunaError } from '@kizuna/core';
import { runStoreConformance } from '@kizuna/core/testing';
import { describe, expect, it } from 'vitest';
import { createScratchStore } from '../test-support/scratch-schema';
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
