import type { ActionPriority } from '@kizuna/core';

/** How a scoring part got its points. */
export type PartStatus = 'scored' | 'neutral' | 'zero' | 'carried-forward' | 'excluded';

/** One scoring part of a component in a {@link HealthResult}. */
export interface PartResult {
  readonly id: string;
  readonly signal: string;
  /** The signal's value; `null` when it had no data. */
  readonly value: number | null;
  /** Points earned on the part's own scale (0..maxPoints). */
  readonly points: number;
  readonly maxPoints: number;
  readonly status: PartStatus;
  /** Reason code of the step applied (step parts) or of the missing-data policy. */
  readonly reasonCode?: string;
}

/** One component of a {@link HealthResult}. */
export interface ComponentResult {
  readonly id: string;
  readonly label: string;
  /** Contribution to the 0–100 score after re-weighting; the components' points sum to the score. */
  readonly points: number;
  /** The most this component could contribute given the data available (0 when excluded). */
  readonly maxPoints: number;
  /** Points earned on the scorecard's own scale (the seed's breakdown: usage 25 of 35). */
  readonly earnedPoints: number;
  /** The component's configured weight (sum of its parts' maxPoints). */
  readonly configuredMaxPoints: number;
  /**
   * Earned points ÷ the weight of the parts that counted × configured weight: what recommendation
   * thresholds compare (equals `earnedPoints` when every part had data); `null` when nothing counted.
   */
  readonly normalisedPoints: number | null;
  /** Share of the component's weight whose signals had data, 0..1. */
  readonly coverage: number;
  readonly parts: readonly PartResult[];
}

/** A recommended next step from a scorecard's recommendation rules. */
export interface HealthRecommendation {
  /** The seed's `type`, e.g. `usage_low`. */
  readonly type: string;
  /** Action id, e.g. `send_reengagement_campaign`. */
  readonly action: string;
  readonly priority: ActionPriority;
  /** True when software does it; false when a person must. */
  readonly automated: boolean;
  readonly message: string;
  /** Why, e.g. `usage<15` or `score<40`. */
  readonly reasonCode: string;
}

/** The change against a previous result. */
export interface HealthDelta {
  readonly previousScore: number;
  readonly change: number;
  readonly components: readonly {
    readonly id: string;
    readonly previous: number | null;
    readonly current: number;
    readonly change: number;
  }[];
  /** Human-readable: `78 → 61: usage −14, support −3`. */
  readonly explanation: string;
  /** True when the previous result came from another scorecard (component deltas then compare unlike weights). */
  readonly scorecardChanged: boolean;
}

/** An applied manual override. */
export interface AppliedOverride {
  readonly score: number;
  readonly band: string;
  readonly reason: string;
  readonly expiresAt: string;
  readonly setBy?: string;
}

/** The health of one customer: score, band, breakdown, coverage, reasons, recommendations. */
export interface HealthResult {
  readonly customerId?: string;
  readonly asOf?: string;
  readonly scorecardId: string;
  /** The score 0–100: `computedScore`, or the override's score while one is active. */
  readonly score: number;
  /** The score the scorecard computed: always the sum of the components' points. */
  readonly computedScore: number;
  /** Band id (`red`, `yellow`, `green` with the default bands). */
  readonly band: string;
  /** Traffic-light status of the band. */
  readonly status: 'red' | 'yellow' | 'green';
  readonly components: readonly ComponentResult[];
  /** Share of the total weight whose signals had data, 0..1. */
  readonly coverage: number;
  readonly reasonCodes: readonly string[];
  readonly recommendations: readonly HealthRecommendation[];
  readonly delta?: HealthDelta;
  readonly override?: AppliedOverride;
}
