import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findFeatureBins } from './feature-bins';
import { toFeatureMatrix } from './training-data';

describe('findFeatureBins', { timeout: 120_000 }, () => {
  it('puts a bound halfway between neighbouring distinct values (−0 and 0 are one value)', () => {
    // Distinct values 0, 1, 2, 3.5 → bounds 0.5, 1.5, 2.75; NaN is missing and makes no bin.
    const matrix = toFeatureMatrix([[3.5], [1], [2], [1], [-0], [0], [Number.NaN]]);
    const bins = findFeatureBins(matrix, 255, 200_000, 0);
    expect(Array.from(bins.upperBounds[0]!)).toEqual([0.5, 1.5, 2.75]);
    expect(bins.binCounts[0]).toBe(4);
  });

  it('uses quantiles when there are more distinct values than bins', () => {
    // 1 … 8 into 4 bins: the k/4 quantiles 2, 4, 6.
    const matrix = toFeatureMatrix([[1], [2], [3], [4], [5], [6], [7], [8]]);
    expect(Array.from(findFeatureBins(matrix, 4, 200_000, 0).upperBounds[0]!)).toEqual([2, 4, 6]);
  });

  it('gives bounds at the midpoints of the sorted distinct values whenever they fit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 300 }),
        (palette, picks) => {
          const values = picks.map((pick) => palette[pick % palette.length]!);
          const distinct = [...new Set(values.map((value) => value + 0))].sort((a, b) => a - b);
          const expected = distinct.slice(1).map((value, index) => {
            const below = distinct[index]!;
            return below + (value - below) / 2;
          });
          const bins = findFeatureBins(toFeatureMatrix(values.map((value) => [value])), 255, 200_000, 0);
          expect(Array.from(bins.upperBounds[0]!)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
