import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBatchScratch, scoreRowRange, toBatchPredictor } from './batch-predictor';
import type { GradientBoostedTreesModel } from './gradient-boosted-trees';
import { trainGradientBoostedTrees } from './train-gradient-boosted-trees';
import { leafOf } from './tree-ensemble';

const features = Array.from({ length: 400 }, (_, index) => [
  index % 17,
  (index * 7) % 23,
  index % 9 === 0 ? Number.NaN : (index * 13) % 31,
]);
const labels = features.map(([a, b], index) => (a! + b! > 20 || index % 7 === 0 ? 1 : 0));
const depthFour = trainGradientBoostedTrees({ features, labels, nEstimators: 15, maxDepth: 4 });
// Depth 5 has its own written-out walk.
const depthFive = trainGradientBoostedTrees({ features, labels, nEstimators: 15, maxDepth: 5 });

/** The node-by-node walk of every tree, the reference the batch paths must match bit for bit. */
function walked(model: GradientBoostedTreesModel, row: readonly number[]): number {
  let score = model.ensemble.baseScore;
  for (let tree = 0; tree < model.treeCount; tree += 1)
    score += model.ensemble.value[leafOf(model.ensemble, tree, row)]!;
  return score;
}

describe('scoreRowRange', { timeout: 120_000 }, () => {
  it('a stump by hand: split at 4 (midway between 3 and 5); 2.5 and 4 go left, 4.5 and +∞ right, NaN the learned way (left)', () => {
    const stump = trainGradientBoostedTrees({
      features: [[1], [2], [3], [5], [6], [7], [Number.NaN], [Number.NaN]],
      labels: [0, 0, 0, 1, 1, 1, 0, 0],
      nEstimators: 1,
      maxDepth: 1,
      minSamplesLeaf: 1,
      minChildWeight: 0,
    });
    const predictor = toBatchPredictor(stump.ensemble);
    const values = Float64Array.from([2.5, 4, 4.5, Number.NaN, Number.POSITIVE_INFINITY]);
    const scores = new Float64Array(5);
    scoreRowRange(predictor, values, 0, 5, scores, createBatchScratch(predictor));
    const { ensemble } = stump;
    const left = ensemble.value[1]!;
    const right = ensemble.value[ensemble.right[0]!]!;
    expect(ensemble.threshold[0]).toBe(4);
    expect(ensemble.missingLeft[0]).toBe(1);
    expect(Array.from(scores)).toEqual([
      ensemble.baseScore + left,
      ensemble.baseScore + left,
      ensemble.baseScore + right,
      ensemble.baseScore + left,
      ensemble.baseScore + right,
    ]);
    expect(left).toBeLessThan(0);
    expect(right).toBeGreaterThan(0);
  });

  it.each([
    ['4', 'WebAssembly', depthFour],
    ['5', 'WebAssembly', depthFive],
    ['4', 'JavaScript', depthFour],
    ['5', 'JavaScript', depthFive],
  ])(
    'depth %s, %s kernel: fills only the asked range, identical to the node walk on every path (with and without NaN)',
    (depth, kernel, model) => {
      const predictor = toBatchPredictor(model.ensemble, { webAssembly: kernel === 'WebAssembly' });
      expect(predictor.layout.depth).toBe(Number(depth));
      expect(predictor.webAssembly === null).toBe(kernel === 'JavaScript');
      // Values exactly at split thresholds (they go left), integers like the training data, any double.
      const thresholds = Array.from(model.ensemble.threshold).filter(
        (_, node) => model.ensemble.feature[node]! >= 0,
      );
      const value = fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...thresholds) },
        { weight: 4, arbitrary: fc.integer({ min: -2, max: 40 }) },
        { weight: 4, arbitrary: fc.double({ min: -50, max: 50, noNaN: true }) },
        { weight: 1, arbitrary: fc.constantFrom(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY) },
      );
      fc.assert(
        fc.property(
          // Up to 600 rows: several 256-row blocks and 8-row tails. NaN is rare (one row in ~300)
          // so that most blocks take the raw-threshold path and some the binned one.
          fc.array(fc.array(value, { minLength: 3, maxLength: 3 }), {
            minLength: 1,
            maxLength: 600,
            size: 'max',
          }),
          fc.array(fc.nat(), { maxLength: 2 }),
          fc.nat(),
          fc.nat(),
          (rows, missingAt, a, b) => {
            for (const at of missingAt) rows[at % rows.length]![at % 3] = Number.NaN;
            const values = Float64Array.from(rows.flat());
            const start = a % rows.length;
            const end = start + 1 + (b % (rows.length - start));
            const scores = new Float64Array(rows.length).fill(-7);
            scoreRowRange(predictor, values, start, end, scores, createBatchScratch(predictor));
            rows.forEach((row, index) => {
              expect(scores[index]).toBe(index >= start && index < end ? walked(model, row) : -7);
            });
          },
        ),
        { numRuns: 30 },
      );
    },
  );

  it('a model too wide for the binned packing still handles NaN with the general walk', () => {
    const wide = trainGradientBoostedTrees({
      features: Array.from({ length: 60 }, (_, row) =>
        Array.from({ length: 300 }, (_, column) => ((row * 31 + column * 7) % 13) + (column === 5 ? row : 0)),
      ),
      labels: Array.from({ length: 60 }, (_, row) => (row % 2 === 0 ? 1 : 0)),
      nEstimators: 3,
      maxDepth: 2,
    });
    const predictor = toBatchPredictor(wide.ensemble);
    expect(predictor.binned).toBeNull();
    const rows = [Array.from({ length: 300 }, (_, column) => (column === 5 ? Number.NaN : column % 13))];
    const scores = new Float64Array(1);
    scoreRowRange(predictor, Float64Array.from(rows.flat()), 0, 1, scores, createBatchScratch(predictor));
    let expected = wide.ensemble.baseScore;
    for (let tree = 0; tree < wide.treeCount; tree += 1)
      expected += wide.ensemble.value[leafOf(wide.ensemble, tree, rows[0]!)]!;
    expect(scores[0]).toBe(expected);
  });
});
