import { hostname } from 'node:os';
import { parseInput } from '@kizuna/core';
import { loadChurnStage } from '../churn/prepare-churn-stage';
import { createPipelineContext } from '../pipeline/create-pipeline-context';
import { deliverOutbox } from '../pipeline/deliver-outbox';
import { type PipelineOptions, pipelineOptionsSchema } from '../pipeline/pipeline-options';
import type { PipelineContext } from '../pipeline/process-customers';
import { silentLogger } from '../pipeline/worker-logger';
import { runShard, type ShardOutcome } from '../shards/run-shard';
import { type Shard, shardId } from '../shards/shard';
import type { ShardHandler } from './shard-queue';

/** Options of {@link createShardHandler}: the pipeline options, without a run's own instant. */
export type ShardHandlerOptions = Omit<PipelineOptions, 'asOf' | 'resume'> & {
  /** Told about every shard this process finished. */
  readonly onShard?: (outcome: ShardOutcome) => void;
};

/**
 * The consumer side of the queues: processes one shard job with {@link runShard} (skipping a shard
 * already completed), then delivers what is due in the outbox. The run's context (churn model
 * version, outbox) is built once per run and reused for its other shards.
 *
 * @throws KizunaValidationError when the options are invalid
 */
export function createShardHandler(input: ShardHandlerOptions): ShardHandler {
  const { onShard, ...pipeline } = input;
  const options = parseInput(pipelineOptionsSchema, pipeline, 'shard handler options');
  const logger = options.logger ?? silentLogger;
  const processedBy = `${hostname()}:${process.pid}`;
  let current: { readonly runId: string; readonly context: Promise<PipelineContext> } | undefined;

  const contextOf = (shard: Shard) => {
    if (current?.runId !== shard.runId) {
      current = {
        runId: shard.runId,
        context: loadChurnStage(options.store, shard.modelVersion, options.churn).then((churn) =>
          createPipelineContext(options, shard.asOf, churn, shard.previousRunAsOf !== null),
        ),
      };
    }
    return current.context;
  };

  return async (shard) => {
    logger.info({ shard: shardId(shard) }, 'shard started');
    const context = await contextOf(shard);
    const outcome = await runShard(context, shard, {
      batchSize: options.batchSize,
      processedBy,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    logger.info(
      {
        shard: shardId(shard),
        alreadyCompleted: outcome.alreadyCompleted,
        customers: outcome.work.customersListed,
        actionsEnqueued: outcome.work.actionsEnqueued,
      },
      outcome.alreadyCompleted ? 'shard already completed' : 'shard completed',
    );
    onShard?.(outcome);
    if (options.deliver) {
      try {
        const delivery = await deliverOutbox(context.outbox, options.signal);
        if (delivery.claimed > 0) logger.info({ shard: shardId(shard), ...delivery }, 'outbox delivered');
      } catch (error) {
        // The shard's work is stored; undelivered entries stay in the outbox for the next round.
        logger.warn({ shard: shardId(shard), err: error }, 'outbox delivery failed');
      }
    }
  };
}
