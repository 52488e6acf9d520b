import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeModelWeights, encodeModelWeights, largestEncodableLevel } from './learned-model-encoding';

describe('encodeModelWeights', () => {
  it('writes the gap to each non-zero bucket in base-32 digits, then the weight', () => {
    const levels = new Int8Array(300);
    levels[2] = 5; // gap 3 → '3'; weight 5 → alphabet[37] = 'b'
    levels[200] = -1; // gap 198 = 6 + 6·32 → digit 6 with more to follow (alphabet[38] = 'c'), then 6; weight −1 → 'V'
    expect(encodeModelWeights(levels)).toBe('3bc6V');
  });

  it('refuses a weight the alphabet cannot hold', () => {
    expect(() => encodeModelWeights(Int8Array.from([0, largestEncodableLevel + 1]))).toThrow(RangeError);
  });

  it('round-trips any weights in range (property)', () => {
    const level = fc.integer({ min: -largestEncodableLevel, max: largestEncodableLevel });
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant(0), level), { maxLength: 5000 }), (values) => {
        const levels = Int8Array.from(values);
        expect([...decodeModelWeights(encodeModelWeights(levels), levels.length)]).toEqual([...levels]);
      }),
    );
  });
});
