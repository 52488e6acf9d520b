import type { Action, CustomerSnapshot, JsonValue } from '@kizuna/core';

/** One customer's churn prediction as the pipeline stores and acts on it. */
export interface ChurnStageOutcome {
  /** Probability of churn, 0..1. */
  readonly probability: number;
  /** `critical`, `high`, `medium` or `low`. */
  readonly riskLevel: string;
  /** The prediction with its factors and plan, stored as the `churn` result. */
  readonly value: JsonValue;
  /** Retention-plan actions for the outbox (deterministic keys). */
  readonly actions: readonly Action[];
}

/**
 * The churn step of a run, prepared once per run: a trained model version, the rules fallback, or
 * nothing when the churn engine is not available. `reason` says which and why; it goes into the
 * run record.
 */
export interface ChurnStage {
  readonly method: 'model' | 'rules' | 'unavailable';
  /** The stored model version the predictions come from (`null` for rules or none). */
  readonly modelVersion: string | null;
  readonly reason: string;
  /** Predicts for one customer, or returns `null` when the stage is unavailable. */
  predict(snapshot: CustomerSnapshot, asOf: string): ChurnStageOutcome | null;
}

/** The stage used when churn prediction is turned off or not available. */
export function unavailableChurnStage(reason: string): ChurnStage {
  return { method: 'unavailable', modelVersion: null, reason, predict: () => null };
}
