import type { AppliedOverride } from '../score/health-result';
import type { Band, RecommendationRule } from '../scorecards/scorecard';

/** A recommendation rule of the scorecard and the customers it fires for. */
export interface HealthBatchRecommendation {
  /** The scorecard's rule: action, priority, automated flag, message and trigger. */
  readonly rule: RecommendationRule;
  /** 1 where the rule fires, per customer. */
  readonly customers: Uint8Array;
}

/** An override of the batch and what it did. */
export interface HealthBatchOverrideOutcome {
  /** Index of the customer in the batch's columns. */
  readonly index: number;
  /** The score the scorecard computed for this customer. */
  readonly computedScore: number;
  /** Index into `bands` of the computed score. */
  readonly computedBandIndex: number;
  /** The override as applied; absent when it had expired (reason code `override.expired`). */
  readonly applied?: AppliedOverride;
}

/** Change against the previous results, per customer (`NaN` where there was no previous result). */
export interface HealthBatchDelta {
  /** Score minus the previous score. */
  readonly scores: Float64Array;
  /** Each component's contribution minus its previous contribution, by component id. */
  readonly components: Readonly<Record<string, Float64Array>>;
  /** The previous scores compared against. */
  readonly previousScores: Float64Array;
  /** The previous contributions compared against, by component id (absent when not given). */
  readonly previousComponents: Readonly<Record<string, Float64Array | undefined>>;
}

/** Scores of many customers, as columns in the order of the input. */
export interface HealthBatchResult {
  /** Number of customers scored. */
  readonly count: number;
  /** The scorecard used. */
  readonly scorecardId: string;
  /** Score 0–100 per customer (an active override's score where there is one). */
  readonly scores: Float64Array;
  /** Index into `bands` per customer. */
  readonly bandIndex: Uint8Array;
  /** The scorecard's bands, which `bandIndex` points into. */
  readonly bands: readonly Band[];
  /** Share of the weight whose signals had data, per customer. */
  readonly coverage: Float64Array;
  /** Contribution of each component per customer (with `components: true` or `previous`). */
  readonly components?: Readonly<Record<string, Float64Array>>;
  /** The scorecard's recommendation rules and whom they fire for (with `recommendations: true`). */
  readonly recommendations?: readonly HealthBatchRecommendation[];
  /** Deltas against `previous`. */
  readonly delta?: HealthBatchDelta;
  /** What each override did, in the order given. */
  readonly overrides?: readonly HealthBatchOverrideOutcome[];
}
