import { availableParallelism } from 'node:os';
import { parseInput } from '@kizuna/core';
import { createWorkerChannel, startEntryWorker } from '@kizuna/core/threads';
import * as z from 'zod';
import type { GradientBoostedTreesModel } from '../model/gradient-boosted-trees';
import { prepareTraining, type TrainingInput, toTrainedModel } from '../model/train-gradient-boosted-trees';
import { abortTraining } from '../model/training-barrier';
import { maxBlocks, planTrainingBlocks } from '../model/training-blocks';
import {
  collectFeatureBins,
  createBinStep,
  createBoundsStep,
  createBundleStep,
  place,
  rowsOfThread,
} from '../model/training-setup';
import { createBoostingPlan } from '../model/training-workspace';
import {
  type TrainingFailureHook,
  type TrainingRequest,
  type TrainingResponse,
  trainingWorkerRole,
} from './training-worker';

/** Options of {@link createParallelTrainer}. */
export const parallelTrainerOptionsSchema = z.object({
  /**
   * Worker threads that train (the calling thread only hands out the work and waits). At most 6 are
   * started, whatever you ask: training rows are cut into at most 6 blocks (so that the model is the
   * same on any number of threads) and a thread works on whole blocks.
   * @defaultValue `os.availableParallelism()` (at most 6)
   */
  threads: z.number().int().min(1).max(256).optional(),
});

/** Parallel trainer options as you may write them. */
export type ParallelTrainerOptionsInput = z.input<typeof parallelTrainerOptionsSchema>;

/**
 * Training of gradient-boosted trees on worker threads. The model is identical, bit for bit, to
 * `trainGradientBoostedTrees` of the same input: rows are worked on in fixed blocks whose sums are
 * always added in the same order, whichever thread computed them.
 */
export interface ParallelTrainer {
  /** Worker threads that train: the `threads` option, or the available parallelism, at most 6. */
  readonly threads: number;
  /**
   * Trains like `trainGradientBoostedTrees(input)` on the workers; the calling thread validates the
   * input, hands out the work and waits, so its event loop keeps running. Data under 16,384
   * training rows (one block of rows) trains on one worker. Runs queue: one at a time.
   *
   * Rejects with `KizunaValidationError` on bad input, like `trainGradientBoostedTrees`. When a
   * worker fails and lives on (an error it catches, such as a failed allocation), the other workers
   * are told to stop and the run rejects with an `Error` carrying that worker's message; the trainer
   * stays open. When a worker dies (it exits, throws an uncaught error, runs out of memory), the run
   * rejects with an `Error` saying so, the other workers are stopped and the trainer is closed: later
   * calls reject with the same error (create a new trainer).
   */
  train(input: TrainingInput): Promise<GradientBoostedTreesModel>;
  /** Stops the workers. Later calls reject. */
  close(): Promise<void>;
}

/**
 * Starts a pool of worker threads that train gradient-boosted trees over shared memory. The setup
 * (the sample rows gathered column by column, bin bounds feature by feature, binning and bundle codes
 * by row range) is shared out by messages; then the workers boost: one leads the tree loop, each
 * computes gradients, histograms and partitions on its own blocks of rows, and they meet at a barrier (`Atomics.wait`/`notify`) after
 * each phase of a tree level. The calling thread only waits for their answers (and, should a worker
 * fail or die, tells the others to stop). Call `close()` when done; idle workers do not keep the
 * process alive.
 *
 * @param options - the number of worker threads (at most 6 are started)
 * @throws KizunaValidationError on bad options
 * @example
 * ```ts
 * import { generateSyntheticChurnData, buildTrainingSet, trainGradientBoostedTrees } from '@kizuna/churn';
 * import { createParallelTrainer } from '@kizuna/churn/parallel';
 *
 * const { snapshots, outcomes } = generateSyntheticChurnData({ customers: 400, seed: 3 });
 * const { features, labels } = buildTrainingSet(snapshots, outcomes);
 * const trainer = createParallelTrainer({ threads: 2 });
 * const model = await trainer.train({ features, labels });
 * console.log(JSON.stringify(model) === JSON.stringify(trainGradientBoostedTrees({ features, labels }))); // true
 * await trainer.close();
 * ```
 */
export function createParallelTrainer(options: ParallelTrainerOptionsInput = {}): ParallelTrainer {
  const parsed = parseInput(parallelTrainerOptionsSchema, options, 'parallel trainer options');
  // More workers than blocks of rows would never get work.
  return startParallelTrainer(
    Math.min(maxBlocks, parsed.threads ?? Math.max(1, availableParallelism())),
    null,
  );
}

/**
 * {@link createParallelTrainer} with `threads` workers and, for tests, a hook that makes one of them
 * fail or die during boosting.
 */
export function startParallelTrainer(
  threads: number,
  failureHook: TrainingFailureHook | null,
): ParallelTrainer {
  /** Why the trainer is closed (`close()`, or a worker that died); `null` while open. */
  let closedWith: Error | null = null;
  let stopped: Promise<unknown> = Promise.resolve();
  /** The barrier of the boosting in progress, to abort when a worker fails or dies. */
  let boostingControl: Int32Array | null = null;
  /** Runs one after another: a run owns every worker. */
  let queue: Promise<unknown> = Promise.resolve();

  /** Closes the trainer: the run in progress and every later call reject with `reason`. */
  const shutDown = (reason: Error): Promise<unknown> => {
    if (closedWith !== null) return stopped;
    closedWith = reason;
    // Threads waiting at the barrier for a dead one wake up and stop.
    if (boostingControl !== null) abortTraining(boostingControl);
    stopped = Promise.all(workers.map((channel) => channel.close(reason)));
    return stopped;
  };

  // A worker keeps the process alive only while it owes an answer (the channel refs and unrefs it).
  const workerName = 'a training worker';
  const workers = Array.from({ length: threads }, () =>
    createWorkerChannel<TrainingRequest, TrainingResponse>(
      startEntryWorker(import.meta.url, 'worker', { workerData: trainingWorkerRole }),
      {
        name: workerName,
        // A dead worker closes the trainer: `shutDown` aborts the barrier and stops the others. The
        // channel's own error of an exit already says "a training worker stopped (exit code …)".
        onFailure: (error, exitCode) => {
          void shutDown(
            exitCode !== undefined
              ? new Error(`${error.message}; the trainer is closed`)
              : new Error(`${workerName} failed: ${error.message}; the trainer is closed`, { cause: error }),
          );
        },
      },
    ),
  );

  /**
   * Asks worker `thread`. When it dies, the answer rejects with the trainer's closing reason (set by
   * `onFailure` before this rejection is seen), not the channel's bare one.
   */
  const ask = (thread: number, request: TrainingRequest): Promise<TrainingResponse> => {
    if (closedWith !== null) return Promise.reject(closedWith);
    return workers[thread]!.ask(request).catch((error: Error) => {
      throw closedWith ?? error;
    });
  };
  /**
   * Asks threads 0 … used − 1 and waits for all. During boosting, the first answer with an error
   * aborts the run: a thread that failed but lives on may leave the others waiting at the barrier for
   * a phase or a count that never comes. Rejects with the first error that is a root cause (not
   * another thread's "a thread failed" or "aborted"), in thread order.
   */
  const askAll = async (
    used: number,
    request: (thread: number) => TrainingRequest,
  ): Promise<TrainingResponse[]> => {
    const responses = await Promise.all(
      Array.from({ length: used }, (_, thread) =>
        ask(thread, request(thread)).then((response) => {
          if (response.error !== null && boostingControl !== null) abortTraining(boostingControl);
          return response;
        }),
      ),
    );
    const failed = responses.filter((response) => response.error !== null);
    const cause = failed.find((response) => !response.consequence) ?? failed[0];
    if (cause !== undefined) throw new Error(`a training worker failed: ${cause.error}`);
    return responses;
  };

  const run = async (input: TrainingInput): Promise<GradientBoostedTreesModel> => {
    if (closedWith !== null) throw closedWith;
    const prepared = prepareTraining(input);
    const { options } = prepared;
    const matrix = { ...prepared.matrix, values: place(prepared.matrix.values, true) };
    const { nRows } = matrix;
    // One thread per block of rows at most; the setup steps use the same threads.
    const used = Math.min(threads, planTrainingBlocks(prepared.trainRows.length).length - 1);
    const rows = (thread: number) => {
      const [from, to] = rowsOfThread(thread, used, nRows);
      return { from, to };
    };

    const bounding = createBoundsStep(matrix, prepared.trainRows, options, true);
    const sampleCount = bounding.sampleRows.length;
    await askAll(used, (thread) => {
      const [from, to] = rowsOfThread(thread, used, sampleCount);
      return { kind: 'sample', step: bounding, from, to };
    });
    await askAll(used, () => ({ kind: 'bounds', step: bounding }));
    const binning = createBinStep(matrix, collectFeatureBins(bounding), true);
    await askAll(used, (thread) => ({ kind: 'bin', step: binning, ...rows(thread) }));
    const bundling = createBundleStep(binning, options, true);
    if (bundling !== null) {
      await askAll(used, (thread) => ({ kind: 'bundle', step: bundling, ...rows(thread) }));
    }
    const data = { ...prepared, validationRows: place(prepared.validationRows, true) };
    const plan = createBoostingPlan(data, binning, bundling, options, used, true);
    boostingControl = plan.workspace.control;
    try {
      const [lead] = await askAll(plan.threads, (thread) =>
        thread === 0
          ? { kind: 'boost', plan, options, failure: failureHook }
          : {
              kind: 'serve',
              workspace: plan.workspace,
              thread,
              threads: plan.threads,
              failure: failureHook,
            },
      );
      return toTrainedModel(prepared, lead!.result!);
    } finally {
      boostingControl = null;
    }
  };

  return {
    threads,
    train(input) {
      const result = queue.then(() => run(input));
      queue = result.catch(() => undefined);
      return result;
    },
    async close() {
      await shutDown(new Error('the parallel trainer is closed'));
    },
  };
}
