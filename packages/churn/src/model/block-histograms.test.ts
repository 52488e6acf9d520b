import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  accumulateHistogram,
  allFeaturesKernel,
  foldPartialHistogram,
  type HistogramSource,
  sampledFeaturesKernel,
} from './block-histograms';

/** Two features of 3 and 2 slots (slots 0–2 and 3–4), rows given by their slots. */
function source(
  slots: readonly [number, number][],
  gradients: readonly number[],
  stride: number,
): HistogramSource {
  return {
    rows: Uint32Array.from(slots.keys()),
    binned: Uint16Array.from(slots.flat()),
    nFeatures: 2,
    bundleCodes: new Uint16Array(0),
    bundleCount: 0,
    gradients: Float64Array.from(gradients.flatMap((gradient) => [gradient, 0.25])),
    features: Int32Array.of(0, 1),
    stride,
    histogramSize: 5 * stride,
    bufferSize: 5 * stride,
  };
}

describe('accumulateHistogram and foldPartialHistogram', () => {
  it('adds each row once per feature: rows (slot 0, 3) g 1 and (slot 0, 4) g −2', () => {
    const rows = source(
      [
        [0, 3],
        [0, 4],
      ],
      [1, -2],
      3,
    );
    const histogram = new Float64Array(15);
    accumulateHistogram(histogram, new Float64Array(15), rows, 0, 2, sampledFeaturesKernel, 2);
    // Slot 0: g 1 − 2 = −1, h 0.5, 2 rows; slot 3: g 1, h 0.25, 1 row; slot 4: g −2, h 0.25, 1 row.
    expect(Array.from(histogram)).toEqual([-1, 0.5, 2, 0, 0, 0, 0, 0, 0, 1, 0.25, 1, -2, 0.25, 1]);
  });

  it('folds a block into a node exactly as adding the two histograms, and leaves the partial zeroed', () => {
    const slotPairs = fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 3, max: 4 }));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(slotPairs, fc.double({ min: -1, max: 1, noNaN: true })), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 10, maxLength: 10 }),
        fc.integer({ min: 0, max: 39 }),
        (rows, nodeValues, split) => {
          const cut = Math.min(split, rows.length);
          const data = source(
            rows.map(([slots]) => slots),
            rows.map(([, gradient]) => gradient),
            2,
          );
          const node = Float64Array.from(nodeValues, (value) => value + 0);
          const partial = new Float64Array(10);
          accumulateHistogram(partial, new Float64Array(10), data, cut, rows.length, allFeaturesKernel, 2);
          const expected = node.map((value, at) => value + partial[at]!);
          foldPartialHistogram(node, partial, data, cut, rows.length, allFeaturesKernel, 2, 10);
          expect(Array.from(node)).toEqual(Array.from(expected));
          expect(partial.every((value) => value === 0)).toBe(true);
        },
      ),
    );
  });
});
