import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  postgresReachable,
  type RunningApi,
  readJson,
  type ScratchStore,
  startApi,
  useBackends,
} from '../test-support/api-harness';
import { sampleCustomer, sampleUsageEvents } from '../test-support/sample-records';

const backends = useBackends(await postgresReachable());

describe.each(backends)('POST /v1/records/<kind> on $name', (backend) => {
  // One store and app per backend: each test writes its own ids, so they do not interfere.
  let store: ScratchStore;
  let run: RunningApi;
  beforeAll(async () => {
    store = await backend.newStore();
    run = await startApi({ store, maxBatchRecords: 10 });
  });
  afterAll(async () => {
    await run.close();
    await store.close();
  });

  it('stores a batch and reports inserted, then unchanged when the same batch is sent again', async () => {
    {
      const first = await readJson(
        await run.call('/v1/records/usage-event', { key: 'write', json: { records: sampleUsageEvents } }),
      );
      expect(first).toMatchObject({
        status: 200,
        body: { kind: 'usageEvent', inserted: 6, updated: 0, unchanged: 0 },
      });
      const again = await readJson(
        await run.call('/v1/records/usage-event', { key: 'write', json: { records: sampleUsageEvents } }),
      );
      expect(again.body).toEqual({ kind: 'usageEvent', inserted: 0, updated: 0, unchanged: 6 });
      const changed = sampleUsageEvents.map((event) =>
        event.id === 'u1' ? { ...event, occurredAt: '2026-03-20T02:00:00Z' } : event,
      );
      const third = await readJson(
        await run.call('/v1/records/usage-event', { key: 'write', json: { records: changed } }),
      );
      expect(third.body).toEqual({ kind: 'usageEvent', inserted: 0, updated: 1, unchanged: 5 });
      const stored = await store.listRecords('usageEvent', { customerId: 'acme' });
      expect(stored).toHaveLength(4);
      expect(stored.find((event) => event.id === 'u1')?.occurredAt).toBe('2026-03-20T02:00:00.000Z');
    }
  });

  it('stores a duplicated id inside one batch once', async () => {
    {
      const response = await readJson(
        await run.call('/v1/records/customer', {
          key: 'write',
          json: { records: [sampleCustomer, sampleCustomer] },
        }),
      );
      expect(response.body).toEqual({ kind: 'customer', inserted: 1, updated: 0, unchanged: 1 });
      expect(await store.listCustomerIds()).toEqual(['acme']);
    }
  });

  it('rejects an invalid batch with 400, naming each bad field, and stores none of it', async () => {
    {
      const response = await readJson(
        await run.call('/v1/records/customer', {
          key: 'write',
          json: {
            records: [
              sampleCustomer,
              { ...sampleCustomer, id: 'b', contract: { ...sampleCustomer.contract, mrr: { amount: 1.5 } } },
            ],
          },
        }),
      );
      expect(response.status).toBe(400);
      expect(response.type).toContain('application/problem+json');
      expect(response.body).toMatchObject({
        type: 'urn:kizuna:problem:validation-failed',
        status: 400,
        code: 'VALIDATION_FAILED',
        instance: '/v1/records/customer',
      });
      expect(response.body.errors).toContainEqual({
        path: 'body.records[1].contract.mrr.amount',
        message: 'expected an integer amount in minor units',
      });
      expect(await store.getRecord('customer', 'b')).toBeUndefined();
      expect((await store.getRecord('customer', 'acme'))?.contract?.mrr.amount).toBe(80_000);
    }
  });

  it('rejects an empty batch and a batch over the limit', async () => {
    {
      expect((await run.call('/v1/records/lead', { key: 'write', json: { records: [] } })).status).toBe(400);
      const tooMany = await readJson(
        await run.call('/v1/records/usage-event', {
          key: 'write',
          json: {
            records: Array.from({ length: 11 }, (_, index) => ({
              ...sampleUsageEvents[0],
              id: `over-${index}`,
            })),
          },
        }),
      );
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.errors[0].path).toBe('body.records');
    }
  });
});
