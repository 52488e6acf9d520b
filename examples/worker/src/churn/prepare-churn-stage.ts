import type { Store } from '@kizuna/core';
import type * as z from 'zod';
import type { churnPipelineOptionsSchema } from '../pipeline/pipeline-options';
import { type ChurnStage, unavailableChurnStage } from './churn-stage';

/** Churn settings after defaults. */
export type ChurnPipelineOptions = z.output<typeof churnPipelineOptionsSchema>;

/**
 * Prepares the churn step of a run (once, by the process that plans it). Until `@kizuna/churn`
 * exports its prediction entry point, the step is reported as unavailable with that reason.
 */
export async function prepareChurnStage(
  _store: Store,
  _asOf: string,
  options: ChurnPipelineOptions,
): Promise<ChurnStage> {
  if (!options.enabled) return unavailableChurnStage('churn prediction turned off (churn.enabled: false)');
  return unavailableChurnStage('@kizuna/churn does not export predictChurn yet: churn step not wired');
}

/**
 * The churn step for a worker processing a shard planned elsewhere: loads the model version the
 * run chose (cached per process).
 */
export async function loadChurnStage(
  _store: Store,
  modelVersion: string | null,
  options: ChurnPipelineOptions,
): Promise<ChurnStage> {
  if (!options.enabled) return unavailableChurnStage('churn prediction turned off (churn.enabled: false)');
  return unavailableChurnStage(
    modelVersion === null
      ? '@kizuna/churn does not export predictChurn yet: churn step not wired'
      : `model ${modelVersion} cannot be loaded: predictChurn not available`,
  );
}
