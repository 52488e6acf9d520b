import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { KizunaValidationError } from '@kizuna/core';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { trainGradientBoostedTrees } from '../model/train-gradient-boosted-trees';
import { createParallelPredictor } from './index';

const features = Array.from({ length: 600 }, (_, index) => [
  index % 17,
  (index * 7) % 23,
  index % 9 === 0 ? Number.NaN : (index * 13) % 31,
]);
const labels = features.map(([a, b], index) => (a! + b! > 20 || index % 7 === 0 ? 1 : 0));
const model = trainGradientBoostedTrees({ features, labels, nEstimators: 30, maxDepth: 5 });
const parallel = createParallelPredictor(model, { threads: 3, minRowsPerThread: 50 });
afterAll(() => parallel.close());

describe('createParallelPredictor', { timeout: 120_000 }, () => {
  it('splits 5,000 rows over 3 threads (rows 0–1,791 here, 1,792–3,583 and 3,584–4,999 on the two workers) and matches predictRaw bit for bit', async () => {
    const rows = Array.from({ length: 5000 }, (_, index) => [
      (index * 5) % 19,
      (index * 3) % 29,
      index % 11 === 0 ? Number.NaN : (index * 17) % 37,
    ]);
    expect(parallel.threads).toBe(3);
    const raw = await parallel.predictRaw(rows);
    const probabilities = await parallel.predictProbability(rows);
    expect(Array.from(raw)).toEqual(Array.from(model.predictRaw(rows)));
    expect(Array.from(probabilities)).toEqual(Array.from(model.predictProbability(rows)));
  });

  it('any batch, shared or not, with NaN and ±∞: identical to the single-thread model', async () => {
    const value = fc.oneof(
      { weight: 10, arbitrary: fc.double({ min: -40, max: 40, noNaN: true }) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
      },
    );
    await fc.assert(
      fc.asyncProperty(
        // size 'max': long batches too, which the workers share (from 100 rows: 50 per thread).
        fc.array(fc.array(value, { minLength: 3, maxLength: 3 }), {
          minLength: 1,
          maxLength: 900,
          size: 'max',
        }),
        fc.boolean(),
        async (rows, shared) => {
          const flat = Float64Array.from(rows.flat());
          const input = shared ? new Float64Array(new SharedArrayBuffer(flat.byteLength)) : flat;
          input.set(flat);
          const raw = await parallel.predictRaw(input);
          expect(Array.from(raw)).toEqual(Array.from(model.predictRaw(flat)));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('rejects rows of the wrong width and bad options with KizunaValidationError', async () => {
    await expect(parallel.predictRaw([[1, 2]])).rejects.toBeInstanceOf(KizunaValidationError);
    expect(() => createParallelPredictor(model, { threads: 0 })).toThrow(KizunaValidationError);
    expect(() => createParallelPredictor({} as never)).toThrow(KizunaValidationError);
  });

  it('after close, calls reject', async () => {
    const single = createParallelPredictor(model, { threads: 2 });
    await single.close();
    await expect(single.predictRaw([[1, 2, 3]])).rejects.toThrow(/closed/);
  });
});

describe('createParallelPredictor in a process with nothing else to do', { timeout: 120_000 }, () => {
  it('keeps the process alive while a worker owes an answer to one call after answering another', () => {
    const fixture = fileURLToPath(new URL('./concurrent-calls.fixture.ts', import.meta.url));
    const run = spawnSync(process.execPath, ['--import', 'tsx', fixture], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('scored 600 and 400000\n');
    expect(run.status).toBe(0);
  });
});
