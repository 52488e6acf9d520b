import { type ActionInput, createManualClock } from '@kizuna/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  postgresReachable,
  type RunningApi,
  readJson,
  type ScratchStore,
  startApi,
  useBackends,
} from '../test-support/api-harness';

const backends = useBackends(await postgresReachable());

const action = (key: string, customerId?: string): ActionInput => ({
  idempotencyKey: key,
  type: 'csm_intervention',
  ...(customerId === undefined ? {} : { customerId }),
  channel: 'task',
  owner: 'csm',
  priority: 'critical',
  automated: false,
  dueAt: '2026-04-01T00:00:00Z',
  title: 'Call the customer',
  source: { engine: 'health', ruleId: 'alert/late-payment' },
});

describe.each(backends)('alert routes on $name', (backend) => {
  let store: ScratchStore;
  let run: RunningApi;
  beforeAll(async () => {
    store = await backend.newStore();
    run = await startApi({ store, clock: createManualClock('2026-04-02T00:00:00Z') });
    await store.enqueueActions(
      [
        action('health-alert:late-payment:acme:inv-1:day-21', 'acme'),
        action('weekly:review'),
        action('race', 'globex'),
      ],
      {
        now: '2026-04-01T00:00:00.000Z',
      },
    );
  });
  afterAll(async () => {
    await run.close();
    await store.close();
  });

  it('GET /v1/alerts lists the outbox without claim tokens, filtered by customer', async () => {
    const all = await readJson(await run.call('/v1/alerts'));
    expect(all.status).toBe(200);
    expect(all.body.alerts).toHaveLength(3);
    expect(all.body.alerts[0]).toMatchObject({ status: 'pending', attempts: 0, done: null });
    expect(all.body.alerts[0]).not.toHaveProperty('claimToken');
    const mine = await readJson(await run.call('/v1/alerts?customerId=acme&status=pending'));
    expect(
      mine.body.alerts.map((alert: { action: { idempotencyKey: string } }) => alert.action.idempotencyKey),
    ).toEqual(['health-alert:late-payment:acme:inv-1:day-21']);
    expect((await run.call('/v1/alerts?status=lost')).status).toBe(400);
  });

  it('POST /v1/alerts/{key}/done marks an action done once (201, then 200 unchanged)', async () => {
    const path = `/v1/alerts/${encodeURIComponent('health-alert:late-payment:acme:inv-1:day-21')}/done`;
    const first = await readJson(
      await run.call(path, { key: 'write', json: { note: 'called, instalments agreed' } }),
    );
    expect(first.status).toBe(201);
    expect(first.body.done).toEqual({
      doneAt: '2026-04-02T00:00:00.000Z',
      doneBy: 'writer',
      note: 'called, instalments agreed',
    });
    const second = await readJson(await run.call(path, { key: 'write', json: {} }));
    expect(second.status).toBe(200);
    expect(second.body.done).toEqual(first.body.done);
    const workspace = await readJson(
      await run.call('/v1/alerts/weekly%3Areview/done', { key: 'write', json: {} }),
    );
    expect(workspace.status).toBe(201);
    const listed = await readJson(await run.call('/v1/alerts'));
    expect(listed.body.alerts.filter((alert: { done: unknown }) => alert.done !== null)).toHaveLength(2);
  });

  it('POST /v1/alerts/{key}/done sent many times at once answers 201 exactly once', async () => {
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        run.call('/v1/alerts/race/done', { key: 'write', json: { note: `attempt ${index}` } }).then(readJson),
      ),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 201]);
    const winner = responses.find((response) => response.status === 201)!;
    expect(responses.every((response) => response.body.done.note === winner.body.done.note)).toBe(true);
    expect((await store.getAction('race'))?.acknowledgement?.note).toBe(winner.body.done.note);
  });

  it('answers 404 for an unknown key and 403 for a read-only key', async () => {
    expect((await run.call('/v1/alerts/nope/done', { key: 'write', json: {} })).status).toBe(404);
    const forbidden = await readJson(
      await run.call('/v1/alerts/weekly%3Areview/done', { key: 'read', json: {} }),
    );
    expect(forbidden).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
  });
});
