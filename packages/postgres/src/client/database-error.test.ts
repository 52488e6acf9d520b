import { KizunaError } from '@kizuna/core';
import { describe, expect, it } from 'vitest';
import { isRetryableDatabaseError, toDatabaseError } from './database-error';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isRetryableDatabaseError', () => {
  it('treats lost connections, refused sockets and overload as retryable', () => {
    expect(isRetryableDatabaseError(withCode('connect ECONNREFUSED 127.0.0.1:1', 'ECONNREFUSED'))).toBe(true);
    expect(isRetryableDatabaseError(withCode('terminating connection', '57P01'))).toBe(true);
    expect(isRetryableDatabaseError(withCode('connection failure', '08006'))).toBe(true);
    expect(isRetryableDatabaseError(withCode('too many clients', '53300'))).toBe(true);
    expect(isRetryableDatabaseError(withCode('could not serialize', '40001'))).toBe(true);
    expect(isRetryableDatabaseError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(
      isRetryableDatabaseError(new AggregateError([withCode('refused', 'ECONNREFUSED')], 'all failed')),
    ).toBe(true);
  });

  it('treats bugs and bad data as not retryable', () => {
    expect(isRetryableDatabaseError(withCode('syntax error', '42601'))).toBe(false);
    expect(isRetryableDatabaseError(withCode('unsupported Unicode escape sequence', '22P05'))).toBe(false);
    expect(isRetryableDatabaseError(new Error('PGlite is closed'))).toBe(false);
    expect(isRetryableDatabaseError('a string')).toBe(false);
  });
});

describe('toDatabaseError', () => {
  it('wraps a driver error as STORE_UNAVAILABLE with the SQLSTATE in the message and the error as cause', () => {
    const cause = withCode('relation "x" does not exist', '42P01');
    const error = toDatabaseError(cause, 'query');
    expect(KizunaError.isInstance(error)).toBe(true);
    expect(error.code).toBe('STORE_UNAVAILABLE');
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain('42P01');
    expect(error.cause).toBe(cause);
  });

  it('marks connection loss retryable and passes Kizuna errors through unchanged', () => {
    expect(toDatabaseError(withCode('reset', 'ECONNRESET'), 'query').isRetryable).toBe(true);
    const original = new KizunaError('already wrapped', { code: 'VALIDATION_FAILED' });
    expect(toDatabaseError(original, 'query')).toBe(original);
  });
});
