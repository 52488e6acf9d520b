import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadTelcoData } from '../test-support/telco-data';
import { trainGradientBoostedTrees } from './train-gradient-boosted-trees';
import { leafOf } from './tree-ensemble';
import { addTreeShap } from './tree-shap';

/** The explanation's contributions minus the recursive algorithm's, largest absolute difference. */
function largestDifference(model: ReturnType<typeof trainGradientBoostedTrees>, row: number[]): number {
  const direct = new Float64Array(model.nFeatures);
  addTreeShap(model.ensemble, row, direct);
  const explanation = model.explain(row);
  return Math.max(
    ...explanation.contributions.map((part, feature) => Math.abs(part.contribution - direct[feature]!)),
  );
}

const telco = loadTelcoData();

describe('explain', { timeout: 120_000 }, () => {
  it('gives a one-split tree its whole deviation from the mean on the split feature', () => {
    // Leaves −2 (x ≤ 0.5) and +2, each covering half the hessian: bias = ½·(−2) + ½·2 = 0, and for
    // x = 0 the feature contributes the full −2; the unused feature contributes nothing.
    const model = trainGradientBoostedTrees({
      features: [
        [0, 5],
        [1, 5],
      ],
      labels: [0, 1],
      nEstimators: 1,
      maxDepth: 1,
      learningRate: 1,
      l2Regularization: 0,
      minChildWeight: 0,
      featureNames: ['usage', 'tickets'],
    });
    const explanation = model.explain([0, 5]);
    expect(explanation.bias).toBe(0);
    expect(explanation.rawScore).toBe(-2);
    expect(explanation.probability).toBeCloseTo(1 / (1 + Math.exp(2)), 15);
    expect(explanation.contributions).toEqual([
      { feature: 'usage', value: 0, contribution: -2 },
      { feature: 'tickets', value: 5, contribution: 0 },
    ]);
  });

  it('splits credit equally between two features of an AND rule with equal covers', () => {
    // y = a AND b over the four combinations; at the reached leaf (a = b = 1) symmetric features
    // must get equal contributions (Shapley symmetry).
    const features = [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ];
    const model = trainGradientBoostedTrees({
      features: [...features, ...features],
      labels: [0, 0, 0, 1, 0, 0, 0, 1],
      nEstimators: 1,
      maxDepth: 2,
      minChildWeight: 0,
      l2Regularization: 0,
      learningRate: 1,
    });
    const [first, second] = model.explain([1, 1]).contributions;
    expect(first!.contribution).toBeCloseTo(second!.contribution, 12);
    expect(first!.contribution).toBeGreaterThan(0);
  });

  it('sums with the bias to the raw score within 1e-9', () => {
    const rows = fc.array(
      fc.array(fc.oneof(fc.double({ min: -50, max: 50, noNaN: true }), fc.constant(Number.NaN)), {
        minLength: 4,
        maxLength: 4,
      }),
      { minLength: 8, maxLength: 60 },
    );
    fc.assert(
      fc.property(rows, fc.integer({ min: 1, max: 6 }), fc.integer(), (features, maxDepth, seed) => {
        const labels = features.map((row, index) => (row[0]! > 0 !== (index % 3 === 0) ? 1 : 0));
        fc.pre(labels.includes(0) && labels.includes(1));
        const model = trainGradientBoostedTrees({
          features,
          labels,
          nEstimators: 8,
          maxDepth,
          minChildWeight: 0,
          rowSampleRate: 0.8,
          seed,
        });
        const raw = model.predictRaw(features);
        features.forEach((row, index) => {
          const explanation = model.explain(row);
          const total = explanation.contributions.reduce(
            (sum, part) => sum + part.contribution,
            explanation.bias,
          );
          expect(Math.abs(total - explanation.rawScore)).toBeLessThan(1e-9);
          expect(Math.abs(explanation.rawScore - raw[index]!)).toBeLessThan(1e-12);
          // The tabulated contributions equal the recursive path-dependent algorithm's.
          const direct = new Float64Array(4);
          addTreeShap(model.ensemble, row, direct);
          explanation.contributions.forEach((part, feature) => {
            expect(Math.abs(part.contribution - direct[feature]!)).toBeLessThan(1e-9);
          });
        });
      }),
      { numRuns: 40 },
    );
  });

  it.skipIf(telco === null)('agrees with the recursive algorithm on every Telco test row', () => {
    const model = trainGradientBoostedTrees({
      features: telco!.trainRows,
      labels: telco!.trainLabels,
      featureNames: telco!.featureNames,
    });
    const raw = model.predictRaw(telco!.testRows);
    let worst = 0;
    telco!.testRows.forEach((row, index) => {
      worst = Math.max(worst, largestDifference(model, row));
      expect(model.explain(row).rawScore).toBe(raw[index]);
    });
    expect(worst).toBeLessThan(1e-12);
  });

  it('explains leaves deeper than the tables reach (more than 6 distinct features on a path)', () => {
    // Ten features, depth 9: many leaves have 7+ distinct features on their path and are explained
    // on the fly; the raw score still equals the node-by-node walk.
    const features = Array.from({ length: 400 }, (_, row) =>
      Array.from({ length: 10 }, (_, column) => ((row * (column + 3) * 7919) % 101) / 10),
    );
    const labels = features.map((row) => (row.reduce((sum, value) => sum + value, 0) > 50 ? 1 : 0));
    const model = trainGradientBoostedTrees({
      features,
      labels,
      nEstimators: 5,
      maxDepth: 9,
      minChildWeight: 0,
    });
    let deepestPath = 0;
    const walkDepth = (node: number, seen: readonly number[]): void => {
      const split = model.ensemble.feature[node]!;
      if (split < 0) {
        deepestPath = Math.max(deepestPath, seen.length);
        return;
      }
      const below = seen.includes(split) ? seen : [...seen, split];
      walkDepth(node + 1, below);
      walkDepth(model.ensemble.right[node]!, below);
    };
    walkDepth(model.ensemble.treeStarts[0]!, []);
    expect(deepestPath).toBeGreaterThan(6);
    for (const row of features.slice(0, 60)) {
      expect(largestDifference(model, row)).toBeLessThan(1e-12);
      let walked = model.ensemble.baseScore;
      for (let tree = 0; tree < model.treeCount; tree += 1)
        walked += model.ensemble.value[leafOf(model.ensemble, tree, row)]!;
      expect(model.explain(row).rawScore).toBe(walked);
    }
  });
});
