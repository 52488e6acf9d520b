import type { Action, OutboxEntry, OutboxStatus } from '@kizuna/core';

/** An outbox row as the store selects it. */
export interface OutboxRow {
  readonly action: Action;
  readonly status: OutboxStatus;
  readonly attempts: number;
  readonly enqueued_at: string;
  readonly next_attempt_at: string;
  readonly lease_expires_at: string | null;
  readonly claim_token: string | null;
  readonly delivered_at: string | null;
  readonly last_error: string | null;
  readonly acknowledged_at: string | null;
  readonly acknowledged_by: string | null;
  readonly acknowledgement_note: string | null;
}

/** The columns of {@link OutboxRow}, for `select` and `returning`. */
export const outboxColumns =
  'action, status, attempts, enqueued_at, next_attempt_at, lease_expires_at, claim_token, delivered_at, last_error, acknowledged_at, acknowledged_by, acknowledgement_note';

/** Turns a row into the port's entry, leaving out what is not set (as the memory store does). */
export function outboxEntryFromRow(row: OutboxRow): OutboxEntry {
  return {
    action: row.action,
    status: row.status,
    attempts: row.attempts,
    enqueuedAt: row.enqueued_at,
    nextAttemptAt: row.next_attempt_at,
    ...(row.lease_expires_at === null ? {} : { leaseExpiresAt: row.lease_expires_at }),
    ...(row.claim_token === null ? {} : { claimToken: row.claim_token }),
    ...(row.delivered_at === null ? {} : { deliveredAt: row.delivered_at }),
    ...(row.last_error === null ? {} : { lastError: row.last_error }),
    ...(row.acknowledged_at === null
      ? {}
      : {
          acknowledgement: {
            at: row.acknowledged_at,
            by: row.acknowledged_by ?? '',
            ...(row.acknowledgement_note === null ? {} : { note: row.acknowledgement_note }),
          },
        }),
  };
}
