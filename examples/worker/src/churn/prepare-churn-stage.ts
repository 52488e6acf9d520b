import {
  buildTrainingSet,
  type ChurnOutcome,
  type ChurnScorer,
  generateSyntheticChurnData,
  loadGradientBoostedTrees,
  predictChurn,
  trainChurnModel,
} from '@kizuna/churn';
import { buildSnapshots, type CustomerSnapshot, type JsonValue, type Store } from '@kizuna/core';
import type * as z from 'zod';
import type { churnPipelineOptionsSchema } from '../pipeline/pipeline-options';
import { runRecordOwner } from '../pipeline/run-record';
import { toJsonValue } from '../pipeline/to-json-value';
import { type ChurnStage, unavailableChurnStage } from './churn-stage';

/** Churn settings after defaults. */
export type ChurnPipelineOptions = z.output<typeof churnPipelineOptionsSchema>;

/** Result kind of a stored churn model version (one per training, keyed by its `asOf`). */
export const churnModelKind = 'churn-model';

/** Days between the training snapshot and the end of the label window. */
const labelWindowDays = 90;
const day = 86_400_000;
/** Customers read from the store for one training (ids walked in order). */
const maximumTrainingCustomers = 20_000;

/** A stored model version: how it was trained and the model itself (or the rules decision). */
export interface ChurnModelRecord {
  readonly version: string;
  readonly trainedAt: string;
  readonly method: 'model' | 'rules';
  /** `history` (the store's own churned customers) or `synthetic` (the churn package's generator). */
  readonly source: 'history' | 'synthetic';
  readonly reason: string;
  readonly rows: number;
  readonly churners: number;
  /** The model's saved JSON (method `model` only). */
  readonly model: JsonValue | null;
}

function versionOf(asOf: string): string {
  return `churn-model:${asOf}`;
}

async function readModelRecord(store: Store, version: string): Promise<ChurnModelRecord | undefined> {
  const asOf = version.slice('churn-model:'.length);
  const [stored] = await store.listResults(churnModelKind, runRecordOwner, {
    from: asOf,
    to: new Date(Date.parse(asOf) + 1).toISOString(),
    limit: 1,
  });
  return stored?.value as unknown as ChurnModelRecord | undefined;
}

function scorerOf(record: ChurnModelRecord): ChurnScorer {
  if (record.method === 'model' && record.model !== null) {
    return { method: 'model', model: loadGradientBoostedTrees(record.model), reason: record.reason };
  }
  return { method: 'rules', reason: record.reason };
}

/** Builds the stage that predicts with a stored model version (or its rules decision). */
function stageOf(record: ChurnModelRecord): ChurnStage {
  const scorer = scorerOf(record);
  const reason = `${record.version} (${record.source}): ${record.reason}`;
  return {
    method: record.method,
    modelVersion: record.version,
    reason,
    predict(snapshot: CustomerSnapshot, asOf: string) {
      const prediction = predictChurn(scorer, snapshot, { asOf });
      return {
        probability: prediction.churnProbability,
        riskLevel: prediction.riskLevel,
        value: toJsonValue({ ...prediction, modelVersion: record.version }),
        actions: prediction.retentionPlan,
      };
    },
  };
}

/**
 * Labelled rows from the store's own history: snapshots 90 days before `asOf`, labelled churned when
 * the customer's `churnedAt` falls in the 90 days after. Customers that had already left, or did not
 * exist yet, are left out.
 */
async function historyTrainingSet(store: Store, asOf: string, batchSize: number) {
  const trainingAsOf = new Date(Date.parse(asOf) - labelWindowDays * day).toISOString();
  const snapshots: CustomerSnapshot[] = [];
  const outcomes: ChurnOutcome[] = [];
  let after: string | undefined;
  while (snapshots.length < maximumTrainingCustomers) {
    const ids = await store.listCustomerIds({ ...(after === undefined ? {} : { after }), limit: batchSize });
    if (ids.length === 0) break;
    after = ids[ids.length - 1];
    for (const snapshot of await buildSnapshots(store, ids, { asOf: trainingAsOf })) {
      const { customer } = snapshot;
      if (customer.createdAt >= trainingAsOf) continue;
      if (customer.churnedAt !== undefined && customer.churnedAt < trainingAsOf) continue;
      snapshots.push(snapshot);
      outcomes.push({
        customerId: customer.id,
        churned: customer.churnedAt !== undefined && customer.churnedAt < asOf,
      });
    }
  }
  return buildTrainingSet(snapshots, outcomes);
}

/**
 * Prepares the churn step of a run (once, by the process that plans it). The latest stored model
 * version is reused while it is younger than `retrainEveryDays`; otherwise a new version is trained
 * — on the store's own churned customers when there are at least `minimumChurners`, else on the churn
 * package's synthetic data — and stored as a `churn-model` result (versions are kept). When even that
 * yields too few churners, the churn package's rules score instead, and the record says why.
 */
export async function prepareChurnStage(
  store: Store,
  asOf: string,
  options: ChurnPipelineOptions,
): Promise<ChurnStage> {
  if (!options.enabled) return unavailableChurnStage('churn prediction turned off (churn.enabled: false)');
  const latest = await store.getLatestResult(churnModelKind, runRecordOwner, {
    before: new Date(Date.parse(asOf) + 1).toISOString(),
  });
  if (latest !== undefined && Date.parse(asOf) - Date.parse(latest.asOf) < options.retrainEveryDays * day) {
    const record = latest.value as unknown as ChurnModelRecord;
    const stage = stageOf(record);
    return { ...stage, reason: `reusing ${stage.reason}` };
  }

  const history = await historyTrainingSet(store, asOf, 500);
  let source: ChurnModelRecord['source'] = 'history';
  let set: { readonly features: readonly (readonly number[])[]; readonly labels: readonly number[] } =
    history;
  let counts = history.counts;
  let note = '';
  if (history.counts.churners < options.minimumChurners) {
    const synthetic = generateSyntheticChurnData({ customers: options.syntheticRows, asOf, seed: 1 });
    const syntheticSet = buildTrainingSet(synthetic.snapshots, synthetic.outcomes);
    source = 'synthetic';
    set = syntheticSet;
    counts = syntheticSet.counts;
    note = `history has ${history.counts.churners} churners (< ${options.minimumChurners}): trained on ${counts.rows} synthetic customers; `;
  }
  const scorer = trainChurnModel(set, { minChurners: options.minimumChurners });
  const record: ChurnModelRecord = {
    version: versionOf(asOf),
    trainedAt: asOf,
    method: scorer.method,
    source,
    reason: `${note}${scorer.reason}`,
    rows: counts.rows,
    churners: counts.churners,
    model: scorer.method === 'model' ? toJsonValue(scorer.model.toJSON()) : null,
  };
  await store.putResult({
    kind: churnModelKind,
    customerId: runRecordOwner,
    asOf,
    value: toJsonValue(record),
  });
  const stage = stageOf(record);
  return { ...stage, reason: `trained ${stage.reason}` };
}

const loaded = new WeakMap<Store, Map<string, ChurnStage>>();

/**
 * The churn step for a worker processing a shard planned elsewhere: loads the model version the
 * run chose (cached per process).
 */
export async function loadChurnStage(
  store: Store,
  modelVersion: string | null,
  options: ChurnPipelineOptions,
): Promise<ChurnStage> {
  if (!options.enabled) return unavailableChurnStage('churn prediction turned off (churn.enabled: false)');
  if (modelVersion === null) return unavailableChurnStage('the run was planned without churn prediction');
  let versions = loaded.get(store);
  if (versions === undefined) loaded.set(store, (versions = new Map()));
  const cached = versions.get(modelVersion);
  if (cached !== undefined) return cached;
  const record = await readModelRecord(store, modelVersion);
  if (record === undefined) throw new Error(`churn model ${modelVersion} is not in the store`);
  const stage = stageOf(record);
  versions.set(modelVersion, stage);
  return stage;
}
