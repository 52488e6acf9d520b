import type { Store } from '@kizuna/core';
import type { Logger } from 'pino';
import type { PipelineTrigger } from './api-context';

/** Options of {@link startWorkerLoop}. */
export interface WorkerLoopOptions {
  readonly store: Store;
  readonly logger: Logger;
  readonly timeZone: string;
  readonly intervalSeconds: number;
}

/** The in-process pipeline: a trigger plus `stop()`. */
export interface WorkerLoop extends PipelineTrigger {
  stop(): Promise<void>;
}

/**
 * Runs the pipeline of `@kizuna/example-worker` in this process on a schedule. Returns `undefined`
 * while that package exports no pipeline yet.
 */
export function startWorkerLoop(options: WorkerLoopOptions): WorkerLoop | undefined {
  options.logger.warn(
    'worker loop: @kizuna/example-worker exports no pipeline yet; scores are computed on request',
  );
  return undefined;
}
