import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, compareCodePoints } from './store-ordering';

describe('compareCodePoints', () => {
  it('orders characters outside the BMP after U+E000–U+FFFF, unlike UTF-16 comparison', () => {
    const emoji = '😀'; // U+1F600, stored as the surrogates D83D DE00
    const privateUse = '\uE000';
    expect(emoji < privateUse).toBe(true); // UTF-16 code units
    expect(compareCodePoints(emoji, privateUse)).toBe(1); // code points
  });

  it('agrees with the order of code-point arrays', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (left, right) => {
        const points = (text: string) => [...text].map((character) => character.codePointAt(0)!);
        const [a, b] = [points(left), points(right)];
        let expected = 0;
        for (let index = 0; index < Math.min(a.length, b.length) && expected === 0; index += 1) {
          if (a[index] !== b[index]) expected = a[index]! < b[index]! ? -1 : 1;
        }
        if (expected === 0) expected = Math.sign(a.length - b.length);
        expect(compareCodePoints(left, right)).toBe(expected);
      }),
    );
  });
});

describe('canonicalJson', () => {
  it('gives the same text for deeply equal values written with keys in another order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { e: 3, f: 2 }] }, b: 1 }),
    );
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: 2 }));
  });
});
