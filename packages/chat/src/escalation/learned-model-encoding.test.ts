import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeModelWeights, encodeModelWeights } from './learned-model-encoding';

describe('encodeModelWeights', () => {
  it('writes the gap to each non-zero bucket as a varint, then the weight byte', () => {
    const levels = new Int8Array(300);
    levels[2] = 5; // gap 3 from bucket -1
    levels[200] = -1; // gap 198: 0xc6 0x01 (LEB128), then 0xff
    expect([...atob(encodeModelWeights(levels))].map((character) => character.charCodeAt(0))).toEqual([
      3, 5, 0xc6, 0x01, 0xff,
    ]);
  });

  it('round-trips any int8 weights (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -128, max: 127 }), { maxLength: 3000 }), (values) => {
        const levels = Int8Array.from(values);
        expect([...decodeModelWeights(encodeModelWeights(levels), levels.length)]).toEqual([...levels]);
      }),
    );
  });
});
