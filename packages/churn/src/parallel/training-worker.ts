import type { MessagePort } from 'node:worker_threads';
import type { GradientBoostingOptions } from '../model/gradient-boosting-options';
import { type BoostingReport, boostTrees } from '../model/grow-trees';
import {
  OtherTrainingThreadFailedError,
  serveTrainingPhases,
  TrainingAbortedError,
} from '../model/training-barrier';
import {
  type BinStep,
  type BoundsStep,
  type BundleStep,
  runBinStep,
  runBoundsStep,
  runBundleStep,
  runSampleStep,
} from '../model/training-setup';
import type { BoostingPlan, TrainingWorkspace } from '../model/training-workspace';
import type { TreeEnsemble } from '../model/tree-ensemble';

/** The `workerData` of a training worker (a prediction worker gets its ensemble). */
export const trainingWorkerRole = 'kizuna.churn.training-worker';

/**
 * Test hook: worker `thread` fails when `afterPhases` phases of boosting have run (−1: in its setup,
 * before the first phase) — it exits (`process.exit(1)`), throws an error nothing catches (both
 * kill the worker), or throws an error its handler answers with (`fail`: the worker lives on).
 */
export interface TrainingFailureHook {
  readonly thread: number;
  readonly afterPhases: number;
  readonly how: 'exit' | 'throw' | 'fail';
}

/**
 * One request to a training worker: a share of a setup step (see `training-setup.ts`), or, during
 * boosting, thread 0's work (`boost`: the tree loop, which leads the barrier) or another thread's
 * (`serve`: the phases on its blocks until the stop phase).
 */
export type TrainingRequest =
  | { readonly kind: 'sample'; readonly step: BoundsStep; readonly from: number; readonly to: number }
  | { readonly kind: 'bounds'; readonly step: BoundsStep }
  | { readonly kind: 'bin'; readonly step: BinStep; readonly from: number; readonly to: number }
  | { readonly kind: 'bundle'; readonly step: BundleStep; readonly from: number; readonly to: number }
  | {
      readonly kind: 'boost';
      readonly plan: BoostingPlan;
      readonly options: GradientBoostingOptions;
      readonly failure: TrainingFailureHook | null;
    }
  | {
      readonly kind: 'serve';
      readonly workspace: TrainingWorkspace;
      readonly thread: number;
      readonly threads: number;
      readonly failure: TrainingFailureHook | null;
    };

/** A worker's answer to each request, in order: `error` is `null` when it did its share. */
export interface TrainingResponse {
  readonly error: string | null;
  /**
   * The error only says that another thread failed or the run was aborted: the coordinator reports
   * another thread's error, the root cause, before it.
   */
  readonly consequence: boolean;
  /** The boosting result, from the `boost` request. */
  readonly result?: { readonly ensemble: TreeEnsemble; readonly report: BoostingReport };
}

/** The error of the `throw` hook: rethrown past the worker's handler, so nothing catches it. */
class HookFailure extends Error {}

function hookOf(
  failure: TrainingFailureHook | null,
  thread: number,
): ((phasesBefore: number) => void) | null {
  if (failure === null || failure.thread !== thread) return null;
  return (phasesBefore) => {
    if (phasesBefore !== failure.afterPhases) return;
    if (failure.how === 'exit') process.exit(1);
    const message = `training worker ${thread} failed on purpose (test hook)`;
    throw failure.how === 'throw' ? new HookFailure(message) : new Error(message);
  };
}

/** The worker side of `createParallelTrainer`: answers each request once it did its share. */
export function serveTrainingRequests(port: MessagePort): void {
  port.on('message', (request: TrainingRequest) => {
    let response: TrainingResponse = { error: null, consequence: false };
    try {
      if (request.kind === 'sample') runSampleStep(request.step, request.from, request.to);
      else if (request.kind === 'bounds') runBoundsStep(request.step);
      else if (request.kind === 'bin') runBinStep(request.step, request.from, request.to);
      else if (request.kind === 'bundle') runBundleStep(request.step, request.from, request.to);
      else if (request.kind === 'boost') {
        const result = boostTrees(request.plan, request.options, hookOf(request.failure, 0));
        response = { error: null, consequence: false, result };
      } else {
        const hook = hookOf(request.failure, request.thread);
        serveTrainingPhases(request.workspace, request.thread, request.threads, hook);
      }
    } catch (error) {
      if (error instanceof HookFailure) throw error;
      response = {
        error: error instanceof Error ? error.message : String(error),
        consequence: error instanceof TrainingAbortedError || error instanceof OtherTrainingThreadFailedError,
      };
    }
    port.postMessage(response);
  });
}
