import { KizunaValidationError } from '@kizuna/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logLoss } from '../evaluation/probability-metrics';
import { rocAuc } from '../evaluation/ranking-metrics';
import { loadTelcoData } from '../test-support/telco-data';
import { trainGradientBoostedTrees } from './train-gradient-boosted-trees';

const telco = loadTelcoData();

function catchError(run: () => unknown): KizunaValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof KizunaValidationError) return error;
    throw error;
  }
  throw new Error('expected a KizunaValidationError');
}

describe('trainGradientBoostedTrees', { timeout: 120_000 }, () => {
  it('takes one Newton step per leaf: −G / (H + λ) times the learning rate', () => {
    // Prior 0.5 → base score 0, p = 0.5: g = p − y = ±0.5, h = 0.25 per row. Left leaf (y = 0):
    // −0.5 / 0.25 = −2 with λ = 0; −0.5 / 1.25 = −0.4 with λ = 1.
    const withoutPenalty = trainGradientBoostedTrees({
      features: [[0], [1]],
      labels: [0, 1],
      nEstimators: 1,
      maxDepth: 1,
      learningRate: 1,
      l2Regularization: 0,
      minChildWeight: 0,
    });
    expect(Array.from(withoutPenalty.predictRaw([[0], [1]]))).toEqual([-2, 2]);
    const withPenalty = trainGradientBoostedTrees({
      features: [[0], [1]],
      labels: [0, 1],
      nEstimators: 1,
      maxDepth: 1,
      learningRate: 1,
      l2Regularization: 1,
      minChildWeight: 0,
    });
    expect(withPenalty.predictRaw([[0]])[0]).toBeCloseTo(-0.4, 12);
    expect(withoutPenalty.ensemble.baseScore).toBe(0);
  });

  it('splits at the midpoint between distinct values and reports the split gain', () => {
    // Gain = ½ (Gₗ²/Hₗ + Gᵣ²/Hᵣ − G²/H) = ½ (0.25/0.25 + 0.25/0.25 − 0) = 1.
    const model = trainGradientBoostedTrees({
      features: [[0], [1]],
      labels: [0, 1],
      nEstimators: 1,
      maxDepth: 1,
      l2Regularization: 0,
      minChildWeight: 0,
      featureNames: ['usage'],
    });
    expect(model.ensemble.threshold[0]).toBe(0.5);
    expect(model.featureImportance()).toEqual([{ feature: 'usage', gain: 1, share: 1, splits: 1 }]);
  });

  it('learns a threshold rule', () => {
    const features = Array.from({ length: 100 }, (_, index) => [index, (index * 37) % 11]);
    const labels = features.map(([x]) => (x! >= 50 ? 1 : 0));
    const model = trainGradientBoostedTrees({ features, labels, nEstimators: 20 });
    const [low, high] = model.predictProbability([
      [20, 3],
      [80, 3],
    ]);
    expect(low).toBeLessThan(0.2);
    expect(high).toBeGreaterThan(0.8);
  });

  it('learns where missing values go at each split', () => {
    const features = [[1], [2], [3], [4], [NaN], [NaN], [NaN]];
    const labels = [0, 0, 0, 0, 1, 1, 1];
    const model = trainGradientBoostedTrees({ features, labels, nEstimators: 10, minChildWeight: 0 });
    const [missing, present] = model.predictProbability([[NaN], [2]]);
    expect(missing).toBeGreaterThan(0.5);
    expect(present).toBeLessThan(0.5);
  });

  it('sends an unseen missing value to the heavier child', () => {
    // No NaN in training: the split at 1.5 has 1 row left and 3 right, so NaN follows the right side.
    const model = trainGradientBoostedTrees({
      features: [[1], [2], [2], [2]],
      labels: [0, 1, 1, 1],
      nEstimators: 1,
      maxDepth: 1,
      minChildWeight: 0,
    });
    expect(model.predictRaw([[NaN]])[0]).toBe(model.predictRaw([[2]])[0]);
  });

  it('does not split below minSamplesLeaf or minChildWeight', () => {
    const features = [[1], [2], [3], [4]];
    const labels = [0, 0, 1, 1];
    const bySamples = trainGradientBoostedTrees({ features, labels, nEstimators: 1, minSamplesLeaf: 3 });
    expect(bySamples.ensemble.feature[0]).toBe(-1);
    // Each row's hessian is 0.25: a child of 2 rows weighs 0.5 < 0.6.
    const byWeight = trainGradientBoostedTrees({ features, labels, nEstimators: 1, minChildWeight: 0.6 });
    expect(byWeight.ensemble.feature[0]).toBe(-1);
    const allowed = trainGradientBoostedTrees({ features, labels, nEstimators: 1, minChildWeight: 0.5 });
    expect(allowed.ensemble.feature[0]).toBe(0);
  });

  it('weights the classes in the prior: 3 negatives and 1 positive weighted 3 give base score 0', () => {
    const features = [[1], [2], [3], [4]];
    const labels = [0, 0, 0, 1];
    const weighted = trainGradientBoostedTrees({
      features,
      labels,
      nEstimators: 1,
      classWeights: { 0: 1, 1: 3 },
    });
    expect(weighted.ensemble.baseScore).toBe(0);
    const balanced = trainGradientBoostedTrees({
      features,
      labels,
      nEstimators: 1,
      classWeights: 'balanced',
    });
    expect(balanced.ensemble.baseScore).toBeCloseTo(0, 12);
    const plain = trainGradientBoostedTrees({ features, labels, nEstimators: 1 });
    expect(plain.ensemble.baseScore).toBeCloseTo(Math.log(1 / 3), 12);
  });

  it('stops early when the validation loss stops improving', () => {
    const features = Array.from({ length: 400 }, (_, index) => [
      (index * 7919) % 400,
      (index * 104_729) % 97,
    ]);
    const labels = features.map((_, index) => ((index * 31) % 7 < 3 ? 1 : 0));
    const model = trainGradientBoostedTrees({
      features,
      labels,
      nEstimators: 200,
      validationFraction: 0.25,
      earlyStoppingRounds: 5,
    });
    const training = model.training!;
    expect(training.roundsRun).toBeLessThan(200);
    expect(training.roundsRun).toBe(training.treesKept + 5);
    expect(model.treeCount).toBe(training.treesKept);
    const best = Math.min(...training.validationLoss);
    expect(training.validationLoss[training.treesKept - 1]).toBe(best);
  });

  it('samples rows and columns deterministically for a seed', () => {
    const features = Array.from({ length: 300 }, (_, index) => [
      index % 17,
      (index * 13) % 29,
      (index * 7) % 5,
    ]);
    const labels = features.map(([a, b]) => (a! + b! > 20 ? 1 : 0));
    const options = { features, labels, nEstimators: 15, rowSampleRate: 0.7, columnSampleRate: 0.67 };
    const first = trainGradientBoostedTrees({ ...options, seed: 7 });
    const again = trainGradientBoostedTrees({ ...options, seed: 7 });
    const other = trainGradientBoostedTrees({ ...options, seed: 8 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(first));
  });

  it('accepts a row-major Float64Array with nFeatures', () => {
    const rows = [
      [1, 5],
      [2, 4],
      [3, 3],
      [4, 2],
    ];
    const fromArrays = trainGradientBoostedTrees({ features: rows, labels: [0, 0, 1, 1], nEstimators: 3 });
    const fromMatrix = trainGradientBoostedTrees({
      features: Float64Array.from(rows.flat()),
      nFeatures: 2,
      labels: [0, 0, 1, 1],
      nEstimators: 3,
    });
    expect(JSON.stringify(fromMatrix)).toBe(JSON.stringify(fromArrays));
  });

  it.skipIf(telco === null)(
    'reaches the reference ROC AUC on the Telco 80/20 split',
    () => {
      const data = telco!;
      const model = trainGradientBoostedTrees({
        features: data.trainRows,
        labels: data.trainLabels,
        featureNames: data.featureNames,
      });
      const probabilities = model.predictProbability(data.testRows);
      // XGBoost hist 0.843 and sklearn GBC 0.838 on this split (data README); the target is ≥ best − 0.003.
      expect(rocAuc(data.testLabels, probabilities)).toBeGreaterThanOrEqual(0.84);
      expect(logLoss(data.testLabels, probabilities)).toBeLessThan(0.43);
      expect(JSON.stringify(model).length).toBeLessThan(200_000);
    },
    60_000,
  );

  describe('bad input', () => {
    const features = [[1], [2], [3]];
    it('rejects empty data', () => {
      expect(catchError(() => trainGradientBoostedTrees({ features: [], labels: [] })).message).toContain(
        'expected at least one row',
      );
    });
    it('rejects ragged rows, naming the row', () => {
      const error = catchError(() => trainGradientBoostedTrees({ features: [[1, 2], [3]], labels: [0, 1] }));
      expect(error.issues[0]!.path).toBe('[1]');
      expect(error.message).toContain('expected 2 features, received 1');
    });
    it('rejects rows of the wrong width for the model', () => {
      const model = trainGradientBoostedTrees({ features, labels: [0, 1, 1], nEstimators: 1 });
      expect(catchError(() => model.predictProbability([[1, 2]])).message).toContain('expected 1 features');
      expect(catchError(() => model.explain([1, 2])).message).toContain('expected 1 features');
    });
    it('rejects a Float64Array whose length is not a multiple of nFeatures', () => {
      const error = catchError(() =>
        trainGradientBoostedTrees({ features: new Float64Array(5), nFeatures: 2, labels: [0, 1] }),
      );
      expect(error.message).toContain('not a multiple of nFeatures 2');
    });
    it('rejects non-finite labels and labels other than 0/1', () => {
      expect(
        catchError(() => trainGradientBoostedTrees({ features, labels: [0, NaN, 1] })).issues[0],
      ).toEqual({
        path: '[1]',
        message: 'expected a finite label, 0 or 1',
      });
      expect(catchError(() => trainGradientBoostedTrees({ features, labels: [0, 2, 1] })).message).toContain(
        'expected 0 or 1, received 2',
      );
      expect(catchError(() => trainGradientBoostedTrees({ features, labels: [0, 1] })).message).toContain(
        'expected 3 labels',
      );
    });
    it('rejects a single class', () => {
      expect(catchError(() => trainGradientBoostedTrees({ features, labels: [1, 1, 1] })).message).toContain(
        'only one class present',
      );
    });
    it('rejects infinite and non-number features but accepts NaN as missing', () => {
      expect(
        catchError(() => trainGradientBoostedTrees({ features: [[1], [Infinity], [3]], labels: [0, 1, 1] }))
          .issues[0]!.path,
      ).toBe('[1][0]');
      expect(
        catchError(() =>
          trainGradientBoostedTrees({ features: [[1], ['2' as unknown as number], [3]], labels: [0, 1, 1] }),
        ).message,
      ).toContain('expected a finite number or NaN');
      expect(() =>
        trainGradientBoostedTrees({ features: [[1], [NaN], [3]], labels: [0, 1, 1] }),
      ).not.toThrow();
    });
    it('names the first ±∞ of a row-major Float64Array by row and column', () => {
      // Values 4 and 5 (row 2, columns 0 and 1) are −∞ and +∞: the first is reported.
      const values = Float64Array.of(1, 2, NaN, 3, -Infinity, Infinity);
      const issue = catchError(() =>
        trainGradientBoostedTrees({ features: values, nFeatures: 2, labels: [0, 1, 1] }),
      ).issues[0]!;
      expect(issue.path).toBe('[2][0]');
      expect(issue.message).toContain('expected a finite number or NaN');
    });
    it('rejects bad options and feature names, naming the field', () => {
      expect(
        catchError(() => trainGradientBoostedTrees({ features, labels: [0, 1, 1], maxDepth: 0 })).issues[0]!
          .path,
      ).toBe('maxDepth');
      expect(
        catchError(() => trainGradientBoostedTrees({ features, labels: [0, 1, 1], featureNames: ['a', 'b'] }))
          .message,
      ).toContain('expected 1 names');
    });
  });

  describe('invariants', { timeout: 120_000 }, () => {
    const dataset = fc
      .integer({ min: 4, max: 40 })
      .chain((nRows) =>
        fc.record({
          features: fc.array(
            fc.array(fc.oneof(fc.double({ min: -100, max: 100, noNaN: true }), fc.constant(Number.NaN)), {
              minLength: 3,
              maxLength: 3,
            }),
            { minLength: nRows, maxLength: nRows },
          ),
          labels: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: nRows, maxLength: nRows }),
        }),
      )
      .filter(({ labels }) => labels.includes(0) && labels.includes(1));

    it('gives probabilities strictly between 0 and 1, and splits only with positive gain', () => {
      fc.assert(
        fc.property(dataset, ({ features, labels }) => {
          const model = trainGradientBoostedTrees({ features, labels, nEstimators: 5, minChildWeight: 0 });
          for (const probability of model.predictProbability(features)) {
            expect(probability).toBeGreaterThan(0);
            expect(probability).toBeLessThan(1);
          }
          model.ensemble.feature.forEach((feature, node) => {
            if (feature >= 0) expect(model.ensemble.gain[node]).toBeGreaterThan(0);
          });
        }),
        { numRuns: 40 },
      );
    });

    it('stores a positive gain for a split whose gain is below float32 range (a case fast-check found)', () => {
      // Missing values and a subnormal feature value, minChildWeight 0: tree 3 splits feature 2 at 0
      // with a positive gain too small for float32, which stored it as 0 before.
      const features = [
        [0, 0, 0],
        [Number.NaN, Number.NaN, Number.NaN],
        [Number.NaN, Number.NaN, Number.NaN],
        [Number.NaN, Number.NaN, Number.NaN],
        [Number.NaN, Number.NaN, 0],
        [0, 0, 5e-324],
      ];
      const model = trainGradientBoostedTrees({
        features,
        labels: [1, 0, 0, 1, 0, 0],
        nEstimators: 5,
        minChildWeight: 0,
      });
      const splitGains = model.ensemble.gain.filter((_, node) => model.ensemble.feature[node]! >= 0);
      expect(splitGains.length).toBeGreaterThan(0);
      for (const gain of splitGains) expect(gain).toBeGreaterThan(0);
    });

    it('never increases the training loss with a tree of splits', () => {
      fc.assert(
        fc.property(dataset, fc.integer({ min: 1, max: 4 }), ({ features, labels }, maxDepth) => {
          const model = trainGradientBoostedTrees({
            features,
            labels,
            nEstimators: 1,
            maxDepth,
            minChildWeight: 0,
          });
          const prior = labels.reduce((sum, label) => sum + label, 0) / labels.length;
          const before = logLoss(labels, new Array(labels.length).fill(prior));
          expect(logLoss(labels, model.predictProbability(features))).toBeLessThanOrEqual(before + 1e-12);
        }),
        { numRuns: 40 },
      );
    });

    it('gives the identical model for the same seed', () => {
      fc.assert(
        fc.property(dataset, fc.integer(), ({ features, labels }, seed) => {
          const options = {
            features,
            labels,
            nEstimators: 4,
            rowSampleRate: 0.8,
            columnSampleRate: 0.7,
            seed,
          };
          expect(JSON.stringify(trainGradientBoostedTrees(options))).toBe(
            JSON.stringify(trainGradientBoostedTrees(options)),
          );
        }),
        { numRuns: 20 },
      );
    });
  });
});
