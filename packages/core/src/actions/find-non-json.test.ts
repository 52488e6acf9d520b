import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonValueSchema } from './action';
import { findNonJson } from './find-non-json';

describe('findNonJson', () => {
  it('accepts JSON and names the path of the first part that is not', () => {
    expect(findNonJson({ a: [1, 'x', null, true, { b: -0.5 }] })).toBeUndefined();
    expect(findNonJson({ a: [1, { b: Number.NaN }] })).toEqual({
      path: ['a', 1, 'b'],
      message: 'expected a finite number',
    });
    expect(findNonJson({ when: new Date(0) })?.path).toEqual(['when']);
    expect(findNonJson({ gone: undefined })?.message).toBe('expected a JSON value, received undefined');
    // An array hole (`new Array(2)` has two).
    expect(findNonJson(new Array(2))?.path).toEqual([0]);
    expect(findNonJson(() => 1)?.message).toBe('expected a JSON value, received function');
    expect(findNonJson(Object.create(null))).toBeUndefined();
  });

  it('agrees with the zod JSON schema on arbitrary values', () => {
    const anything = fc.oneof(
      fc.jsonValue(),
      fc.anything({
        withBoxedValues: true,
        withMap: true,
        withSet: true,
        withDate: true,
        withNullPrototype: true,
      }),
    );
    fc.assert(
      fc.property(anything, (value) => {
        expect(findNonJson(value) === undefined).toBe(jsonValueSchema.safeParse(value).success);
      }),
      { numRuns: 500 },
    );
  });
});
