import cliProgress from 'cli-progress';
import type { PipelineProgress } from '../pipeline/pipeline-progress';
import type { WorkerLogger } from '../pipeline/worker-logger';

/** Shows a run's progress: a bar in a terminal, a log line every few seconds otherwise. */
export interface ProgressReporter {
  readonly onProgress: (progress: PipelineProgress) => void;
  /** Ends the bar (if any). */
  stop(): void;
}

/**
 * A progress bar on stderr when `terminal` is true (cli-progress), else structured log lines at
 * each stage change and at most every `logEveryMilliseconds` while scoring.
 */
export function createProgressReporter(options: {
  readonly terminal: boolean;
  readonly logger: WorkerLogger;
  readonly logEveryMilliseconds?: number;
}): ProgressReporter {
  const { logger } = options;
  const every = options.logEveryMilliseconds ?? 5_000;
  if (options.terminal) {
    const bar = new cliProgress.SingleBar(
      {
        format:
          '{runId} {stage} |{bar}| {value}/{total} customers · shards {shardsDone}/{shardsTotal} · {eta_formatted}',
        hideCursor: true,
        clearOnComplete: false,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      onProgress(progress) {
        const payload = {
          runId: progress.runId,
          stage: progress.stage,
          shardsDone: progress.shardsDone,
          shardsTotal: progress.shardsTotal,
        };
        if (!started && progress.stage !== 'planning') {
          bar.start(Math.max(progress.customersTotal, 1), progress.customersDone, payload);
          started = true;
        } else if (started) {
          bar.setTotal(Math.max(progress.customersTotal, 1));
          bar.update(progress.customersDone, payload);
        }
        if (progress.stage === 'done' && started) {
          bar.stop();
          started = false;
        }
      },
      stop() {
        if (started) bar.stop();
        started = false;
      },
    };
  }
  let lastLog = 0;
  let lastStage = '';
  return {
    onProgress(progress) {
      const now = Date.now();
      if (progress.stage === lastStage && now - lastLog < every) return;
      lastLog = now;
      lastStage = progress.stage;
      logger.info(
        { progress },
        `run ${progress.stage}: ${progress.customersDone}/${progress.customersTotal} customers`,
      );
    },
    stop() {},
  };
}
