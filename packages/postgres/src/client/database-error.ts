import { KizunaError } from '@kizuna/core';

/** SQLSTATE codes (or classes, two characters) after which the same call may succeed. */
const retryableStates = ['08', '53', '57P01', '57P02', '57P03', '40001', '40P01', '55P03'];

/** Node socket errors: the server is away or the network broke. */
const retryableSocketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** Messages of `pg` errors that carry no code but mean the connection is gone. */
const lostConnectionMessages =
  /connection terminated|connection error|not queryable|timeout exceeded when trying to connect|server closed the connection/i;

function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/**
 * True when `error` means the database could not be reached or dropped the connection, or a retry
 * of the same work may succeed (serialization failure, deadlock, too many connections).
 */
export function isRetryableDatabaseError(error: unknown): boolean {
  const state = sqlState(error);
  if (state !== undefined) return retryableStates.some((prefix) => state.startsWith(prefix));
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && retryableSocketCodes.has(code)) return true;
  // AggregateError: `pg` tries every address of a host name and reports each failure.
  if (error instanceof AggregateError) return error.errors.some(isRetryableDatabaseError);
  return error instanceof Error && lostConnectionMessages.test(error.message);
}

/**
 * Turns whatever a database driver threw into a `KizunaError` with code `STORE_UNAVAILABLE`, keeping
 * the original as `cause` (so its SQLSTATE stays readable at `error.cause.code`). Kizuna errors pass
 * through unchanged, so wrapping twice is harmless.
 *
 * @param error - the thrown value
 * @param operation - what was being done, for the message ("query", "putRecords", ...)
 * @example
 * ```ts
 * // Another library on the same PGlite database throws the driver's own error: wrap it as Kizuna does.
 * const client = await createPgliteClient();
 * try {
 *   await client.pglite.query('select amount from invoices');
 * } catch (error) {
 *   const wrapped = toDatabaseError(error, 'query');
 *   console.log(wrapped.code, wrapped.isRetryable); // STORE_UNAVAILABLE false
 *   console.log(wrapped.message); // PostgreSQL query failed: relation "invoices" does not exist [SQLSTATE 42P01]
 * }
 * await client.close();
 * ```
 */
export function toDatabaseError(error: unknown, operation: string): KizunaError {
  if (KizunaError.isInstance(error)) return error;
  const state = sqlState(error);
  const reason =
    error instanceof AggregateError && error.errors.length > 0
      ? error.errors.map((inner) => (inner instanceof Error ? inner.message : String(inner))).join('; ')
      : error instanceof Error
        ? error.message
        : String(error);
  const retryable = isRetryableDatabaseError(error);
  const message = `PostgreSQL ${operation} failed${retryable ? ' (connection lost or server unavailable; retry later)' : ''}: ${reason}${state === undefined ? '' : ` [SQLSTATE ${state}]`}`;
  return new KizunaError(message, { code: 'STORE_UNAVAILABLE', cause: error, isRetryable: retryable });
}
