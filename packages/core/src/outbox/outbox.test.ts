import { describe, expect, it } from 'vitest';
import { createManualClock } from '../calendar/clock';
import { KizunaError } from '../errors/kizuna-error';
import { createEventBus, type KizunaEventMap } from '../events/event-bus';
import { createConsoleNotifier } from '../notifiers/console-notifier';
import type { Notifier } from '../notifiers/notifier';
import { createMemoryStore } from '../store/memory-store';
import { sampleAction } from '../test-support/sample-action';
import { createOutbox } from './outbox';

const start = '2026-04-01T00:00:00.000Z';

function scriptedNotifier(outcomes: ('ok' | 'retryable' | 'fatal')[]): Notifier & { sent: string[] } {
  const sent: string[] = [];
  return {
    name: 'scripted',
    sent,
    async send(action) {
      const outcome = outcomes.shift() ?? 'ok';
      if (outcome === 'ok') {
        sent.push(action.idempotencyKey);
        return { notifier: 'scripted', attempts: 1 };
      }
      throw new KizunaError(`HTTP ${outcome === 'fatal' ? 400 : 503}`, {
        code: 'NOTIFICATION_FAILED',
        isRetryable: outcome === 'retryable',
      });
    },
  };
}

describe('createOutbox', () => {
  it('delivers each enqueued action once, even when it is enqueued again', async () => {
    const store = createMemoryStore();
    const lines: string[] = [];
    const outbox = createOutbox({
      store,
      notifier: createConsoleNotifier({ write: (line) => lines.push(line) }),
      clock: createManualClock(start),
    });
    expect(await outbox.enqueue([sampleAction('a'), sampleAction('b')])).toEqual({
      enqueued: ['a', 'b'],
      duplicates: [],
    });
    expect(await outbox.deliverDue()).toEqual({
      claimed: 2,
      delivered: 2,
      retrying: 0,
      failed: 0,
      lostClaims: 0,
    });
    expect(await outbox.enqueue([sampleAction('a')])).toEqual({ enqueued: [], duplicates: ['a'] });
    expect(await outbox.deliverDue()).toEqual({
      claimed: 0,
      delivered: 0,
      retrying: 0,
      failed: 0,
      lostClaims: 0,
    });
    expect(lines).toHaveLength(2);
  });

  it('waits for an action that is due later', async () => {
    const store = createMemoryStore();
    const clock = createManualClock(start);
    const notifier = scriptedNotifier([]);
    const outbox = createOutbox({ store, notifier, clock });
    await outbox.enqueue([sampleAction('later', { dueAt: '2026-04-02T00:00:00.000Z' })]);
    expect((await outbox.deliverDue()).claimed).toBe(0);
    clock.set('2026-04-02T00:00:00.000Z');
    expect((await outbox.deliverDue()).delivered).toBe(1);
    expect(notifier.sent).toEqual(['later']);
  });

  it('retries a retryable failure after the backoff and reports each step as an event', async () => {
    const store = createMemoryStore();
    const clock = createManualClock(start);
    const events = createEventBus();
    const seen: (KizunaEventMap['notification.failed'] | KizunaEventMap['notification.sent'])[] = [];
    events.on('notification.failed', (event) => seen.push(event));
    events.on('notification.sent', (event) => seen.push(event));
    const notifier = scriptedNotifier(['retryable', 'ok']);
    const outbox = createOutbox({ store, notifier, clock, events, retryDelayMilliseconds: () => 60_000 });
    await outbox.enqueue([sampleAction('a')]);
    expect(await outbox.deliverDue()).toEqual({
      claimed: 1,
      delivered: 0,
      retrying: 1,
      failed: 0,
      lostClaims: 0,
    });
    expect(await store.getAction('a')).toMatchObject({
      status: 'pending',
      lastError: 'HTTP 503',
      nextAttemptAt: '2026-04-01T00:01:00.000Z',
    });
    clock.advance(59_999);
    expect((await outbox.deliverDue()).claimed).toBe(0);
    clock.advance(1);
    expect(await outbox.deliverDue()).toEqual({
      claimed: 1,
      delivered: 1,
      retrying: 0,
      failed: 0,
      lostClaims: 0,
    });
    expect(seen).toEqual([
      {
        occurredAt: start,
        idempotencyKey: 'a',
        notifier: 'scripted',
        attempts: 1,
        error: 'HTTP 503',
        willRetry: true,
      },
      { occurredAt: '2026-04-01T00:01:00.000Z', idempotencyKey: 'a', notifier: 'scripted', attempts: 2 },
    ]);
  });

  it('fails an action for good on a non-retryable error or after maxAttempts', async () => {
    const store = createMemoryStore();
    const clock = createManualClock(start);
    const outbox = createOutbox({
      store,
      notifier: scriptedNotifier(['fatal', 'retryable', 'retryable']),
      clock,
      maxAttempts: 2,
      retryDelayMilliseconds: () => 1,
    });
    await outbox.enqueue([sampleAction('fatal'), sampleAction('flaky')]);
    expect(await outbox.deliverDue()).toEqual({
      claimed: 2,
      delivered: 0,
      retrying: 1,
      failed: 1,
      lostClaims: 0,
    });
    clock.advance(1);
    expect(await outbox.deliverDue()).toEqual({
      claimed: 1,
      delivered: 0,
      retrying: 0,
      failed: 1,
      lostClaims: 0,
    });
    expect(
      (await store.listActions({ status: 'failed' })).map((entry) => [
        entry.action.idempotencyKey,
        entry.attempts,
      ]),
    ).toEqual([
      ['fatal', 1],
      ['flaky', 2],
    ]);
  });

  it('lets two workers deliver concurrently without sending anything twice', async () => {
    const store = createMemoryStore();
    const clock = createManualClock(start);
    const sent: string[] = [];
    const notifier: Notifier = {
      name: 'slow',
      async send(action) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        sent.push(action.idempotencyKey);
        return { notifier: 'slow', attempts: 1 };
      },
    };
    const actions = Array.from({ length: 40 }, (_, index) => sampleAction(`k${index}`));
    const first = createOutbox({ store, notifier, clock, batchSize: 7 });
    const second = createOutbox({ store, notifier, clock, batchSize: 5 });
    await first.enqueue(actions);
    const [left, right] = await Promise.all([first.deliverDue(), second.deliverDue()]);
    expect(left.delivered + right.delivered).toBe(40);
    expect(sent.sort()).toEqual(actions.map((action) => action.idempotencyKey).sort());
  });

  it('does not send the tail of a batch that ran past its lease once another worker took it over', async () => {
    const store = createMemoryStore();
    const clock = createManualClock(start);
    const sentBy: string[] = [];
    let second: ReturnType<typeof createOutbox> | undefined;
    let secondReport: Awaited<ReturnType<ReturnType<typeof createOutbox>['deliverDue']>> | undefined;
    // Each send of the first worker takes 40 s; while its second send is under way (t = 80 s) the
    // second worker runs and takes over every entry whose 60 s lease has lapsed.
    const slow: Notifier = {
      name: 'slow',
      async send(action) {
        clock.advance(40_000);
        sentBy.push(`first:${action.idempotencyKey}`);
        if (sentBy.length === 2) secondReport = await second!.deliverDue();
        return { notifier: 'slow', attempts: 1 };
      },
    };
    const fast: Notifier = {
      name: 'fast',
      async send(action) {
        sentBy.push(`second:${action.idempotencyKey}`);
        return { notifier: 'fast', attempts: 1 };
      },
    };
    const first = createOutbox({ store, notifier: slow, clock, batchSize: 4, leaseMilliseconds: 60_000 });
    second = createOutbox({ store, notifier: fast, clock, batchSize: 4, leaseMilliseconds: 60_000 });
    await first.enqueue(['a', 'b', 'c', 'd'].map((key) => sampleAction(key)));
    const firstReport = await first.deliverDue();
    // a: sent at once (60 s left). b: 20 s left at t = 40 s, under the 30 s margin, so renewed to
    // t = 100 s before sending. c and d lapsed at t = 60 s; the second worker took them at t = 80 s.
    expect(secondReport).toEqual({ claimed: 2, delivered: 2, retrying: 0, failed: 0, lostClaims: 0 });
    expect(firstReport).toEqual({ claimed: 4, delivered: 2, retrying: 0, failed: 0, lostClaims: 2 });
    expect(sentBy).toEqual(['first:a', 'first:b', 'second:c', 'second:d']);
    expect((await store.listActions({ status: 'delivered' })).length).toBe(4);
  });

  it('still sends an entry whose lease lapsed when nobody took it over', async () => {
    const store = createMemoryStore();
    const clock = createManualClock(start);
    const sent: string[] = [];
    const outbox = createOutbox({
      store,
      clock,
      batchSize: 3,
      leaseMilliseconds: 10_000,
      notifier: {
        name: 'slow',
        async send(action) {
          clock.advance(30_000);
          sent.push(action.idempotencyKey);
          return { notifier: 'slow', attempts: 1 };
        },
      },
    });
    await outbox.enqueue(['a', 'b', 'c'].map((key) => sampleAction(key)));
    expect(await outbox.deliverDue()).toEqual({
      claimed: 3,
      delivered: 3,
      retrying: 0,
      failed: 0,
      lostClaims: 0,
    });
    expect(sent).toEqual(['a', 'b', 'c']);
  });

  it('routes actions to notifiers chosen per action', async () => {
    const store = createMemoryStore();
    const slack = scriptedNotifier([]);
    const email = scriptedNotifier([]);
    const outbox = createOutbox({
      store,
      clock: createManualClock(start),
      notifier: (action) => (action.channel === 'slack' ? slack : email),
    });
    await outbox.enqueue([sampleAction('s', { channel: 'slack' }), sampleAction('e', { channel: 'email' })]);
    await outbox.deliverDue();
    expect([slack.sent, email.sent]).toEqual([['s'], ['e']]);
  });

  it('emits action.enqueued only for new keys', async () => {
    const events = createEventBus();
    const enqueued: string[] = [];
    events.on('action.enqueued', (event) => enqueued.push(event.idempotencyKey));
    const outbox = createOutbox({
      store: createMemoryStore(),
      notifier: scriptedNotifier([]),
      clock: createManualClock(start),
      events,
    });
    await outbox.enqueue([sampleAction('a')]);
    await outbox.enqueue([sampleAction('a'), sampleAction('b')]);
    expect(enqueued).toEqual(['a', 'b']);
  });
});
