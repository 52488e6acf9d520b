import * as z from 'zod';
import { KizunaError } from './kizuna-error';

/** One invalid field: where it is and what is wrong with it. */
export interface ValidationIssue {
  /** The path to the field, e.g. `customers[3].contract.mrr.amount`; empty for the value itself. */
  readonly path: string;
  /** What is wrong, in plain words. */
  readonly message: string;
}

/**
 * Thrown when input at a public boundary is invalid. The message names every bad field by its path,
 * so the caller can fix the data without reading Kizuna's source.
 *
 * @example
 * ```ts
 * try {
 *   parseInput(customerSchema, { id: 'c1', segment: 'b2c', plan: 'standard', createdAt: '2026-03-01T00:00:00Z' }, 'customer');
 * } catch (error) {
 *   if (error instanceof KizunaValidationError) {
 *     console.log(error.message);
 *     // Invalid customer:
 *     // ✖ Invalid input: expected string, received undefined
 *     //   → at name
 *     console.log(error.issues); // [{ path: 'name', message: 'Invalid input: expected string, received undefined' }]
 *   }
 * }
 * ```
 */
export class KizunaValidationError extends KizunaError {
  /** Each bad field with its path and message. */
  readonly issues: readonly ValidationIssue[];

  constructor(message: string, issues: readonly ValidationIssue[], cause?: unknown) {
    super(message, { code: 'VALIDATION_FAILED', cause });
    this.name = 'KizunaValidationError';
    this.issues = issues;
  }

  /** Builds the error from a zod error, with zod's prettified listing of every issue. */
  static fromZodError(what: string, error: z.ZodError): KizunaValidationError {
    const issues = error.issues.map((issue) => ({
      path: formatPath(issue.path),
      message: issue.message,
    }));
    return new KizunaValidationError(`Invalid ${what}:\n${z.prettifyError(error)}`, issues, error);
  }

  /** Builds the error for one field whose problem a schema cannot express. */
  static forField(what: string, path: string, message: string): KizunaValidationError {
    return new KizunaValidationError(`Invalid ${what}:\n✖ ${message}\n  → at ${path}`, [{ path, message }]);
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}
