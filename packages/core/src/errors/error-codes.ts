/**
 * Every error code Kizuna throws, in one registry. Codes are stable: match on them, not on messages.
 */
export const KizunaErrorCode = {
  /** Input failed validation at a public boundary; the message names each bad field. */
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  /** A record or result that was asked for does not exist. */
  NOT_FOUND: 'NOT_FOUND',
  /** A write conflicted with existing data (for example a different record under the same id). */
  CONFLICT: 'CONFLICT',
  /** A notifier gave up after its last attempt. */
  NOTIFICATION_FAILED: 'NOTIFICATION_FAILED',
  /** A store could not complete an operation (connection lost, migration failed, ...). */
  STORE_UNAVAILABLE: 'STORE_UNAVAILABLE',
  /** A language model or other remote service failed or answered with invalid output. */
  UPSTREAM_FAILED: 'UPSTREAM_FAILED',
  /** A configured limit (tokens, cost, size) would be exceeded. */
  LIMIT_EXCEEDED: 'LIMIT_EXCEEDED',
  /** An invariant inside Kizuna broke: a bug, please report it. */
  INTERNAL: 'INTERNAL',
} as const;

/** One of the codes in {@link KizunaErrorCode}. */
export type KizunaErrorCode = (typeof KizunaErrorCode)[keyof typeof KizunaErrorCode];
