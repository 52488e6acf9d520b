import type { DeliveryReport, Outbox } from '@kizuna/core';

/** The delivery report of a run that delivered nothing. */
export const noDelivery: DeliveryReport = { claimed: 0, delivered: 0, retrying: 0, failed: 0 };

/**
 * Delivers every outbox entry that is due, in rounds, until none is left or `signal` aborts. Entries
 * that fail are retried later by the outbox's backoff (a later run delivers them).
 */
export async function deliverOutbox(outbox: Outbox, signal?: AbortSignal): Promise<DeliveryReport> {
  const total = { ...noDelivery };
  for (;;) {
    signal?.throwIfAborted();
    const round = await outbox.deliverDue({ maxRounds: 1 });
    total.claimed += round.claimed;
    total.delivered += round.delivered;
    total.retrying += round.retrying;
    total.failed += round.failed;
    if (round.claimed === 0) return total;
  }
}
