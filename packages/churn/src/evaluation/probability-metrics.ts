import { parseInput } from '@kizuna/core';
import * as z from 'zod';
import { checkScoredLabels } from './scored-labels';

/**
 * Mean log loss −[y log p + (1 − y) log(1 − p)], with p clipped to [ε, 1 − ε] (ε = 1e-15, as
 * scikit-learn) so a confident mistake is large but finite.
 *
 * @param labels - 0/1 per row
 * @param probabilities - predicted probability of class 1 per row, in [0, 1]
 * @returns nats per row; lower is better
 * @throws KizunaValidationError on mismatched lengths, non-0/1 labels or probabilities outside [0, 1]
 * @example
 * ```ts
 * logLoss([1, 0], [0.8, 0.4]); // (−ln 0.8 − ln 0.6) / 2 = 0.3670…
 * ```
 */
export function logLoss(labels: ArrayLike<number>, probabilities: ArrayLike<number>): number {
  checkScoredLabels(labels, probabilities, 'logLoss input', true);
  const epsilon = 1e-15;
  let total = 0;
  for (let index = 0; index < labels.length; index += 1) {
    const probability = Math.min(Math.max(probabilities[index]!, epsilon), 1 - epsilon);
    total -= labels[index] === 1 ? Math.log(probability) : Math.log(1 - probability);
  }
  return total / labels.length;
}

/**
 * Brier score: mean squared difference between the probability and the 0/1 outcome.
 *
 * @returns a number in [0, 1]; lower is better
 * @throws KizunaValidationError on bad input
 * @example
 * ```ts
 * brierScore([1, 0], [0.8, 0.4]); // (0.04 + 0.16) / 2 = 0.1
 * ```
 */
export function brierScore(labels: ArrayLike<number>, probabilities: ArrayLike<number>): number {
  checkScoredLabels(labels, probabilities, 'brierScore input', true);
  let total = 0;
  for (let index = 0; index < labels.length; index += 1)
    total += (probabilities[index]! - labels[index]!) ** 2;
  return total / labels.length;
}

/** One bin of a calibration (reliability) table. */
export interface CalibrationBin {
  /** Lower edge of the predicted-probability range (inclusive). */
  readonly lower: number;
  /** Upper edge (exclusive, except 1 for the last bin). */
  readonly upper: number;
  /** Rows whose probability falls in the bin. */
  readonly count: number;
  /** Mean predicted probability in the bin; `null` when empty. */
  readonly meanPredicted: number | null;
  /** Share of positives in the bin; `null` when empty. */
  readonly observedRate: number | null;
}

/** Options of {@link calibrationBins}. */
export const calibrationOptionsSchema = z.object({
  /** Number of equal-width bins over [0, 1]. @defaultValue 10 */
  bins: z.number().int().min(1).max(1000).default(10),
});

/**
 * A calibration table: equal-width bins of predicted probability with the mean prediction and the
 * observed positive rate of each. A calibrated model has `meanPredicted ≈ observedRate` in every bin.
 *
 * @throws KizunaValidationError on bad input or options
 * @example
 * ```ts
 * calibrationBins([0, 1, 1], [0.1, 0.7, 0.9], { bins: 2 });
 * // [{ lower: 0, upper: 0.5, count: 1, meanPredicted: 0.1, observedRate: 0 },
 * //  { lower: 0.5, upper: 1, count: 2, meanPredicted: 0.8, observedRate: 1 }]
 * ```
 */
export function calibrationBins(
  labels: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  options: z.input<typeof calibrationOptionsSchema> = {},
): readonly CalibrationBin[] {
  const { bins } = parseInput(calibrationOptionsSchema, options, 'calibration options');
  checkScoredLabels(labels, probabilities, 'calibrationBins input', true);
  const counts = new Float64Array(bins);
  const predicted = new Float64Array(bins);
  const observed = new Float64Array(bins);
  for (let index = 0; index < labels.length; index += 1) {
    const probability = probabilities[index]!;
    const bin = Math.min(bins - 1, Math.floor(probability * bins));
    counts[bin]! += 1;
    predicted[bin]! += probability;
    observed[bin]! += labels[index]!;
  }
  return Array.from({ length: bins }, (_, bin) => ({
    lower: bin / bins,
    upper: (bin + 1) / bins,
    count: counts[bin]!,
    meanPredicted: counts[bin]! > 0 ? predicted[bin]! / counts[bin]! : null,
    observedRate: counts[bin]! > 0 ? observed[bin]! / counts[bin]! : null,
  }));
}

/** Counts and rates of a classifier at one threshold. */
export interface ConfusionMatrix {
  readonly threshold: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly trueNegatives: number;
  readonly falseNegatives: number;
  /** TP / (TP + FP); 0 when nothing is predicted positive. */
  readonly precision: number;
  /** TP / (TP + FN); 0 without positives. */
  readonly recall: number;
  /** (TP + TN) / n. */
  readonly accuracy: number;
  /** Harmonic mean of precision and recall; 0 when both are 0. */
  readonly f1: number;
}

/**
 * The confusion matrix when rows with `probability >= threshold` are predicted positive.
 *
 * @param threshold - in [0, 1] @defaultValue 0.5
 * @throws KizunaValidationError on bad input or a threshold outside [0, 1]
 * @example
 * ```ts
 * confusionAtThreshold([1, 0, 1, 0], [0.9, 0.6, 0.2, 0.1], 0.5);
 * // { truePositives: 1, falsePositives: 1, trueNegatives: 1, falseNegatives: 1, precision: 0.5, … }
 * ```
 */
export function confusionAtThreshold(
  labels: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  threshold = 0.5,
): ConfusionMatrix {
  parseInput(z.number().min(0).max(1), threshold, 'threshold');
  checkScoredLabels(labels, probabilities, 'confusionAtThreshold input', true);
  let truePositives = 0;
  let falsePositives = 0;
  let trueNegatives = 0;
  let falseNegatives = 0;
  for (let index = 0; index < labels.length; index += 1) {
    const predictedPositive = probabilities[index]! >= threshold;
    if (labels[index] === 1) {
      if (predictedPositive) truePositives += 1;
      else falseNegatives += 1;
    } else if (predictedPositive) falsePositives += 1;
    else trueNegatives += 1;
  }
  const precision = truePositives + falsePositives > 0 ? truePositives / (truePositives + falsePositives) : 0;
  const recall = truePositives + falseNegatives > 0 ? truePositives / (truePositives + falseNegatives) : 0;
  return {
    threshold,
    truePositives,
    falsePositives,
    trueNegatives,
    falseNegatives,
    precision,
    recall,
    accuracy: (truePositives + trueNegatives) / labels.length,
    f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
  };
}
