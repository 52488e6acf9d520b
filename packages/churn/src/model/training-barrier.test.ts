import { describe, expect, it } from 'vitest';
import {
  abortTraining,
  awaitPhase,
  OtherTrainingThreadFailedError,
  serveTrainingPhases,
  TrainingAbortedError,
} from './training-barrier';
import {
  controlDone,
  controlFailed,
  controlGeneration,
  controlLength,
  controlPhase,
  stopPhase,
} from './training-phases';
import type { TrainingWorkspace } from './training-workspace';

describe('the training barrier', { timeout: 30_000 }, () => {
  it('stops waiting for the other threads once the run is aborted', () => {
    // No other thread will ever finish the phase: only the abort flag ends the wait.
    const control = new Int32Array(new SharedArrayBuffer(4 * controlLength));
    abortTraining(control);
    expect(() => awaitPhase(control, 1)).toThrow(TrainingAbortedError);
  });

  it('stops waiting for the next phase once the run is aborted', () => {
    const control = new Int32Array(new SharedArrayBuffer(4 * controlLength));
    const workspace = {
      control,
      blockStarts: Int32Array.of(0, 10, 20),
      bufferSize: 4,
    } as unknown as TrainingWorkspace;
    abortTraining(control);
    expect(() => serveTrainingPhases(workspace, 1, 2)).toThrow(TrainingAbortedError);
  });

  it('counts a thread whose setup failed as done at every phase, flags the failure and throws its own error after the stop phase', () => {
    // The stop phase is already released; the thread's buffers cannot be allocated (a negative
    // length stands for running out of memory).
    const control = new Int32Array(new SharedArrayBuffer(4 * controlLength));
    control[controlPhase] = stopPhase;
    control[controlGeneration] = 1;
    const workspace = {
      control,
      blockStarts: Int32Array.of(0, 10, 20),
      bufferSize: -1,
    } as unknown as TrainingWorkspace;
    expect(() => serveTrainingPhases(workspace, 1, 2)).toThrow(RangeError);
    expect(control[controlDone]).toBe(1);
    expect(control[controlFailed]).toBe(1);
    // The first thread learns of it at the barrier.
    expect(() => awaitPhase(control, 1)).toThrow(OtherTrainingThreadFailedError);
  });
});
