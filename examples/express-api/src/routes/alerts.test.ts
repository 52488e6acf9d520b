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

describe.each(backends)('GET /v1/alerts filters and pages on $name', (backend) => {
  let store: ScratchStore;
  let run: RunningApi;
  const customer = (id: string, csmId: string) => ({
    id,
    name: `Customer ${id}`,
    segment: 'b2c' as const,
    plan: 'standard',
    createdAt: '2026-01-01T00:00:00Z',
    csmId,
  });
  const keysOf = (body: { alerts: { action: { idempotencyKey: string } }[] }) =>
    body.alerts.map((alert) => alert.action.idempotencyKey);

  beforeAll(async () => {
    store = await backend.newStore();
    run = await startApi({ store, clock: createManualClock('2026-04-02T00:00:00Z') });
    await store.putRecords('customer', [customer('acme', 'sato'), customer('globex', 'tanaka')]);
    const at = (minute: number) => `2026-04-01T00:${String(minute).padStart(2, '0')}:00.000Z`;
    await store.enqueueActions([{ ...action('a1', 'acme'), priority: 'critical' }], { now: at(1) });
    await store.enqueueActions(
      [
        { ...action('b2', 'globex'), priority: 'high' },
        { ...action('a2', 'acme'), priority: 'low' },
      ],
      { now: at(2) },
    );
    await store.enqueueActions([{ ...action('a3', 'acme'), priority: 'high' }], { now: at(3) });
    await store.enqueueActions([{ ...action('w1'), priority: 'critical' }], { now: at(4) });
    await store.enqueueActions([{ ...action('a4', 'acme'), priority: 'critical' }], { now: at(5) });
    await store.acknowledgeAction('a1', { now: at(6), by: 'sato' });
  });
  afterAll(async () => {
    await run.close();
    await store.close();
  });

  it('filters by done, a list of priorities and the CSM of the account, in the store', async () => {
    const open = await readJson(await run.call('/v1/alerts?done=false&priority=critical,high&csm=sato'));
    expect(open.status).toBe(200);
    expect(keysOf(open.body)).toEqual(['a3', 'a4']);
    expect(open.body.nextCursor).toBeNull();
    const done = await readJson(await run.call('/v1/alerts?done=true'));
    expect(keysOf(done.body)).toEqual(['a1']);
    expect(done.body.alerts[0].done).toMatchObject({ doneBy: 'sato' });
    // The page is cut after filtering: two critical ones, the first page holds one, then the next.
    const first = await readJson(await run.call('/v1/alerts?priority=critical&done=false&limit=1'));
    expect(keysOf(first.body)).toEqual(['w1']);
    const second = await readJson(
      await run.call(`/v1/alerts?priority=critical&done=false&limit=1&cursor=${first.body.nextCursor}`),
    );
    expect(keysOf(second.body)).toEqual(['a4']);
    expect(second.body.nextCursor).toBeNull();
  });

  it('pages in (enqueuedAt, key) order without losing or repeating entries added between pages', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let added = 0;
    do {
      const page = await readJson(
        await run.call(`/v1/alerts?limit=2${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`),
      );
      expect(page.status).toBe(200);
      expect(page.body.alerts.length).toBeLessThanOrEqual(2);
      seen.push(...keysOf(page.body));
      cursor = page.body.nextCursor;
      // The pipeline keeps enqueueing while somebody pages: later entries, with keys before and after.
      if (added < 3) {
        added += 1;
        await store.enqueueActions([action(`0-new-${added}`, 'acme'), action(`z-new-${added}`, 'globex')], {
          now: `2026-04-01T01:0${added}:00.000Z`,
        });
      }
    } while (cursor !== null);
    const everything = keysOf({ alerts: await store.listActions() });
    expect(everything).toHaveLength(12);
    expect(seen).toEqual(everything);
    expect(seen.slice(0, 6)).toEqual(['a1', 'a2', 'b2', 'a3', 'w1', 'a4']);
  });

  it('answers 400 for a cursor it did not issue and for an unknown priority', async () => {
    for (const [path, field] of [
      ['/v1/alerts?cursor=not-a-cursor', 'query.cursor'],
      [`/v1/alerts?cursor=${Buffer.from('["x","y"]').toString('base64url')}`, 'query.cursor'],
      [
        `/v1/alerts?cursor=${Buffer.from('["2026-04-01T00:00:00Z","a\\u0000"]').toString('base64url')}`,
        'query.cursor',
      ],
      ['/v1/alerts?priority=urgent', 'query.priority[0]'],
      ['/v1/alerts?priority=high,', 'query.priority[1]'],
      ['/v1/alerts?done=maybe', 'query.done'],
    ] as const) {
      const response = await readJson(await run.call(path));
      expect(response.status, path).toBe(400);
      expect(response.body.errors[0].path, path).toBe(field);
    }
  });
});

describe.each(backends)('GET /v1/alerts?rule= on $name', (backend) => {
  let store: ScratchStore;
  let run: RunningApi;
  const keysOf = (body: { alerts: { action: { idempotencyKey: string } }[] }) =>
    body.alerts.map((alert) => alert.action.idempotencyKey);

  beforeAll(async () => {
    store = await backend.newStore();
    run = await startApi({ store, clock: createManualClock('2026-04-02T00:00:00Z') });
    const from = (key: string, ruleId: string, priority: ActionInput['priority'] = 'medium') => ({
      ...action(key, 'acme'),
      priority,
      source: { engine: 'journey', ruleId },
    });
    await store.enqueueActions(
      [
        from('u1', 'upsell-campaign/offer'),
        from('o1', 'onboarding/welcome'),
        from('u2', 'upsell-campaign/follow-up', 'low'),
        from('x1', 'upsell-campaigns/other'),
        from('u3', 'upsell-campaign/offer'),
      ],
      { now: '2026-04-01T00:00:00.000Z' },
    );
    await store.acknowledgeAction('u3', { now: '2026-04-01T01:00:00.000Z', by: 'sato' });
  });
  afterAll(async () => {
    await run.close();
    await store.close();
  });

  it('lists only the actions whose rule id starts with the prefix, with the other filters and paging', async () => {
    const all = await readJson(await run.call('/v1/alerts?rule=upsell-campaign%2F'));
    expect(all.status).toBe(200);
    // x1's rule "upsell-campaigns/other" does not start with "upsell-campaign/".
    expect(keysOf(all.body)).toEqual(['u1', 'u2', 'u3']);
    const open = await readJson(
      await run.call('/v1/alerts?rule=upsell-campaign%2F&done=false&priority=medium'),
    );
    expect(keysOf(open.body)).toEqual(['u1']);
    const first = await readJson(await run.call('/v1/alerts?rule=upsell-campaign%2F&limit=2'));
    expect(keysOf(first.body)).toEqual(['u1', 'u2']);
    const second = await readJson(
      await run.call(`/v1/alerts?rule=upsell-campaign%2F&limit=2&cursor=${first.body.nextCursor}`),
    );
    expect(keysOf(second.body)).toEqual(['u3']);
    expect(second.body.nextCursor).toBeNull();
    const wider = await readJson(await run.call('/v1/alerts?rule=upsell'));
    expect(keysOf(wider.body)).toEqual(['u1', 'u2', 'u3', 'x1']);
    const empty = await readJson(await run.call('/v1/alerts?rule='));
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].path).toBe('query.rule');
  });
});
