import { KizunaValidationError } from '@kizuna/core';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { logLoss } from '../evaluation/probability-metrics';
import { createSeededRandom } from '../model/seeded-random';
import { trainGradientBoostedTrees } from '../model/train-gradient-boosted-trees';
import { createParallelTrainer, startParallelTrainer } from './parallel-trainer';

const twoThreads = createParallelTrainer({ threads: 2 });
const threeThreads = createParallelTrainer({ threads: 3 });
afterAll(() => Promise.all([twoThreads.close(), threeThreads.close()]));

/**
 * Rows enough for several blocks (16,384 rows make two, 40,000 four): continuous, binary and
 * small-count features, some with missing values, and labels from a noisy rule.
 */
function blockedData(
  seed: number,
  nRows: number,
  nFeatures: number,
): { features: Float64Array; labels: number[] } {
  const random = createSeededRandom(seed);
  const features = new Float64Array(nRows * nFeatures);
  const labels: number[] = [];
  for (let row = 0; row < nRows; row += 1) {
    let score = 0;
    for (let feature = 0; feature < nFeatures; feature += 1) {
      const kind = feature % 3;
      let value =
        kind === 0
          ? Math.round(random() * 10_000) / 100
          : kind === 1
            ? random() < 0.3
              ? 1
              : 0
            : Math.floor(random() * 6);
      score += kind === 0 ? value / 50 : value;
      if (feature === 1 && random() < 0.05) value = Number.NaN;
      features[row * nFeatures + feature] = value;
    }
    labels.push(score + random() * 4 > nFeatures + 1 ? 1 : 0);
  }
  return { features, labels };
}

const trainingOptions = fc.record({
  nEstimators: fc.integer({ min: 1, max: 3 }),
  maxDepth: fc.integer({ min: 1, max: 6 }),
  rowSampleRate: fc.constantFrom(1, 0.7),
  columnSampleRate: fc.constantFrom(1, 0.6),
  minSamplesLeaf: fc.constantFrom(1, 30),
  validationFraction: fc.constantFrom(0, 0.2),
  maxBins: fc.constantFrom(255, 16),
  seed: fc.integer(),
});

describe('createParallelTrainer', { timeout: 300_000 }, () => {
  it('trains the model of trainGradientBoostedTrees bit for bit on 2 and 3 threads, over several blocks of rows', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer(),
        fc.integer({ min: 16_384, max: 40_000 }),
        fc.integer({ min: 2, max: 5 }),
        trainingOptions,
        async (dataSeed, nRows, nFeatures, options) => {
          const { features, labels } = blockedData(dataSeed, nRows, nFeatures);
          const input = { features, nFeatures, labels, ...options };
          const expected = JSON.stringify(trainGradientBoostedTrees(input));
          expect(JSON.stringify(await twoThreads.train(input))).toBe(expected);
          expect(JSON.stringify(await threeThreads.train(input))).toBe(expected);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('trains small data (one block) on the calling thread, with the same model', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.double({ min: -5, max: 5, noNaN: true })), {
          minLength: 4,
          maxLength: 300,
        }),
        trainingOptions,
        async (pairs, options) => {
          const features = pairs.map(([count, level]) => [count, level]);
          const labels = pairs.map(([count, level], index) => (count + level > 14 || index === 0 ? 1 : 0));
          fc.pre(labels.includes(0));
          const input = { features, labels, ...options };
          expect(JSON.stringify(await twoThreads.train(input))).toBe(
            JSON.stringify(trainGradientBoostedTrees(input)),
          );
        },
      ),
      { numRuns: 20 },
    );
  });

  it('lowers the training loss with every tree on 20,000 rows (four blocks per thread pair)', async () => {
    const { features, labels } = blockedData(7, 20_000, 4);
    const losses: number[] = [];
    for (const nEstimators of [1, 2, 3]) {
      const model = await twoThreads.train({ features, nFeatures: 4, labels, nEstimators, maxDepth: 3 });
      losses.push(logLoss(labels, model.predictProbability(features)));
    }
    const prior = labels.reduce((sum, label) => sum + label, 0) / labels.length;
    expect(losses[0]!).toBeLessThan(logLoss(labels, new Array(labels.length).fill(prior)));
    expect(losses[1]!).toBeLessThan(losses[0]!);
    expect(losses[2]!).toBeLessThan(losses[1]!);
  });

  it('rejects bad input and bad options with KizunaValidationError', async () => {
    await expect(twoThreads.train({ features: [[1], [2]], labels: [0, 2] })).rejects.toBeInstanceOf(
      KizunaValidationError,
    );
    expect(() => createParallelTrainer({ threads: 0 })).toThrow(KizunaValidationError);
  });

  it("keeps the calling thread's event loop turning during a fit", async () => {
    const { features, labels } = blockedData(11, 40_000, 5);
    let turns = 0;
    const ticker = setInterval(() => {
      turns += 1;
    }, 1);
    try {
      await twoThreads.train({ features, nFeatures: 5, labels, nEstimators: 20 });
    } finally {
      clearInterval(ticker);
    }
    // The trainer that trained on the calling thread let no timer run until the model was ready.
    expect(turns).toBeGreaterThan(0);
  });

  for (const [thread, how, message] of [
    [1, 'exit', /a training worker stopped \(exit code 1\)/],
    [0, 'exit', /a training worker stopped \(exit code 1\)/],
    [1, 'throw', /a training worker failed: training worker 1 failed on purpose/],
    [0, 'throw', /a training worker failed: training worker 0 failed on purpose/],
  ] as const) {
    it(`rejects instead of waiting for ever when worker ${thread} dies mid-fit (${how}), and closes`, {
      timeout: 60_000,
    }, async () => {
      // 20,000 rows are two blocks: each of the two workers has one. Phase 7 is inside the first tree.
      const trainer = startParallelTrainer(2, { thread, afterPhases: 7, how });
      const { features, labels } = blockedData(3, 20_000, 4);
      const input = { features, nFeatures: 4, labels, nEstimators: 5 };
      await expect(trainer.train(input)).rejects.toThrow(message);
      await expect(trainer.train(input)).rejects.toThrow(message);
      await trainer.close();
    });
  }

  for (const [thread, afterPhases, where] of [
    [0, -1, 'in its setup'],
    [1, -1, 'in its setup'],
    [0, 7, 'mid-fit'],
    [1, 7, 'mid-fit'],
  ] as const) {
    it(`rejects with worker ${thread}'s own error instead of waiting for ever when it fails ${where} and lives on; the trainer stays open`, {
      timeout: 60_000,
    }, async () => {
      const trainer = startParallelTrainer(2, { thread, afterPhases, how: 'fail' });
      const { features, labels } = blockedData(3, 20_000, 4);
      const input = { features, nFeatures: 4, labels, nEstimators: 5 };
      // The root cause, not the lead's "another training thread failed" or an abort.
      const message = `a training worker failed: training worker ${thread} failed on purpose (test hook)`;
      await expect(trainer.train(input)).rejects.toThrow(message);
      // The hook fires in every run; the next run is not queued behind a hung one.
      await expect(trainer.train(input)).rejects.toThrow(message);
      // Small data trains on worker 0 alone, before any phase of the barrier.
      if (thread === 1) {
        const small = { features: [[1], [2], [3], [4]], labels: [0, 1, 0, 1], nEstimators: 2 };
        expect(JSON.stringify(await trainer.train(small))).toBe(
          JSON.stringify(trainGradientBoostedTrees(small)),
        );
      }
      await trainer.close();
    });
  }

  it('starts at most 6 workers, as many as there can be blocks of rows', async () => {
    const trainer = createParallelTrainer({ threads: 8 });
    expect(trainer.threads).toBe(6);
    await trainer.close();
  });

  it('after close, calls reject', async () => {
    const trainer = createParallelTrainer({ threads: 2 });
    await trainer.close();
    await expect(trainer.train({ features: [[1], [2]], labels: [0, 1] })).rejects.toThrow(/closed/);
  });
});
