import { explainDelta } from '../score/explain-delta';
import type { AppliedOverride, HealthDelta, HealthRecommendation } from '../score/health-result';
import type { HealthBatchResult } from './health-batch-result';

/** One customer of a batch, as plain data: what a worker stores or shows. */
export interface HealthBatchEntry {
  /** Index of the customer in the batch's columns. */
  readonly index: number;
  /** The scorecard the batch used. */
  readonly scorecardId: string;
  /** Score 0–100 (the override's while one applies). */
  readonly score: number;
  /** The score the scorecard computed (differs from `score` while an override applies). */
  readonly computedScore: number;
  /** Band id. */
  readonly band: string;
  /** Traffic-light status of the band. */
  readonly status: 'red' | 'yellow' | 'green';
  /** Share of the weight whose signals had data, 0..1. */
  readonly coverage: number;
  /** Each component's contribution by component id (when the batch computed them). */
  readonly components?: readonly {
    /** Component id. */
    readonly id: string;
    /** Contribution to the 0–100 score. */
    readonly points: number;
  }[];
  /** The recommendations that fire (when the batch evaluated them). */
  readonly recommendations?: readonly HealthRecommendation[];
  /** The change against the previous result, with its sentence (when there was one). */
  readonly delta?: HealthDelta;
  /** The override that applies, with its reason and expiry. */
  readonly override?: AppliedOverride;
}

/**
 * Reads one customer out of a {@link scoreHealthBatch} result: score, band, components,
 * recommendations with their reason codes, and the delta with the sentence `78 → 61: usage −14`,
 * in the shapes {@link scoreHealth} uses. Cheap: call it for the customers you store or show.
 *
 * @throws RangeError when `index` is outside the batch
 */
export function healthBatchEntry(batch: HealthBatchResult, index: number): HealthBatchEntry {
  if (!Number.isInteger(index) || index < 0 || index >= batch.count) {
    throw new RangeError(`index ${index} is outside the batch of ${batch.count}`);
  }
  const band = batch.bands[batch.bandIndex[index]!]!;
  const score = batch.scores[index]!;
  const outcome = batch.overrides?.find((candidate) => candidate.index === index && candidate.applied);
  const components =
    batch.components === undefined
      ? undefined
      : Object.entries(batch.components).map(([id, points]) => ({ id, points: points[index]! }));
  const recommendations = batch.recommendations
    ?.filter(({ customers }) => customers[index] === 1)
    .map(({ rule }): HealthRecommendation => {
      const when = rule.when;
      const reasonCode =
        'component' in when
          ? `${when.component}<${when.below}`
          : 'score' in when
            ? `score<${when.below}`
            : `status:${band.status}`;
      return {
        type: rule.type,
        action: rule.action,
        priority: rule.priority,
        automated: rule.automated,
        message: rule.message,
        reasonCode,
      };
    });
  let delta: HealthDelta | undefined;
  const change = batch.delta?.scores[index];
  if (
    batch.delta !== undefined &&
    change !== undefined &&
    !Number.isNaN(change) &&
    components !== undefined
  ) {
    const { previousScores, previousComponents } = batch.delta;
    const componentDeltas = components.map(({ id, points }) => {
      const before = previousComponents[id]?.[index];
      return {
        id,
        previous: before === undefined || Number.isNaN(before) ? null : before,
        current: points,
        change: batch.delta!.components[id]![index]!,
      };
    });
    const previousScore = previousScores[index]!;
    delta = {
      previousScore,
      change,
      components: componentDeltas,
      explanation: explainDelta(previousScore, score, componentDeltas),
      scorecardChanged: false,
    };
  }
  return {
    index,
    scorecardId: batch.scorecardId,
    score,
    computedScore: outcome?.computedScore ?? score,
    band: band.id,
    status: band.status,
    coverage: batch.coverage[index]!,
    ...(components === undefined ? {} : { components }),
    ...(recommendations === undefined ? {} : { recommendations }),
    ...(delta === undefined ? {} : { delta }),
    ...(outcome?.applied === undefined ? {} : { override: outcome.applied }),
  };
}
