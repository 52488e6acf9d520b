import { KizunaValidationError } from '@kizuna/core';

/**
 * Checks a pair of label and score arrays for the metrics: equal non-zero length, labels 0/1 and
 * finite scores.
 *
 * @throws KizunaValidationError naming the first bad entry
 */
export function checkScoredLabels(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
  what: string,
  probabilities = false,
): void {
  if (labels === null || typeof labels !== 'object' || typeof labels.length !== 'number') {
    throw KizunaValidationError.forField(what, 'labels', 'expected an array of 0/1 labels');
  }
  if (scores === null || typeof scores !== 'object' || typeof scores.length !== 'number') {
    throw KizunaValidationError.forField(what, 'scores', 'expected an array of scores');
  }
  if (labels.length === 0)
    throw KizunaValidationError.forField(what, 'labels', 'expected at least one label');
  if (labels.length !== scores.length) {
    throw KizunaValidationError.forField(
      what,
      'scores',
      `expected ${labels.length} scores (one per label), received ${scores.length}`,
    );
  }
  for (let index = 0; index < labels.length; index += 1) {
    const label = labels[index];
    if (label !== 0 && label !== 1) {
      throw KizunaValidationError.forField(
        what,
        `labels[${index}]`,
        `expected 0 or 1, received ${String(label)}`,
      );
    }
    const score = scores[index];
    if (typeof score !== 'number' || !Number.isFinite(score)) {
      throw KizunaValidationError.forField(what, `scores[${index}]`, 'expected a finite number');
    }
    if (probabilities && (score < 0 || score > 1)) {
      throw KizunaValidationError.forField(
        what,
        `scores[${index}]`,
        `expected a probability in [0, 1], received ${score}`,
      );
    }
  }
}

/** Indices sorted by descending score (ties by index, so the order is deterministic). */
export function orderByScoreDescending(scores: ArrayLike<number>): Uint32Array {
  const order = Uint32Array.from({ length: scores.length }, (_, index) => index);
  return order.sort((left, right) => scores[right]! - scores[left]! || left - right);
}
