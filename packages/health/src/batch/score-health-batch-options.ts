import type { HealthOverride } from '../score/score-health-options';
import type { Scorecard, ScorecardInput } from '../scorecards/scorecard';

/** A column of numbers, one entry per customer; `NaN` means "no data". */
export type HealthColumn = Float64Array | readonly number[];

/** Signals as columns: one array per signal, one entry per customer; `NaN` means "no data". */
export type HealthSignalColumns = Readonly<Record<string, HealthColumn>>;

/** The previous results of the customers, as columns in the same order (e.g. last month's batch). */
export interface HealthBatchPreviousColumns {
  /** Previous score per customer; `NaN` = no previous result (its deltas are then `NaN`). */
  readonly scores: HealthColumn;
  /**
   * Previous contribution of each component (`HealthResult.components[].points` or a previous
   * batch's `components`), by component id. A missing column or `NaN` counts as 0, as in `scoreHealth`.
   */
  readonly components?: Readonly<Record<string, HealthColumn>>;
  /**
   * Previous points of parts, keyed `componentId.partId` (`HealthResult.components[].parts[].points`;
   * `NaN` where that part was excluded), read by the `carry-forward` policy.
   */
  readonly parts?: Readonly<Record<string, HealthColumn>>;
}

/** A manual override of one customer of the batch, by its index. */
export type HealthBatchOverride = HealthOverride & {
  /** Index of the customer in the columns. */
  readonly index: number;
};

/** Options of {@link scoreHealthBatch}. */
export interface ScoreHealthBatchOptions {
  /** The scorecard. @defaultValue {@link zenbuB2BScorecard} */
  readonly scorecard?: ScorecardInput | Scorecard;
  /** Also return each component's contribution per customer. @defaultValue false (true with `previous`) */
  readonly components?: boolean;
  /** Evaluate the scorecard's recommendation rules per customer. @defaultValue false */
  readonly recommendations?: boolean;
  /** Previous results: per-component deltas out, and the `carry-forward` policy. */
  readonly previous?: HealthBatchPreviousColumns;
  /** Manual overrides (usually few): applied while `asOf` is before their `expiresAt`. */
  readonly overrides?: readonly HealthBatchOverride[];
  /** The instant of scoring, epoch ms or ISO; required with `overrides`. */
  readonly asOf?: number | string;
  /**
   * Compile the scorecard into specialised JavaScript (`new Function`, only numbers from the validated
   * scorecard are written into the code). Set `false` where code generation is not allowed; the
   * interpreted loop gives the same results, several times slower. @defaultValue true
   */
  readonly compile?: boolean;
}
