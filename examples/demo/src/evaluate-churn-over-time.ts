import {
  buildTrainingSet,
  type ChurnOutcome,
  churnFeatureNames,
  rocAuc,
  scoreChurnRules,
  timeBasedSplit,
  trainChurnModel,
} from '@kizuna/churn';
import { buildSnapshots, type CustomerSnapshot, type Store } from '@kizuna/core';

const day = 86_400_000;
/** "Churned within this many days after the snapshot" is the label (the worker's window too). */
export const labelWindowDays = 90;

/** The held-out evaluation of the churn model on the demo's own history. */
export interface ChurnEvaluation {
  /** `model` when enough churners were in the training rows, else the rules fallback. */
  readonly method: 'model' | 'rules';
  /** Snapshot instants the training rows were taken at (labels end before the cutoff). */
  readonly trainingInstants: readonly string[];
  /** The test snapshot instant: every row at or after it is held out. */
  readonly cutoff: string;
  readonly training: { readonly rows: number; readonly churners: number };
  readonly test: { readonly rows: number; readonly churners: number };
  /** ROC AUC of the model trained on the past, on the held-out future rows. */
  readonly heldOutAuc: number;
  /** ROC AUC of the churn package's rules on the same held-out rows, for comparison. */
  readonly rulesAuc: number;
}

/**
 * Labelled rows at one instant: every customer that existed and had not left by then, labelled
 * churned when its `churnedAt` falls within {@link labelWindowDays} after it.
 */
async function labelledRowsAt(store: Store, customerIds: readonly string[], instant: string) {
  const end = new Date(Date.parse(instant) + labelWindowDays * day).toISOString();
  const snapshots: CustomerSnapshot[] = [];
  const outcomes: ChurnOutcome[] = [];
  for (let start = 0; start < customerIds.length; start += 500) {
    const batch = customerIds.slice(start, start + 500);
    for (const snapshot of await buildSnapshots(store, batch, { asOf: instant })) {
      const { customer } = snapshot;
      if (customer.createdAt >= instant) continue;
      if (customer.churnedAt !== undefined && customer.churnedAt < instant) continue;
      snapshots.push(snapshot);
      outcomes.push({
        customerId: customer.id,
        churned: customer.churnedAt !== undefined && customer.churnedAt < end,
      });
    }
  }
  return buildTrainingSet(snapshots, outcomes);
}

/**
 * Evaluates the churn model honestly on the store's own history with a time-based split: rows are
 * snapshots at four monthly instants from 181 to 271 days before `asOf` (training; each label
 * window ends before the cutoff) and at 90 days before `asOf` (the held-out test, labelled by what
 * happened up to `asOf`). The model is trained the way the worker trains it (`trainChurnModel`,
 * the seed's settings) on the training rows only, then scored on the test rows it never saw.
 */
export async function evaluateChurnOverTime(store: Store, asOf: string): Promise<ChurnEvaluation> {
  const customerIds: string[] = [];
  for (;;) {
    const page = await store.listCustomerIds({
      limit: 1000,
      ...(customerIds.length === 0 ? {} : { after: customerIds[customerIds.length - 1]! }),
    });
    customerIds.push(...page);
    if (page.length < 1000) break;
  }
  const at = (daysBefore: number) => new Date(Date.parse(asOf) - daysBefore * day).toISOString();
  const cutoff = at(labelWindowDays);
  const trainingInstants = [271, 241, 211, 181].map(at);
  const rows: { asOf: string; features: readonly number[]; label: number }[] = [];
  for (const instant of [...trainingInstants, cutoff]) {
    const set = await labelledRowsAt(store, customerIds, instant);
    set.features.forEach((features, index) => {
      rows.push({ asOf: set.asOf[index]!, features, label: set.labels[index]! });
    });
  }
  // The gap keeps every training label window (90 days after its snapshot) before the cutoff.
  const { past, future } = timeBasedSplit(rows, (row) => row.asOf, { cutoff, gapDays: labelWindowDays });
  const training = { features: past.map((row) => row.features), labels: past.map((row) => row.label) };
  const testLabels = future.map((row) => row.label);
  const scorer = trainChurnModel(training);
  const rulesScores = future.map(
    (row) =>
      scoreChurnRules(
        Object.fromEntries(churnFeatureNames.map((name, index) => [name, row.features[index]!])) as Record<
          (typeof churnFeatureNames)[number],
          number
        >,
      ).probability,
  );
  const modelScores =
    scorer.method === 'model'
      ? scorer.model.predictProbability(future.map((row) => row.features))
      : Float64Array.from(rulesScores);
  const count = (labels: readonly number[]) => labels.filter((label) => label === 1).length;
  return {
    method: scorer.method,
    trainingInstants,
    cutoff,
    training: { rows: past.length, churners: count(training.labels) },
    test: { rows: future.length, churners: count(testLabels) },
    heldOutAuc: rocAuc(testLabels, modelScores),
    rulesAuc: rocAuc(testLabels, rulesScores),
  };
}
