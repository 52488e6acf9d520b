import { blocksOfThread } from './training-blocks';
import {
  controlAborted,
  controlDone,
  controlFailed,
  controlGeneration,
  controlPhase,
  createPhaseThreadState,
  type PhaseThreadState,
  runTrainingPhase,
  stopPhase,
} from './training-phases';
import type { TrainingWorkspace } from './training-workspace';

/*
 * The barrier between the phases of training on several threads: one round of Atomics per phase on
 * the workspace's `control` array (a message per phase would cost far more than most phases). The
 * first thread bumps `controlGeneration` to start a phase; every other thread runs it on its blocks
 * and bumps `controlDone`. Waiting spins briefly first: phases often end within microseconds of
 * each other, sooner than a sleeping thread wakes up. A thread that dies cannot bump anything, so no
 * wait is unbounded: each sleeps in slices and checks `controlAborted`, which whoever started the
 * threads sets (and notifies) when one of them exits or answers with an error.
 */

/**
 * Spins before sleeping in `Atomics.wait`, at most (about 1 to 1.5 ms). The first thread's work
 * between two phases (split finding, folding the other threads' partial histograms) often outlasts
 * a shorter spin, and a waking `Atomics.wait` costs tens of microseconds at each of the ~900 phases
 * of a 100-tree fit: with 20,000 checks (≈ 0.15 ms) a 200k-row 2-thread fit took 3–8 % longer.
 */
const maxSpinChecks = 200_000;

/** The spin never gets shorter than this (≈ 15 µs): phases that end together still meet spinning. */
const minSpinChecks = 2_000;

/**
 * A wait longer than this (in milliseconds) would have outlasted even the longest spin: what it
 * waited for was not work about to end, but (most often) a thread without a core to run on.
 */
const longWaitMilliseconds = 2;

/**
 * This thread's spin now (see {@link waitWhile}). On a busy machine a thread spins while the thread
 * it waits for has no core to run on, and so keeps it waiting: a 200k-row fit took four to five
 * times as long next to one other busy process. So a wait that lasts longer than the longest spin
 * could cover cuts the spin to a quarter, and any other wait doubles it back (up to the longest):
 * the spin stays at its longest while waits end within it, however short the spin was, and shrinks
 * once about a third of the waits are long.
 */
let spinChecks = maxSpinChecks;

/** Longest sleep between two checks of the abort flag, in milliseconds (a notify wakes sooner). */
const waitSliceMilliseconds = 100;

/** Thrown by a thread whose training was aborted because another thread died or failed. */
export class TrainingAbortedError extends Error {
  constructor() {
    super('training was aborted: another training thread stopped');
    this.name = 'TrainingAbortedError';
  }
}

/**
 * Thrown by the first thread when another thread failed a phase: that thread throws its own error,
 * the root cause, once the stop phase ran.
 */
export class OtherTrainingThreadFailedError extends Error {
  constructor() {
    super('another training thread failed');
    this.name = 'OtherTrainingThreadFailedError';
  }
}

/**
 * Aborts a training run: every thread waiting at the barrier wakes and throws
 * {@link TrainingAbortedError}. For the coordinator when a thread died or answered with an error.
 */
export function abortTraining(control: Int32Array): void {
  Atomics.store(control, controlAborted, 1);
  Atomics.notify(control, controlGeneration);
  Atomics.notify(control, controlDone);
}

/** Waits while `control[slot]` is `value`: spins, then sleeps in slices checking the abort flag. */
function waitWhile(control: Int32Array, slot: number, value: number): void {
  const budget = spinChecks;
  const started = performance.now();
  for (let check = 0; check < budget; check += 1) {
    if (Atomics.load(control, slot) !== value) {
      spinChecks = Math.min(maxSpinChecks, 2 * budget);
      return;
    }
  }
  while (Atomics.load(control, slot) === value) {
    if (Atomics.load(control, controlAborted) !== 0) throw new TrainingAbortedError();
    Atomics.wait(control, slot, value, waitSliceMilliseconds);
  }
  spinChecks =
    performance.now() - started > longWaitMilliseconds
      ? Math.max(minSpinChecks, budget >>> 2)
      : Math.min(maxSpinChecks, 2 * budget);
}

/** Starts the phase already written to `control` on the other threads. */
export function releasePhase(control: Int32Array): void {
  Atomics.store(control, controlDone, 0);
  Atomics.add(control, controlGeneration, 1);
  Atomics.notify(control, controlGeneration);
}

/**
 * Waits until the `others` other threads have finished the phase.
 * @throws OtherTrainingThreadFailedError when one of them failed; {@link TrainingAbortedError} when
 *   the run was aborted
 */
export function awaitPhase(control: Int32Array, others: number): void {
  for (
    let done = Atomics.load(control, controlDone);
    done < others;
    done = Atomics.load(control, controlDone)
  ) {
    waitWhile(control, controlDone, done);
  }
  if (Atomics.load(control, controlFailed) !== 0) throw new OtherTrainingThreadFailedError();
}

/**
 * The loop of a thread other than the first: runs each phase on its blocks until the stop phase.
 * A failure, in the setup or a phase, sets `controlFailed` (the first thread throws) and is rethrown
 * here after the barrier; until then this thread keeps counting itself done at every phase, so the
 * first thread never waits for it in vain.
 *
 * @param thread - this thread's number, 1 … threads − 1
 * @param onPhase - called before each phase with how many phases ran before, and with −1 first
 *   (before the setup: a test hook)
 * @throws TrainingAbortedError when the run was aborted
 */
export function serveTrainingPhases(
  workspace: TrainingWorkspace,
  thread: number,
  threads: number,
  onPhase: ((phasesBefore: number) => void) | null = null,
): void {
  const { control } = workspace;
  let failure: unknown = null;
  let blockFrom = 0;
  let blockTo = 0;
  let state: PhaseThreadState | null = null;
  try {
    onPhase?.(-1);
    [blockFrom, blockTo] = blocksOfThread(thread, threads, workspace.blockStarts.length - 1);
    state = createPhaseThreadState(workspace);
  } catch (error) {
    failure = error;
    Atomics.store(control, controlFailed, 1);
  }
  for (let seen = 0; ; seen += 1) {
    waitWhile(control, controlGeneration, seen);
    const phase = control[controlPhase]!;
    onPhase?.(seen);
    if (phase !== stopPhase && failure === null) {
      try {
        runTrainingPhase(workspace, blockFrom, blockTo, state!);
      } catch (error) {
        failure = error;
        Atomics.store(control, controlFailed, 1);
      }
    }
    Atomics.add(control, controlDone, 1);
    Atomics.notify(control, controlDone);
    if (phase === stopPhase) break;
  }
  if (failure !== null) throw failure;
}
