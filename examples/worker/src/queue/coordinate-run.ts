import { setTimeout as sleep } from 'node:timers/promises';
import { parseInput, systemClock, toInstant } from '@kizuna/core';
import { createPipelineContext } from '../pipeline/create-pipeline-context';
import { addDeliveryReports, deliverOutbox, noDelivery } from '../pipeline/deliver-outbox';
import { finishRun } from '../pipeline/finish-run';
import { type PipelineOptions, pipelineOptionsSchema } from '../pipeline/pipeline-options';
import { prepareRun } from '../pipeline/prepare-run';
import type { RunReport, RunStatus } from '../pipeline/run-report';
import { addShardWork, emptyShardWork, type ShardWork } from '../pipeline/shard-work';
import { silentLogger } from '../pipeline/worker-logger';
import { runIdOf, type Shard } from '../shards/shard';
import { readShardRecord } from '../shards/shard-record';
import type { ShardQueue } from './shard-queue';

/** Options of {@link coordinateRun}. */
export type CoordinateRunOptions = Omit<PipelineOptions, 'resume'> & {
  /** Where the shard jobs go. */
  readonly queue: ShardQueue;
  /** How often to look for completed shards, in milliseconds. @defaultValue 500 */
  readonly pollMilliseconds?: number;
  /**
   * Give up waiting after this long (the report then has status `failed`; the shards stay queued and
   * a later coordinator of the same `asOf` picks up the run). @defaultValue 6 hours
   */
  readonly timeoutMilliseconds?: number;
};

/**
 * Runs the pipeline through a shard queue: plans the run (churn model, shards), queues one job per
 * shard, waits until every shard has its completion record — whichever process, on whichever
 * machine, did it — then delivers what is left in the outbox (waiting for the claims of crashed
 * workers to lapse) and records the run. Run one coordinator per schedule; run as many consumers
 * ({@link createShardHandler} on the same queue) as you like.
 *
 * @throws KizunaValidationError when the options are invalid
 */
export async function coordinateRun(input: CoordinateRunOptions): Promise<RunReport> {
  const { queue, pollMilliseconds = 500, timeoutMilliseconds = 6 * 3_600_000, ...pipeline } = input;
  const options = parseInput(pipelineOptionsSchema, pipeline, 'pipeline options');
  const logger = options.logger ?? silentLogger;
  const clock = options.clock ?? systemClock;
  const asOf = options.asOf ?? toInstant(clock.now());
  const runId = runIdOf(asOf);
  const startedAt = Date.now();
  const deadline = startedAt + timeoutMilliseconds;
  const work = emptyShardWork();
  const reasons: string[] = [];
  let status: RunStatus = 'completed';
  let error: string | undefined;
  let churnFacts = { method: 'unavailable', modelVersion: null as string | null, reason: 'not prepared' };
  let shards: readonly Shard[] = [];
  let completed = 0;
  let customersDone = 0;
  let customersTotal = 0;
  let planMilliseconds = 0;
  let deliveryMilliseconds = 0;
  let notifications = noDelivery;
  const progress = (stage: 'planning' | 'scoring' | 'delivering' | 'done') =>
    options.onProgress?.({
      runId,
      stage,
      customersDone,
      customersTotal,
      shardsDone: completed,
      shardsTotal: shards.length,
    });

  logger.info({ runId, asOf, queue: queue.kind }, 'run started');
  try {
    progress('planning');
    const prepared = await prepareRun(options.store, {
      asOf,
      shardSize: options.shardSize,
      churn: options.churn,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    shards = prepared.shards;
    customersTotal = prepared.customersTotal;
    planMilliseconds = prepared.planMilliseconds;
    reasons.push(...prepared.reasons);
    churnFacts = {
      method: prepared.churn.method,
      modelVersion: prepared.churn.modelVersion,
      reason: prepared.churn.reason,
    };
    await queue.enqueue(shards);
    logger.info({ runId, shards: shards.length, customers: customersTotal }, 'shards queued');
    progress('scoring');

    const pending = new Map(shards.map((shard) => [shard.index, shard]));
    const works: ShardWork[] = [];
    while (pending.size > 0) {
      options.signal?.throwIfAborted();
      if (Date.now() > deadline) {
        throw new Error(
          `${pending.size} of ${shards.length} shards not completed after ${timeoutMilliseconds} ms`,
        );
      }
      let advanced = false;
      for (const shard of [...pending.values()]) {
        const record = await readShardRecord(options.store, shard);
        if (record === undefined) continue;
        pending.delete(shard.index);
        works.push(record.work);
        completed += 1;
        customersDone += record.work.customersListed;
        advanced = true;
      }
      if (advanced) progress('scoring');
      if (pending.size > 0) await sleep(pollMilliseconds, undefined, { signal: options.signal });
    }
    for (const shardWork of works) addShardWork(work, shardWork);

    if (options.deliver) {
      progress('delivering');
      const start = performance.now();
      const context = createPipelineContext(options, asOf, prepared.churn);
      notifications = await deliverOutbox(context.outbox, options.signal);
      // A worker that died while delivering holds claims until their lease lapses: wait for them,
      // then deliver those entries (same Idempotency-Key) so nothing is left behind.
      while ((await options.store.listActions({ status: 'delivering', limit: 1 })).length > 0) {
        if (Date.now() > deadline) throw new Error('outbox entries still claimed at the deadline');
        await sleep(pollMilliseconds, undefined, { signal: options.signal });
        const more = await deliverOutbox(context.outbox, options.signal);
        notifications = addDeliveryReports(notifications, more);
      }
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
    queue: queue.kind,
    shardsTotal: shards.length,
    shardsCompleted: completed,
    shardsResumed: 0,
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
