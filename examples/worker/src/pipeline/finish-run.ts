import type { Store } from '@kizuna/core';
import { writeRunRecord } from './run-record';
import { buildRunReport, type RunFacts, type RunReport } from './run-report';
import type { ShardWork } from './shard-work';
import type { WorkerLogger } from './worker-logger';

/**
 * The end of every run, in-process or through a queue: builds the report from the summed shard work
 * and the run's facts (stamped with the finishing time now), stores it as the run record (a failure
 * to store it is logged, not thrown: the report is still returned), and logs the outcome.
 */
export async function finishRun(
  store: Store,
  logger: WorkerLogger,
  work: ShardWork,
  facts: Omit<RunFacts, 'finishedAt'>,
): Promise<RunReport> {
  const report = buildRunReport(work, { ...facts, finishedAt: Date.now() });
  try {
    await writeRunRecord(store, report);
  } catch (caught) {
    logger.error({ runId: report.runId, err: caught }, 'could not store the run record');
  }
  logger.info(
    {
      runId: report.runId,
      status: report.status,
      queue: report.queue,
      customers: report.customers,
      health: report.health,
      actions: report.actions,
      notifications: report.notifications,
      totalMilliseconds: report.durations.totalMilliseconds,
    },
    `run ${report.status}`,
  );
  return report;
}
