import type { SentimentLabel } from '@kizuna/core';

/** Sentiment risk over a period (seeds/001 §6.2). */
export interface SentimentRisk {
  readonly total: number;
  readonly positive: number;
  readonly negative: number;
  readonly neutral: number;
  /** Negative share of all analysed interactions; 0 when there are none. */
  readonly negativeRatio: number;
  /** high at a negative ratio ≥ 0.5, medium at ≥ 0.3, else low. */
  readonly riskLevel: 'low' | 'medium' | 'high';
  /** What the seed recommends for the level. */
  readonly recommendedAction: 'csm_urgent_intervention' | 'satisfaction_interview' | 'continue_monitoring';
}

/**
 * Summarises the sentiment of a customer's interactions over a period into the seed's risk level:
 * negative ratio ≥ 0.5 → high ("CSM urgent intervention within 24 h"), ≥ 0.3 → medium
 * ("satisfaction interview"), else low. No interactions is low risk with a ratio of 0.
 *
 * @example
 * ```ts
 * sentimentRisk(['NEGATIVE', 'NEGATIVE', 'POSITIVE']).riskLevel; // 'high'
 * ```
 */
export function sentimentRisk(labels: readonly SentimentLabel[]): SentimentRisk {
  const positive = labels.filter((label) => label === 'POSITIVE').length;
  const negative = labels.filter((label) => label === 'NEGATIVE').length;
  const neutral = labels.length - positive - negative;
  const negativeRatio = labels.length === 0 ? 0 : negative / labels.length;
  const riskLevel = negativeRatio >= 0.5 ? 'high' : negativeRatio >= 0.3 ? 'medium' : 'low';
  return {
    total: labels.length,
    positive,
    negative,
    neutral,
    negativeRatio,
    riskLevel,
    recommendedAction:
      riskLevel === 'high'
        ? 'csm_urgent_intervention'
        : riskLevel === 'medium'
          ? 'satisfaction_interview'
          : 'continue_monitoring',
  };
}
