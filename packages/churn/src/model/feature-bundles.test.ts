import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeBundleRows, expandBundles, type FeatureBundles, planFeatureBundles } from './feature-bundles';

/** Plans the bundles of binned rows (a feature has a missing state when a row misses it) and codes every row. */
function bundleFeatures(
  binned: Uint16Array,
  nRows: number,
  nFeatures: number,
  binCounts: Uint16Array,
  slotOffsets: Int32Array,
  slotCount: number,
  maxCodes: number,
): FeatureBundles & { codes: Uint16Array } {
  const hasMissing = new Uint8Array(nFeatures);
  binned.forEach((slot, at) => {
    const feature = at % nFeatures;
    if (slot === slotOffsets[feature]! + binCounts[feature]!) hasMissing[feature] = 1;
  });
  const bundles = planFeatureBundles(hasMissing, binCounts, slotOffsets, slotCount, maxCodes);
  const codes = new Uint16Array(nRows * bundles.count);
  codeBundleRows(bundles, binned, nFeatures, 0, nRows, codes);
  return { ...bundles, codes };
}

/** Histogram through the bundles: one addition per bundle per row, then the expansion. */
function bundledHistogram(
  binned: Uint16Array,
  nRows: number,
  nFeatures: number,
  binCounts: Uint16Array,
  slotOffsets: Int32Array,
  slotCount: number,
  gradients: readonly number[],
  maxCodes: number,
): Float64Array {
  const bundles = bundleFeatures(binned, nRows, nFeatures, binCounts, slotOffsets, slotCount, maxCodes);
  const histogram = new Float64Array(2 * (slotCount + bundles.extraSlots));
  for (let row = 0; row < nRows; row += 1) {
    for (let bundle = 0; bundle < bundles.count; bundle += 1) {
      const at = 2 * bundles.codes[row * bundles.count + bundle]!;
      histogram[at]! += gradients[row]!;
      histogram[at + 1]! += 1;
    }
  }
  expandBundles(histogram, bundles, slotCount);
  return histogram.subarray(0, 2 * slotCount);
}

describe('planFeatureBundles and codeBundleRows', { timeout: 120_000 }, () => {
  it('codes two binary flags as one four-valued bundle and expands it back', () => {
    // Features a, b with 2 bins each: slots a0 = 0, a1 = 1, a-missing = 2, b0 = 3, b1 = 4, b-missing = 5.
    // Rows (a, b) = (0, 1), (1, 1), (1, 0) with gradients 1, 2, 4. Expected per-feature sums:
    // a0 = 1, a1 = 2 + 4 = 6; b0 = 4, b1 = 1 + 2 = 3; counts a0 1, a1 2, b0 1, b1 2.
    const binned = Uint16Array.of(0, 4, 1, 4, 1, 3);
    const binCounts = Uint16Array.of(2, 2);
    const slotOffsets = Int32Array.of(0, 3);
    const bundles = bundleFeatures(binned, 3, 2, binCounts, slotOffsets, 6, 4);
    expect(bundles.count).toBe(1);
    expect(bundles.extraSlots).toBe(4);
    // Code = a + 2·b, past the 6 feature slots.
    expect(Array.from(bundles.codes)).toEqual([6 + 2, 6 + 3, 6 + 1]);
    const histogram = bundledHistogram(binned, 3, 2, binCounts, slotOffsets, 6, [1, 2, 4], 4);
    expect(Array.from(histogram)).toEqual([1, 1, 6, 2, 0, 0, 4, 1, 3, 2, 0, 0]);
  });

  it('keeps a feature with too many states alone, in its own slots', () => {
    const binned = Uint16Array.of(0, 10, 3, 11);
    const bundles = bundleFeatures(binned, 2, 2, Uint16Array.of(9, 2), Int32Array.of(0, 10), 13, 8);
    expect(bundles.count).toBe(2);
    expect(bundles.extraSlots).toBe(0);
    expect(Array.from(bundles.codes)).toEqual([0, 10, 3, 11]);
  });

  it('gives every feature the histogram of direct accumulation, missing values included', () => {
    const matrix = fc
      .record({
        bins: fc.array(fc.integer({ min: 2, max: 9 }), { minLength: 1, maxLength: 7 }),
        seed: fc.array(fc.nat(), { minLength: 1, maxLength: 200 }),
        maxCodes: fc.integer({ min: 2, max: 300 }),
      })
      .map(({ bins, seed, maxCodes }) => ({ bins, nRows: seed.length, seed, maxCodes }));
    fc.assert(
      fc.property(matrix, ({ bins, nRows, seed, maxCodes }) => {
        const nFeatures = bins.length;
        const binCounts = Uint16Array.from(bins);
        const slotOffsets = new Int32Array(nFeatures);
        let slotCount = 0;
        bins.forEach((count, feature) => {
          slotOffsets[feature] = slotCount;
          slotCount += count + 1;
        });
        const binned = new Uint16Array(nRows * nFeatures);
        const gradients: number[] = [];
        const direct = new Float64Array(2 * slotCount);
        for (let row = 0; row < nRows; row += 1) {
          gradients.push(((seed[row]! % 17) - 8) / 4);
          for (let feature = 0; feature < nFeatures; feature += 1) {
            // State bins[feature] is the missing slot.
            const state = (seed[row]! * (feature + 7) + row) % (bins[feature]! + 1);
            const slot = slotOffsets[feature]! + state;
            binned[row * nFeatures + feature] = slot;
            direct[2 * slot]! += gradients[row]!;
            direct[2 * slot + 1]! += 1;
          }
        }
        const bundled = bundledHistogram(
          binned,
          nRows,
          nFeatures,
          binCounts,
          slotOffsets,
          slotCount,
          gradients,
          maxCodes,
        );
        for (let at = 0; at < direct.length; at += 1) {
          expect(Math.abs(bundled[at]! - direct[at]!)).toBeLessThan(1e-9);
        }
        // Coding rows in two ranges (as two threads do) gives the codes of one pass.
        const whole = bundleFeatures(binned, nRows, nFeatures, binCounts, slotOffsets, slotCount, maxCodes);
        const split = new Uint16Array(whole.codes.length);
        const middle = seed[0]! % (nRows + 1);
        codeBundleRows(whole, binned, nFeatures, middle, nRows, split);
        codeBundleRows(whole, binned, nFeatures, 0, middle, split);
        expect(split).toEqual(whole.codes);
      }),
      { numRuns: 200 },
    );
  });
});
