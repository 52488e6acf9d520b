import { parseInput, systemClock, toInstant } from '@kizuna/core';
import { runShard } from '../shards/run-shard';
import { runIdOf } from '../shards/shard';
import { createPipelineContext } from './create-pipeline-context';
import { deliverOutbox, noDelivery } from './deliver-outbox';
import { finishRun } from './finish-run';
import { type PipelineOptions, pipelineOptionsSchema } from './pipeline-options';
import { prepareRun } from './prepare-run';
import type { RunReport, RunStatus } from './run-report';
import { addShardWork, emptyShardWork } from './shard-work';
import { silentLogger } from './worker-logger';

/**
 * Runs the whole pipeline of DESIGN.md once, in this process, over every customer in the store:
 * snapshots in batches → health (with the delta against the previous result) → churn → alerts,
 * journeys and expansion → actions into the outbox → delivery through the notifier with retries.
 * The run is recorded in the store as a `worker-run` result keyed by `asOf`.
 *
 * The customers are processed shard by shard (`shardSize`), each shard leaving a completion record,
 * so a run that crashed resumes where it stopped when started again with the same `asOf`. Re-running
 * is safe: results are keyed by (kind, customerId, asOf) and actions by idempotency key.
 *
 * A run that fails or is aborted still returns (and records) its report with `status` and `error`;
 * only invalid options throw.
 *
 * @throws KizunaValidationError when the options are invalid
 * @example
 * ```ts
 * const report = await runPipeline({
 *   store,
 *   asOf: '2026-04-01T00:00:00Z',
 *   notifier: createWebhookNotifier({ url: process.env.SLACK_WEBHOOK_URL!, name: 'slack' }),
 * });
 * report.health; // { red: 12, yellow: 40, green: 148, averageScore: 71.2, ... }
 * ```
 */
export async function runPipeline(input: PipelineOptions): Promise<RunReport> {
  const options = parseInput(pipelineOptionsSchema, input, 'pipeline options');
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const asOf = options.asOf ?? toInstant(clock.now());
  const runId = runIdOf(asOf);
  const startedAt = Date.now();
  const work = emptyShardWork();
  const reasons: string[] = [];
  let status: RunStatus = 'completed';
  let error: string | undefined;
  let churnFacts = { method: 'unavailable', modelVersion: null as string | null, reason: 'not prepared' };
  let shardsTotal = 0;
  let shardsCompleted = 0;
  let shardsResumed = 0;
  let planMilliseconds = 0;
  let deliveryMilliseconds = 0;
  let notifications = noDelivery;
  let customersTotal = 0;
  let customersDone = 0;
  const progress = (stage: 'planning' | 'scoring' | 'delivering' | 'done') =>
    options.onProgress?.({
      runId,
      stage,
      customersDone,
      customersTotal,
      shardsDone: shardsCompleted,
      shardsTotal,
    });

  logger.info({ runId, asOf }, 'run started');
  try {
    progress('planning');
    const prepared = await prepareRun(options.store, {
      asOf,
      shardSize: options.shardSize,
      churn: options.churn,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    const { churn, shards } = prepared;
    churnFacts = { method: churn.method, modelVersion: churn.modelVersion, reason: churn.reason };
    reasons.push(...prepared.reasons);
    planMilliseconds = prepared.planMilliseconds;
    shardsTotal = shards.length;
    customersTotal = prepared.customersTotal;
    logger.info({ runId, shards: shardsTotal, customers: customersTotal }, 'run planned');
    progress('scoring');

    const context = createPipelineContext(options, asOf, churn, prepared.previousRunAsOf !== null);
    for (const shard of shards) {
      const outcome = await runShard(context, shard, {
        batchSize: options.batchSize,
        redo: !options.resume,
        ...(options.signal === undefined ? {} : { signal: options.signal }),
        onBatch: (batch) => {
          customersDone += batch.customersListed;
          progress('scoring');
        },
      });
      if (outcome.alreadyCompleted) customersDone += outcome.work.customersListed;
      addShardWork(work, outcome.work);
      shardsCompleted += 1;
      if (outcome.alreadyCompleted) shardsResumed += 1;
      progress('scoring');
    }
    if (shardsResumed > 0) {
      reasons.push(`resumed: ${shardsResumed} of ${shardsTotal} shards were completed by an earlier attempt`);
    }

    if (options.deliver) {
      progress('delivering');
      const start = performance.now();
      notifications = await deliverOutbox(context.outbox, options.signal);
      deliveryMilliseconds = performance.now() - start;
    } else {
      reasons.push('delivery skipped (deliver: false): actions stay pending in the outbox');
    }
  } catch (caught) {
    status = options.signal?.aborted ? 'aborted' : 'failed';
    error = caught instanceof Error ? caught.message : String(caught);
    logger.error({ runId, err: caught }, `run ${status}`);
  }

  const report = await finishRun(options.store, logger, work, {
    runId,
    asOf,
    status,
    startedAt,
    queue: 'in-process',
    shardsTotal,
    shardsCompleted,
    shardsResumed,
    churn: churnFacts,
    notifications,
    planMilliseconds,
    deliveryMilliseconds,
    reasons,
    ...(error === undefined ? {} : { error }),
  });
  progress('done');
  return report;
}
