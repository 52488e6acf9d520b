import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { customerSchema } from '../schemas/customer';
import { KizunaError, toKizunaError } from './kizuna-error';
import { parseInput } from './parse-input';
import { KizunaValidationError } from './validation-error';

describe('parseInput', () => {
  it('returns the parsed value when the input is valid', () => {
    expect(parseInput(z.object({ count: z.number() }), { count: 3 }, 'options')).toEqual({ count: 3 });
  });

  it('throws a KizunaValidationError whose message names each bad field by path', () => {
    const error = (() => {
      try {
        parseInput(
          customerSchema,
          {
            id: 'c1',
            name: '',
            segment: 'b2b',
            plan: 'pro',
            createdAt: 'yesterday',
            contract: { mrr: { amount: 1.5 } },
          },
          'customer',
        );
      } catch (caught) {
        return caught;
      }
    })() as KizunaValidationError;
    expect(error).toBeInstanceOf(KizunaValidationError);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toMatch(/^Invalid customer:/);
    expect(error.message).toContain('→ at name');
    expect(error.message).toContain(
      'expected an ISO-8601 UTC instant such as 2026-04-01T09:30:00Z\n  → at createdAt',
    );
    expect(error.message).toContain('expected an integer amount in minor units\n  → at contract.mrr.amount');
    expect(error.message).toContain('→ at contract.monthlyMeasurementLimit');
    expect(error.issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining(['name', 'createdAt', 'contract.mrr.amount', 'contract.startsAt']),
    );
    expect(error.cause).toBeInstanceOf(z.ZodError);
  });

  it('writes array indexes in brackets', () => {
    const error = (() => {
      try {
        parseInput(z.array(z.object({ score: z.number().max(10) })), [{ score: 1 }, { score: 11 }], 'scores');
      } catch (caught) {
        return caught as KizunaValidationError;
      }
    })();
    expect(error?.issues).toEqual([{ path: '[1].score', message: expect.stringContaining('<=10') }]);
    expect(error?.message).toContain('→ at [1].score');
  });
});

describe('KizunaError.isInstance', () => {
  it('recognises Kizuna errors, including subclasses, and nothing else', () => {
    expect(KizunaError.isInstance(new KizunaError('x', { code: 'INTERNAL' }))).toBe(true);
    expect(KizunaError.isInstance(KizunaValidationError.forField('thing', 'a.b', 'bad'))).toBe(true);
    expect(KizunaError.isInstance(new Error('x'))).toBe(false);
    expect(KizunaError.isInstance({ code: 'INTERNAL' })).toBe(false);
    expect(KizunaError.isInstance(null)).toBe(false);
  });

  it('recognises an error from another copy of the package by its global marker', () => {
    const foreign = Object.assign(new Error('from elsewhere'), { [Symbol.for('kizuna.error')]: true });
    expect(KizunaError.isInstance(foreign)).toBe(true);
  });
});

describe('toKizunaError', () => {
  it('passes Kizuna errors through and wraps anything else with a cause', () => {
    const original = new KizunaError('kept', { code: 'NOT_FOUND' });
    expect(toKizunaError(original)).toBe(original);
    const cause = new TypeError('boom');
    const wrapped = toKizunaError(cause, 'STORE_UNAVAILABLE');
    expect(wrapped.code).toBe('STORE_UNAVAILABLE');
    expect(wrapped.message).toBe('boom');
    expect(wrapped.cause).toBe(cause);
    expect(toKizunaError('plain text').message).toBe('plain text');
  });
});

describe('KizunaValidationError.forField', () => {
  it('formats one field problem like zod does', () => {
    const error = KizunaValidationError.forField('model file', 'version', 'unsupported version 9');
    expect(error.message).toBe('Invalid model file:\n✖ unsupported version 9\n  → at version');
    expect(error.issues).toEqual([{ path: 'version', message: 'unsupported version 9' }]);
  });
});
