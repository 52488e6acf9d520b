import { createOutbox, type Outbox } from '@kizuna/core';
import type { ChurnStage } from '../churn/churn-stage';
import type { ParsedPipelineOptions } from './pipeline-options';
import type { PipelineContext } from './process-customers';

/** Builds what every batch of a run shares: the store, the churn step and the outbox. */
export function createPipelineContext(
  options: Omit<ParsedPipelineOptions, 'asOf'>,
  asOf: string,
  churn: ChurnStage,
  comparePrevious = true,
): PipelineContext & { readonly outbox: Outbox } {
  const outbox = createOutbox({
    store: options.store,
    notifier: options.notifier,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.events === undefined ? {} : { events: options.events }),
    batchSize: options.outbox.batchSize,
    leaseMilliseconds: options.outbox.leaseMilliseconds,
    maxAttempts: options.outbox.maxAttempts,
  });
  return {
    store: options.store,
    asOf,
    timeZone: options.timeZone,
    featureCatalogue: options.featureCatalogue,
    churn,
    outbox,
    ...(options.events === undefined ? {} : { events: options.events }),
    comparePrevious,
    ...(options.alertOptions === undefined ? {} : { alertOptions: options.alertOptions }),
  };
}
