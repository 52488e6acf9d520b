import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prAuc, rocAuc } from './ranking-metrics';

describe('rocAuc', { timeout: 120_000 }, () => {
  it('counts the pairs a positive wins, ties as one half', () => {
    // Positives 0.35 and 0.8 against negatives 0.1 and 0.4: wins 1 + 2 of 4 pairs.
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBe(0.75);
    // A tie between the only positive and negative counts one half.
    expect(rocAuc([0, 1], [0.5, 0.5])).toBe(0.5);
  });

  it('rejects one class and mismatched lengths', () => {
    expect(() => rocAuc([1, 1], [0.2, 0.3])).toThrow('needs both classes');
    expect(() => rocAuc([0, 1], [0.2])).toThrow('expected 2 scores');
    expect(() => rocAuc([0, 1], [0.2, Number.NaN])).toThrow(/scores\[1\]/);
  });

  it('equals 1 − the AUC of the negated scores', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: -5, max: 5 })), { minLength: 2 }),
        (pairs) => {
          const labels = pairs.map(([label]) => label);
          fc.pre(labels.includes(0) && labels.includes(1));
          const scores = pairs.map(([, score]) => score);
          expect(
            rocAuc(labels, scores) +
              rocAuc(
                labels,
                scores.map((score) => -score),
              ),
          ).toBeCloseTo(1, 12);
        },
      ),
    );
  });
});

describe('prAuc', () => {
  it('averages precision at each recall step', () => {
    // Ranked: 0.8 (+), 0.4 (−), 0.35 (+), 0.1 (−): ½·1 + ½·⅔ = 0.8333…
    expect(prAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo(5 / 6, 12);
  });

  it('needs a positive label', () => {
    expect(() => prAuc([0, 0], [0.1, 0.2])).toThrow('needs a positive label');
  });
});
