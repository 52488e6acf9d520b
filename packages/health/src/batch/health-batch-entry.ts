import { explainDelta } from '../score/explain-delta';
import type { AppliedOverride, HealthDelta, HealthRecommendation } from '../score/health-result';
import type { HealthBatchResult } from './health-batch-result';

/** One customer of a batch, as plain data: what a worker stores or shows. */
export interface HealthBatchEntry {
  readonly index: number;
  readonly scorecardId: string;
  readonly score: number;
  /** The score the scorecard computed (differs from `score` while an override applies). */
  readonly computedScore: number;
  readonly band: string;
  readonly status: 'red' | 'yellow' | 'green';
  readonly coverage: number;
  /** Each component's contribution (when the batch computed them). */
  readonly components?: readonly { readonly id: string; readonly points: number }[];
  /** The recommendations that fire (when the batch evaluated them). */
  readonly recommendations?: readonly HealthRecommendation[];
  /** The change against the previous result, with its sentence (when there was one). */
  readonly delta?: HealthDelta;
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
