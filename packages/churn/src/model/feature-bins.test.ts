import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  binOf,
  binRowRange,
  findFeatureBins,
  gatherSampleColumns,
  radixSortNumbers,
  sortNumbers,
  toFeatureBins,
} from './feature-bins';
import { toFeatureMatrix } from './training-data';

describe('gatherSampleColumns', () => {
  it('writes the sample rows of a range column by column, in the order of the sample', () => {
    // Rows 0–3 of 2 features; the sample is rows 3, 1, 0 (positions 0, 1, 2): positions [1, 3) only.
    const matrix = toFeatureMatrix([
      [10, 11],
      [20, Number.NaN],
      [30, 31],
      [40, 41],
    ]);
    const sampled = new Float64Array(6).fill(-1);
    gatherSampleColumns(matrix, Uint32Array.of(3, 1, 0), 1, 3, sampled);
    expect(Array.from(sampled)).toEqual([-1, 20, 10, -1, Number.NaN, 11]);
  });
});

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

  it('keeps midpoints of values far apart beyond ±9e307 finite and ascending', () => {
    // −1e308 + (1e308 − (−1e308)) / 2 overflows to Infinity; halving each gives 0.
    const matrix = toFeatureMatrix([[-1e308], [1e308], [1.5e308]]);
    expect(Array.from(findFeatureBins(matrix, 255, 200_000, 0).upperBounds[0]!)).toEqual([0, 1.25e308]);
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

describe('binRowRange', () => {
  it('bins rows into slots row-major and column-major, and flags the features with missing values', () => {
    // Feature 0 bounds [1.5] (slots 0, 1; missing 2); feature 1 bounds [] (slot 3; missing 4).
    const matrix = toFeatureMatrix([
      [1, 7],
      [2, Number.NaN],
      [Number.NaN, 7],
    ]);
    const bins = findFeatureBins(
      toFeatureMatrix([
        [1, 7],
        [2, 7],
      ]),
      255,
      200_000,
      0,
    );
    const slots = new Uint16Array(6);
    const columns = new Uint16Array(6);
    const hasMissing = new Uint8Array(2);
    binRowRange(matrix, bins, 0, 3, slots, columns, hasMissing);
    expect(Array.from(slots)).toEqual([0, 3, 1, 4, 2, 3]);
    expect(Array.from(columns)).toEqual([0, 1, 2, 3, 4, 3]);
    expect(Array.from(hasMissing)).toEqual([1, 1]);
  });

  it('gives the same slots when rows are binned in two ranges (as two threads do)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: -50, max: 50 }), fc.integer({ min: 0, max: 3 })), {
          minLength: 1,
          maxLength: 120,
        }),
        fc.nat(),
        (pairs, cut) => {
          const matrix = toFeatureMatrix(pairs.map(([value, count]) => [value, count]));
          const bins = findFeatureBins(matrix, 16, 200_000, 0);
          const size = matrix.nRows * 2;
          const whole = [new Uint16Array(size), new Uint16Array(size), new Uint8Array(2)] as const;
          binRowRange(matrix, bins, 0, matrix.nRows, ...whole);
          const split = [new Uint16Array(size), new Uint16Array(size), new Uint8Array(2)] as const;
          const middle = cut % (matrix.nRows + 1);
          binRowRange(matrix, bins, middle, matrix.nRows, ...split);
          binRowRange(matrix, bins, 0, middle, ...split);
          expect(split).toEqual(whole);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('puts every value in the bin of binOf, whatever the spread of the bounds', () => {
    // Bounds from a few to 254, crowded in one place or spread over ±1e300, and values among and
    // around them: the cell tables and the branch-free search must both count the bounds below.
    const number = fc.oneof(
      fc.double({ min: -1e300, max: 1e300, noNaN: true }),
      fc.double({ min: -1, max: 1, noNaN: true }),
      fc.constantFrom(0, -0, 1e-310, -1e-310, 5e-324),
    );
    fc.assert(
      fc.property(
        fc.array(number, { minLength: 0, maxLength: 254 }),
        fc.array(fc.oneof(number, fc.constant(Number.NaN)), { minLength: 1, maxLength: 200 }),
        fc.boolean(),
        (boundValues, rowValues, reuseBounds) => {
          const bounds = Float64Array.from(new Set(boundValues.map((value) => value + 0))).sort();
          // Values equal to bounds and next to them are where off-by-one errors live.
          const values = reuseBounds ? [...rowValues, ...bounds] : rowValues;
          const bins = toFeatureBins([bounds, Float64Array.of(0.5)]);
          const matrix = toFeatureMatrix(values.map((value) => [value, value]));
          const size = matrix.nRows * 2;
          const slots = new Uint16Array(size);
          binRowRange(matrix, bins, 0, matrix.nRows, slots, new Uint16Array(size), new Uint8Array(2));
          const missing = bounds.length + 1;
          const expected = values.flatMap((value) => {
            const first = binOf(value, bounds);
            const second = binOf(value, Float64Array.of(0.5));
            return [first === 255 ? missing : first, bins.slotOffsets[1]! + (second === 255 ? 2 : second)];
          });
          expect(Array.from(slots)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('sortNumbers', () => {
  it('sorts short columns with the built-in sort and long ones by radix, in the same order', () => {
    // 20,000 numbers pass the radix threshold (16,384): with repeats, both zeros and wide magnitudes.
    let state = 7;
    const numbers = Float64Array.from({ length: 20_000 }, (_, index) => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      if (index % 5 === 0) return index % 2 === 0 ? 0 : -0;
      return ((state / 2_147_483_648) * 2 - 1) * 10 ** ((index % 40) - 20);
    });
    const expected = Float64Array.from(numbers).sort();
    const sorted = sortNumbers(Float64Array.from(numbers));
    expect(Array.from(sorted, (value, index) => Object.is(value, expected[index]))).not.toContain(false);
    expect(Array.from(sortNumbers(Float64Array.of(2, -0, 0, -1)))).toEqual([-1, -0, 0, 2]);
  });

  it('puts −0 before 0 and negative numbers before positive ones, as Float64Array sort does', () => {
    const sorted = radixSortNumbers(Float64Array.of(3, -0, 5e-324, -1e308, 0, -2.5, -5e-324, 2));
    expect(Array.from(sorted)).toEqual([-1e308, -2.5, -5e-324, -0, 0, 5e-324, 2, 3]);
    expect(Object.is(sorted[3], -0)).toBe(true);
    expect(Object.is(sorted[4], 0)).toBe(true);
  });

  it('orders any numbers exactly as Float64Array.prototype.sort', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.double({ noNaN: true }), fc.integer({ min: -3, max: 3 }), fc.constantFrom(0, -0)),
          { maxLength: 400 },
        ),
        (numbers) => {
          const expected = Float64Array.from(numbers).sort();
          const sorted = radixSortNumbers(Float64Array.from(numbers));
          // Object.is tells −0 from 0, which toEqual on typed arrays may not.
          expect(Array.from(sorted, (value, index) => Object.is(value, expected[index]))).not.toContain(
            false,
          );
          expect(sorted).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
