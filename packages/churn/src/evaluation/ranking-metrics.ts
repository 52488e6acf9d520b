import { KizunaValidationError } from '@kizuna/core';
import { checkScoredLabels, orderByScoreDescending } from './scored-labels';

function countPositives(labels: ArrayLike<number>): number {
  let positives = 0;
  for (let index = 0; index < labels.length; index += 1) positives += labels[index]!;
  return positives;
}

/**
 * Area under the ROC curve: the probability that a random positive scores above a random negative,
 * ties counting one half (the Mann–Whitney statistic, as scikit-learn's `roc_auc_score`).
 *
 * @param labels - 0/1 per row
 * @param scores - any monotone score per row (probabilities or raw log-odds)
 * @returns a number in [0, 1]
 * @throws KizunaValidationError on mismatched lengths, non-0/1 labels, non-finite scores or one class only
 * @example
 * ```ts
 * rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]); // 0.75
 * ```
 */
export function rocAuc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  checkScoredLabels(labels, scores, 'rocAuc input');
  const positives = countPositives(labels);
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) {
    throw KizunaValidationError.forField('rocAuc input', 'labels', 'ROC AUC needs both classes');
  }
  const order = orderByScoreDescending(scores);
  // Walk from the highest score; each negative is beaten by the positives seen before it.
  let positivesAbove = 0;
  let area = 0;
  let index = 0;
  while (index < order.length) {
    let end = index;
    let groupPositives = 0;
    let groupNegatives = 0;
    while (end < order.length && scores[order[end]!] === scores[order[index]!]) {
      if (labels[order[end]!] === 1) groupPositives += 1;
      else groupNegatives += 1;
      end += 1;
    }
    area += groupNegatives * (positivesAbove + groupPositives / 2);
    positivesAbove += groupPositives;
    index = end;
  }
  return area / (positives * negatives);
}

/**
 * Area under the precision–recall curve as average precision: Σ (Rₙ − Rₙ₋₁) · Pₙ over the distinct
 * score thresholds, highest first (scikit-learn's `average_precision_score`).
 *
 * @returns a number in [0, 1]
 * @throws KizunaValidationError on bad input or no positive label
 * @example
 * ```ts
 * prAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]); // 0.8333…
 * ```
 */
export function prAuc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  checkScoredLabels(labels, scores, 'prAuc input');
  const positives = countPositives(labels);
  if (positives === 0)
    throw KizunaValidationError.forField('prAuc input', 'labels', 'PR AUC needs a positive label');
  const order = orderByScoreDescending(scores);
  let truePositives = 0;
  let seen = 0;
  let area = 0;
  let index = 0;
  while (index < order.length) {
    let end = index;
    let groupPositives = 0;
    while (end < order.length && scores[order[end]!] === scores[order[index]!]) {
      groupPositives += labels[order[end]!]!;
      end += 1;
    }
    truePositives += groupPositives;
    seen = end;
    area += (groupPositives / positives) * (truePositives / seen);
    index = end;
  }
  return area;
}
