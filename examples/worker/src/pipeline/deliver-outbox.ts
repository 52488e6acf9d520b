import type { DeliveryReport, Outbox } from '@kizuna/core';

/** The delivery report of a run that delivered nothing. */
export const noDelivery: DeliveryReport = { claimed: 0, delivered: 0, retrying: 0, failed: 0, lostClaims: 0 };

/** Two delivery reports added up. */
export function addDeliveryReports(left: DeliveryReport, right: DeliveryReport): DeliveryReport {
  return {
    claimed: left.claimed + right.claimed,
    delivered: left.delivered + right.delivered,
    retrying: left.retrying + right.retrying,
    failed: left.failed + right.failed,
    lostClaims: left.lostClaims + right.lostClaims,
  };
}

/**
 * Delivers every outbox entry that is due, in rounds, until none is left or `signal` aborts. Entries
 * that fail are retried later by the outbox's backoff (a later run delivers them).
 */
export async function deliverOutbox(outbox: Outbox, signal?: AbortSignal): Promise<DeliveryReport> {
  let total = noDelivery;
  for (;;) {
    signal?.throwIfAborted();
    const round = await outbox.deliverDue({ maxRounds: 1 });
    total = addDeliveryReports(total, round);
    if (round.claimed === 0) return total;
  }
}
