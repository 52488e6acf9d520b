import { createMemoryStore, KizunaError, KizunaValidationError, type Store } from '@kizuna/core';
import { describe, expect, it } from 'vitest';
import type { SqlClient } from '../client/sql-client';
import { createRecordingClient } from '../test-support/recording-client';
import { dropSchema, scratchSchemaName } from '../test-support/scratch-schema';
import { usePgliteClient, useServerClient } from '../test-support/test-databases';
import { createPostgresStore } from './create-postgres-store';

const pglite = usePgliteClient();
const server = await useServerClient();

const usageEvents = (count: number, variant: 'login' | 'measurement' = 'login') =>
  Array.from({ length: count }, (_, index) => ({
    id: `e${String(index).padStart(6, '0')}`,
    customerId: `c${index % 500}`,
    occurredAt: new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString(),
    ...(variant === 'login' ? { kind: 'login' as const } : { kind: 'measurement' as const, hours: 1 }),
  }));
const featureUse = (id: string, feature: string) => ({
  id,
  customerId: 'c1',
  occurredAt: '2026-03-01T00:00:00Z',
  kind: 'feature_use' as const,
  feature,
});

/** Runs `test` on a store in a scratch schema over a recording wrapper of `client`. */
const withRecordingStore =
  (
    client: () => SqlClient,
    test: (
      store: Store,
      recording: ReturnType<typeof createRecordingClient>,
      schema: () => string,
    ) => Promise<void>,
  ) =>
  async () => {
    const schema = scratchSchemaName();
    const recording = createRecordingClient(client());
    const store = await createPostgresStore({ client: recording, schema, batchSize: 2_000 });
    try {
      await test(store, recording, () => schema);
    } finally {
      await store.close();
      await dropSchema(client(), schema);
    }
  };

function bulkSuite(name: string, client: () => SqlClient, skip = false) {
  describe.skipIf(skip)(`putRecords bulk path on ${name}`, () => {
    it(
      'loads 20,000 records in chunks of multi-row inserts, then counts them unchanged on a re-import',
      withRecordingStore(client, async (store, recording, schema) => {
        const records = usageEvents(20_000);
        recording.statements.length = 0;
        expect(await store.putRecords('usageEvent', records)).toEqual({
          inserted: 20_000,
          updated: 0,
          unchanged: 0,
        });
        const inserts = recording.statements.filter((text) => text.includes('jsonb_to_recordset'));
        expect(inserts).toHaveLength(10);
        const [{ stored } = { stored: 0 }] = await client().query<{ stored: number }>(
          `select count(*)::int as stored from "${schema()}".records where kind = 'usageEvent'`,
        );
        expect(stored).toBe(20_000);
        // A re-import over several chunks: identical records are unchanged, changed ones updated.
        const again = await store.putRecords('usageEvent', [
          ...records.slice(0, 4_990),
          ...usageEvents(5_000, 'measurement').slice(4_990),
        ]);
        expect(again).toEqual({ inserted: 0, updated: 10, unchanged: 4_990 });
        const customer7 = await store.listRecords('usageEvent', {
          customerId: 'c7',
          to: '2026-01-04T11:20:00.000Z',
        });
        expect(customer7.map((event) => event.id)).toEqual([
          'e000007',
          'e000507',
          'e001007',
          'e001507',
          'e002007',
          'e002507',
          'e003007',
          'e003507',
          'e004007',
          'e004507',
        ]);
        expect(customer7.at(-1)?.kind).toBe('login');
      }),
      120_000,
    );

    it(
      'stores nothing of a large batch when a later chunk fails (one transaction)',
      withRecordingStore(client, async (store, recording) => {
        recording.failOn(/jsonb_to_recordset/, 3);
        const error = await store
          .putRecords('usageEvent', usageEvents(9_000))
          .catch((caught: unknown) => caught);
        expect(KizunaError.isInstance(error) && error.code).toBe('STORE_UNAVAILABLE');
        expect((error as Error).cause).toBeInstanceOf(Error);
        expect(await store.listRecords('usageEvent')).toEqual([]);
      }),
      60_000,
    );

    it(
      'counts an id repeated in one batch as the memory store does',
      withRecordingStore(client, async (store) => {
        const memory = createMemoryStore();
        const [first, second] = usageEvents(2);
        const batches = [
          [
            first,
            { ...first!, kind: 'measurement', hours: 1 },
            { ...first!, kind: 'measurement', hours: 1 },
            second,
          ],
          [first, second, { ...second!, customerId: 'c9' }, first],
        ];
        for (const batch of batches)
          expect(await store.putRecords('usageEvent', batch)).toEqual(
            await memory.putRecords('usageEvent', batch),
          );
        expect(await store.listRecords('usageEvent')).toEqual(await memory.listRecords('usageEvent'));
      }),
    );

    it(
      'rejects text PostgreSQL cannot store as a validation error naming the field',
      withRecordingStore(client, async (store) => {
        const error = await store
          .putRecords('usageEvent', [featureUse('f1', 'export'), featureUse('f2', 'ex\u0000port')])
          .catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(KizunaValidationError);
        expect((error as KizunaValidationError).issues[0]?.path).toBe('[1].feature');
        const lone = await store
          .putResult({
            kind: 'health',
            customerId: 'c1',
            asOf: '2026-03-01T00:00:00Z',
            value: { note: '\ud800' },
          })
          .catch((caught: unknown) => caught);
        expect(lone).toBeInstanceOf(KizunaValidationError);
        // A backslash followed by "u0000" is ordinary text, stored as is.
        await store.putRecords('usageEvent', [featureUse('f3', 'literal \\u0000')]);
        const stored = await store.getRecord('usageEvent', 'f3');
        expect(stored?.kind === 'feature_use' && stored.feature).toBe('literal \\u0000');
        expect(await store.listRecords('usageEvent')).toHaveLength(1);
      }),
    );
  });
}

bulkSuite('PGlite', pglite);
bulkSuite('PostgreSQL', server.client, !server.reachable);
