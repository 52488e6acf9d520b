import type { KizunaErrorCode } from './error-codes';

const marker = Symbol.for('kizuna.error');

/** Options shared by every Kizuna error. */
export interface KizunaErrorOptions {
  /** A stable code from {@link KizunaErrorCode}. */
  readonly code: KizunaErrorCode;
  /** The value that caused this error, when wrapping another failure. */
  readonly cause?: unknown;
  /** Whether retrying the same call may succeed. @defaultValue false */
  readonly isRetryable?: boolean;
}

/**
 * The base class of every error Kizuna throws.
 *
 * Use {@link KizunaError.isInstance} rather than `instanceof`: it also recognises errors created by
 * another copy of the package (two versions in one `node_modules`, ESM and CJS side by side).
 *
 * @example
 * ```ts
 * // A customer record without its name.
 * const input = { id: 'c1', segment: 'b2c', plan: 'standard', createdAt: '2026-03-01T00:00:00Z' };
 * try {
 *   parseInput(customerSchema, input, 'customer');
 * } catch (error) {
 *   if (KizunaError.isInstance(error) && error.code === 'VALIDATION_FAILED') {
 *     console.log(error.name, error.code); // KizunaValidationError VALIDATION_FAILED
 *   }
 * }
 * ```
 */
export class KizunaError extends Error {
  /** Marks Kizuna errors across package copies; read by {@link KizunaError.isInstance}. */
  readonly [marker] = true;
  /** A stable code from {@link KizunaErrorCode}. */
  readonly code: KizunaErrorCode;
  /** Whether retrying the same call may succeed. */
  readonly isRetryable: boolean;

  constructor(message: string, options: KizunaErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'KizunaError';
    this.code = options.code;
    this.isRetryable = options.isRetryable ?? false;
  }

  /** True when `value` is a Kizuna error, from any copy of the package. */
  static isInstance(value: unknown): value is KizunaError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }
}

/**
 * Turns any thrown value into a {@link KizunaError}: Kizuna errors pass through unchanged, anything
 * else is wrapped with the given code and kept as `cause`.
 */
export function toKizunaError(value: unknown, code: KizunaErrorCode = 'INTERNAL'): KizunaError {
  if (KizunaError.isInstance(value)) return value;
  const message = value instanceof Error ? value.message : String(value);
  return new KizunaError(message, { code, cause: value });
}
