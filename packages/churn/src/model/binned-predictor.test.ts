import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { predictBinned, toBinnedPredictor } from './binned-predictor';
import { trainGradientBoostedTrees } from './train-gradient-boosted-trees';
import { leafOf, predictRawScores, toHeapLayout } from './tree-ensemble';

const features = Array.from({ length: 300 }, (_, index) => [
  index % 17,
  (index * 7) % 23,
  index % 9 === 0 ? Number.NaN : (index * 13) % 31,
]);
const labels = features.map(([a, b], index) => (a! + b! > 20 || index % 7 === 0 ? 1 : 0));
const model = trainGradientBoostedTrees({ features, labels, nEstimators: 20, maxDepth: 4 });

describe('predictBinned', { timeout: 120_000 }, () => {
  it('agrees exactly with the heap walk and the node-by-node walk, including NaN and ±∞', () => {
    const layout = toHeapLayout(model.ensemble);
    const predictor = toBinnedPredictor(layout, 3)!;
    const value = fc.oneof(
      fc.double({ min: -50, max: 50, noNaN: true }),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(value, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 40 }),
        (rows) => {
          const values = Float64Array.from(rows.flat());
          const binned = predictBinned(predictor, model.ensemble.baseScore, values, rows.length);
          const heap = predictRawScores(layout, model.ensemble.baseScore, values, 3, rows.length);
          rows.forEach((row, index) => {
            let walked = model.ensemble.baseScore;
            for (let tree = 0; tree < model.treeCount; tree += 1)
              walked += model.ensemble.value[leafOf(model.ensemble, tree, row)]!;
            expect(binned[index]).toBe(walked);
            expect(heap[index]).toBe(walked);
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});
