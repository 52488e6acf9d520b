import { describe, expect, it } from 'vitest';
import type { PipelineProgress } from '../pipeline/pipeline-progress';
import { createProgressReporter } from './create-progress-reporter';

const at = (stage: PipelineProgress['stage'], customersDone: number): PipelineProgress => ({
  runId: 'run:x',
  stage,
  customersDone,
  customersTotal: 100,
  shardsDone: 0,
  shardsTotal: 2,
});

describe('createProgressReporter', () => {
  it('logs every stage change, and scoring progress at most once per interval, when not on a terminal', () => {
    const messages: string[] = [];
    const logger = {
      info: (_fields: object, message?: string) => messages.push(message ?? ''),
      warn() {},
      error() {},
    };
    const reporter = createProgressReporter({ terminal: false, logger, logEveryMilliseconds: 3_600_000 });
    reporter.onProgress(at('planning', 0));
    reporter.onProgress(at('scoring', 0));
    reporter.onProgress(at('scoring', 50));
    reporter.onProgress(at('scoring', 100));
    reporter.onProgress(at('done', 100));
    reporter.stop();
    expect(messages).toEqual([
      'run planning: 0/100 customers',
      'run scoring: 0/100 customers',
      'run done: 100/100 customers',
    ]);
  });
});
