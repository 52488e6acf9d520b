import { randomUUID } from 'node:crypto';
import type { Action } from '../actions/action';
import { type Clock, systemClock, toInstant } from '../calendar/clock';
import { KizunaError } from '../errors/kizuna-error';
import type { KizunaEventBus } from '../events/event-bus';
import type { Notifier } from '../notifiers/notifier';
import type { EnqueueResult, OutboxEntry, Store } from '../store/store';

/** Options of {@link createOutbox}. */
export interface OutboxOptions {
  /** Where actions are kept. */
  readonly store: Store;
  /** The notifier for every action, or a function choosing one per action (by channel, owner, ...). */
  readonly notifier: Notifier | ((action: Action) => Notifier);
  /** @defaultValue systemClock */
  readonly clock?: Clock;
  /** Receives `action.enqueued`, `notification.sent` and `notification.failed`. */
  readonly events?: KizunaEventBus;
  /** Entries claimed per round. @defaultValue 50 */
  readonly batchSize?: number;
  /** How long a claim lasts before another worker may take the entry over. @defaultValue 60000 */
  readonly leaseMilliseconds?: number;
  /**
   * Before sending each entry of a batch, an entry whose lease has less than this left is renewed
   * in the store first, and skipped when its claim was lost (another worker took it over after the
   * lease lapsed). It must exceed the notifier's longest send (timeout × its own retries).
   * @defaultValue half of `leaseMilliseconds`
   */
  readonly leaseRenewalMarginMilliseconds?: number;
  /** Attempts (outbox rounds, each with the notifier's own retries) before an entry fails for good. @defaultValue 5 */
  readonly maxAttempts?: number;
  /** Delay before outbox attempt `n + 1` after attempt `n` failed. @defaultValue 1 min × 4^(n−1) */
  readonly retryDelayMilliseconds?: (attempt: number) => number;
}

/** What one delivery run did. */
export interface DeliveryReport {
  readonly claimed: number;
  readonly delivered: number;
  /** Failed attempts that will be tried again later. */
  readonly retrying: number;
  /** Entries that failed for good (non-retryable error or attempts used up). */
  readonly failed: number;
  /**
   * Claimed entries not sent because their claim was lost before their turn came (the batch ran
   * past their lease and another worker took them over): that worker sends them.
   */
  readonly lostClaims: number;
}

/** The outbox: actions go in once per idempotency key and come out through notifiers. */
export interface Outbox {
  /** Stores actions; a key already present is reported as a duplicate and not stored again. */
  enqueue(actions: readonly Action[]): Promise<EnqueueResult>;
  /**
   * Delivers the entries that are due, round after round, until none is left (or `maxRounds`).
   * Safe to run in several processes at once: each entry is claimed by one of them.
   */
  deliverDue(options?: { readonly maxRounds?: number }): Promise<DeliveryReport>;
}

/**
 * Creates an outbox over a store and notifiers: the only way Kizuna sends anything. A crash between
 * enqueue and delivery loses nothing (the entry stays pending); a crash during delivery means the
 * claim lapses and the entry is retried with the same `Idempotency-Key`, so receivers that honour the
 * key see it once, and a retried run never enqueues a key twice.
 *
 * @example
 * ```ts
 * const store = createMemoryStore();
 * const plan = planJourney(
 *   { id: 'dunning', name: 'Dunning', anchor: 'invoice_issued', steps: [
 *     { id: 'day-7', offset: { days: 7 }, action: { type: 'payment_reminder', channel: 'email', title: 'Reminder' } },
 *     { id: 'day-14', offset: { days: 14 }, action: { type: 'second_reminder', channel: 'phone', title: 'Call' } },
 *   ] },
 *   { customerId: 'c1', anchorAt: '2026-04-01T00:00:00Z' },
 *   '2026-04-15T00:00:00Z',
 * );
 * const clock = createManualClock('2026-04-15T00:00:00Z');
 * const outbox = createOutbox({ store, notifier: createConsoleNotifier(), clock });
 * await outbox.enqueue(plan.due);
 * console.log(await outbox.deliverDue()); // { claimed: 2, delivered: 2, retrying: 0, failed: 0, lostClaims: 0 }
 * console.log((await outbox.enqueue(plan.due)).duplicates.length); // 2: the same plan again stores nothing new
 * ```
 */
export function createOutbox(options: OutboxOptions): Outbox {
  const clock = options.clock ?? systemClock;
  const batchSize = options.batchSize ?? 50;
  const leaseMilliseconds = options.leaseMilliseconds ?? 60_000;
  const renewalMargin = options.leaseRenewalMarginMilliseconds ?? leaseMilliseconds / 2;
  const maxAttempts = options.maxAttempts ?? 5;
  const retryDelay = options.retryDelayMilliseconds ?? ((attempt: number) => 60_000 * 4 ** (attempt - 1));
  const choose =
    typeof options.notifier === 'function' ? options.notifier : () => options.notifier as Notifier;
  const { store, events } = options;

  /**
   * Whether this worker may still send an entry of its batch: yes while the lease has more than the
   * margin left (nobody else can take it before the send ends); otherwise only if the store renews
   * the claim, which fails when another worker took the entry over.
   */
  async function stillClaimed(entry: OutboxEntry, claimToken: string): Promise<boolean> {
    const now = clock.now();
    const leaseExpiresAt = entry.leaseExpiresAt === undefined ? now : Date.parse(entry.leaseExpiresAt);
    if (leaseExpiresAt - now > renewalMargin) return true;
    return store.renewClaim(entry.action.idempotencyKey, {
      claimToken,
      now: toInstant(now),
      leaseMilliseconds,
    });
  }

  return {
    async enqueue(actions) {
      const now = toInstant(clock.now());
      const result = await store.enqueueActions(actions, { now });
      if (events !== undefined) {
        const byKey = new Map(actions.map((action) => [action.idempotencyKey, action]));
        for (const key of result.enqueued) {
          const customerId = byKey.get(key)?.customerId;
          events.emit('action.enqueued', {
            occurredAt: now,
            idempotencyKey: key,
            ...(customerId ? { customerId } : {}),
          });
        }
      }
      return result;
    },

    async deliverDue(deliverOptions = {}) {
      const maxRounds = deliverOptions.maxRounds ?? Number.POSITIVE_INFINITY;
      const report = { claimed: 0, delivered: 0, retrying: 0, failed: 0, lostClaims: 0 };
      for (let round = 0; round < maxRounds; round += 1) {
        const claimToken = randomUUID();
        const entries = await store.claimActions({
          now: toInstant(clock.now()),
          limit: batchSize,
          leaseMilliseconds,
          claimToken,
        });
        if (entries.length === 0) break;
        report.claimed += entries.length;
        for (const entry of entries) {
          if (!(await stillClaimed(entry, claimToken))) {
            report.lostClaims += 1;
            continue;
          }
          const notifier = choose(entry.action);
          try {
            await notifier.send(entry.action);
            const now = toInstant(clock.now());
            await store.completeAction(entry.action.idempotencyKey, { claimToken, now });
            report.delivered += 1;
            events?.emit('notification.sent', {
              occurredAt: now,
              idempotencyKey: entry.action.idempotencyKey,
              notifier: notifier.name,
              attempts: entry.attempts,
            });
          } catch (error) {
            const retryable = KizunaError.isInstance(error) ? error.isRetryable : true;
            const willRetry = retryable && entry.attempts < maxAttempts;
            const message = error instanceof Error ? error.message : String(error);
            const now = clock.now();
            await store.failAction(entry.action.idempotencyKey, {
              claimToken,
              error: message,
              ...(willRetry ? { retryAt: toInstant(now + retryDelay(entry.attempts)) } : {}),
            });
            if (willRetry) report.retrying += 1;
            else report.failed += 1;
            events?.emit('notification.failed', {
              occurredAt: toInstant(now),
              idempotencyKey: entry.action.idempotencyKey,
              notifier: notifier.name,
              attempts: entry.attempts,
              error: message,
              willRetry,
            });
          }
        }
      }
      return report;
    },
  };
}
