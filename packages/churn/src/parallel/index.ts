/**
 * `@kizuna/churn/parallel` — batch prediction spread over Node worker threads. A separate entry
 * because it needs `node:worker_threads`; the main entry stays free of Node built-ins so it runs in
 * browsers and edge runtimes.
 * @packageDocumentation
 */
import { availableParallelism } from 'node:os';
import { KizunaValidationError, parseInput } from '@kizuna/core';
import { createWorkerChannel, startEntryWorker, toShared } from '@kizuna/core/threads';
import * as z from 'zod';
import {
  type BatchPredictor,
  createBatchScratch,
  scoreRowRange,
  toBatchPredictor,
  toProbabilities,
} from '../model/batch-predictor';
import type { GradientBoostedTreesModel } from '../model/gradient-boosted-trees';
import { type FeatureRows, toFeatureMatrix } from '../model/training-data';
import type { RangeRequest, RangeResponse } from './protocol';

export {
  createParallelTrainer,
  type ParallelTrainer,
  type ParallelTrainerOptionsInput,
  parallelTrainerOptionsSchema,
} from './parallel-trainer';

/** Options of {@link createParallelPredictor}. */
export const parallelPredictorOptionsSchema = z.object({
  /**
   * Threads that score rows, the calling thread included (so `threads − 1` workers are started).
   * @defaultValue `os.availableParallelism()`
   */
  threads: z.number().int().min(1).max(256).optional(),
  /**
   * Batches with fewer rows are scored on the calling thread alone: below it, handing rows to a
   * worker costs more than it saves. @defaultValue 4096
   */
  minRowsPerThread: z.number().int().min(1).default(4096),
});

/** Parallel predictor options as you may write them. */
export type ParallelPredictorOptionsInput = z.input<typeof parallelPredictorOptionsSchema>;

/**
 * Batch prediction of one model on several threads. Results are identical, bit for bit, to the
 * model's own `predictRaw` and `predictProbability`: each row is scored by the same code, only on
 * another thread.
 */
export interface ParallelPredictor {
  /** Threads that score rows, the calling thread included. */
  readonly threads: number;
  /**
   * Raw scores (log-odds) of rows, like `model.predictRaw`. The result is a `Float64Array` on a
   * `SharedArrayBuffer`. Pass a row-major `Float64Array` on a `SharedArrayBuffer` to spare the copy
   * of the input into shared memory. Rejects with `KizunaValidationError` on a row of the wrong width
   * or a non-number.
   */
  predictRaw(rows: FeatureRows): Promise<Float64Array>;
  /**
   * Probabilities of class 1, like `model.predictProbability`. Rejects like {@link predictRaw}.
   */
  predictProbability(rows: FeatureRows): Promise<Float64Array>;
  /** Stops the workers. Later calls reject. */
  close(): Promise<void>;
}

/** Rows are split between threads in multiples of this (the batch predictor's block). */
const rangeAlignment = 256;

/**
 * Starts a pool of worker threads that score rows of one model. Call `close()` when done; idle
 * workers do not keep the process alive.
 *
 * @param model - a trained or loaded model
 * @param options - the number of threads and the smallest batch worth splitting
 * @throws KizunaValidationError on bad options or a value that is not a model
 * @example
 * ```ts
 * import { buildTrainingSet, generateSyntheticChurnData, trainGradientBoostedTrees } from '@kizuna/churn';
 * import { createParallelPredictor } from '@kizuna/churn/parallel';
 *
 * const { snapshots, outcomes } = generateSyntheticChurnData({ customers: 400, seed: 3 });
 * const { features, labels } = buildTrainingSet(snapshots, outcomes);
 * const model = trainGradientBoostedTrees({ features, labels });
 * const parallel = createParallelPredictor(model, { threads: 2, minRowsPerThread: 100 });
 * const probabilities = await parallel.predictProbability(features);
 * console.log(probabilities[0] === model.predictProbability([features[0]!])[0]); // true: same code, same bits
 * await parallel.close();
 * ```
 */
export function createParallelPredictor(
  model: GradientBoostedTreesModel,
  options: ParallelPredictorOptionsInput = {},
): ParallelPredictor {
  const parsed = parseInput(parallelPredictorOptionsSchema, options, 'parallel predictor options');
  if (
    model === null ||
    typeof model !== 'object' ||
    typeof model.ensemble !== 'object' ||
    !(model.ensemble?.treeStarts instanceof Int32Array)
  ) {
    throw KizunaValidationError.forField('model', '', 'expected a trained or loaded gradient-boosted model');
  }
  const ensemble = model.ensemble;
  const nFeatures = ensemble.featureNames.length;
  const threads = parsed.threads ?? Math.max(1, availableParallelism());
  const predictor: BatchPredictor = toBatchPredictor(ensemble);
  const scratch = createBatchScratch(predictor);
  let closed = false;
  /** Set when a worker dies: later calls reject with it instead of waiting for ever. */
  let broken: Error | null = null;

  // A worker keeps the process alive only while it owes an answer (the channel refs and unrefs it);
  // concurrent calls queue on it and are answered in order.
  const workers = Array.from({ length: threads - 1 }, () =>
    createWorkerChannel<RangeRequest, void, RangeResponse>(
      startEntryWorker(import.meta.url, 'worker', { workerData: ensemble }),
      {
        name: 'a prediction worker',
        unwrap: (response) => {
          if (response.error !== null) throw new Error(`prediction worker failed: ${response.error}`);
        },
        onFailure: (error) => {
          broken ??= error;
        },
      },
    ),
  );

  const run = async (rows: FeatureRows, probability: boolean): Promise<Float64Array> => {
    if (closed) throw new Error('the parallel predictor is closed');
    if (broken !== null) throw broken;
    const matrix = toFeatureMatrix(rows, nFeatures, 'rows', true);
    if (matrix.nFeatures !== nFeatures) {
      throw KizunaValidationError.forField(
        'rows',
        '[0]',
        `expected ${nFeatures} features (${ensemble.featureNames.join(', ')}), received ${matrix.nFeatures}`,
      );
    }
    const { nRows } = matrix;
    const useThreads = Math.max(1, Math.min(threads, Math.floor(nRows / parsed.minRowsPerThread)));
    if (useThreads === 1) {
      const scores = new Float64Array(new SharedArrayBuffer(nRows * 8));
      scoreRowRange(predictor, matrix.values, 0, nRows, scores, scratch);
      if (probability) toProbabilities(scores, 0, nRows);
      return scores;
    }
    const values = toShared(matrix.values);
    const scores = new Float64Array(new SharedArrayBuffer(nRows * 8));
    const share = Math.ceil(nRows / useThreads / rangeAlignment) * rangeAlignment;
    const answers: Promise<void>[] = [];
    // The calling thread takes the first range; workers the others.
    for (let thread = 1; thread < useThreads; thread += 1) {
      const start = Math.min(nRows, thread * share);
      const end = Math.min(nRows, start + share);
      if (start >= end) break;
      answers.push(workers[thread - 1]!.ask({ values, scores, start, end, probability }));
    }
    const ownEnd = Math.min(nRows, share);
    scoreRowRange(predictor, values, 0, ownEnd, scores, scratch);
    if (probability) toProbabilities(scores, 0, ownEnd);
    await Promise.all(answers);
    return scores;
  };

  return {
    threads,
    predictRaw: (rows) => run(rows, false),
    predictProbability: (rows) => run(rows, true),
    async close() {
      if (closed) return;
      closed = true;
      // Anything still owed settles with the closed error.
      await Promise.all(
        workers.map((channel) => channel.close(new Error('the parallel predictor was closed'))),
      );
    },
  };
}
