import { KizunaValidationError, parseInput } from '@kizuna/core';
import { evaluatePart } from '../scorecards/evaluate-part';
import { type Band, type Scorecard, type ScorecardInput, scorecardSchema } from '../scorecards/scorecard';
import { zenbuB2BScorecard } from '../scorecards/zenbu-b2b-scorecard';

/** Signals as columns: one array per signal, one entry per customer; `NaN` means "no data". */
export type HealthSignalColumns = Readonly<Record<string, Float64Array | readonly number[]>>;

/** Options of {@link scoreHealthBatch}. */
export interface ScoreHealthBatchOptions {
  /** The scorecard. @defaultValue {@link zenbuB2BScorecard} */
  readonly scorecard?: ScorecardInput | Scorecard;
  /** Also return each component's contribution per customer. @defaultValue false */
  readonly components?: boolean;
}

/** Scores of many customers, as columns in the order of the input. */
export interface HealthBatchResult {
  readonly count: number;
  readonly scorecardId: string;
  /** Score 0–100 per customer. */
  readonly scores: Float64Array;
  /** Index into `bands` per customer. */
  readonly bandIndex: Uint8Array;
  readonly bands: readonly Band[];
  /** Share of the weight whose signals had data, per customer. */
  readonly coverage: Float64Array;
  /** Contribution of each component per customer (with `components: true`). */
  readonly components?: Readonly<Record<string, Float64Array>>;
}

const compiled = new WeakMap<object, Scorecard>();

/**
 * Scores many customers at once over columnar signals (typed arrays), with the same rules as
 * {@link scoreHealth}: parts, missing-data policies (`exclude`, `neutral`, `zero`; `carry-forward`
 * has no previous result in a batch and acts as `exclude`), re-weighting, the no-data rule (every part
 * neutral), bands and coverage. Overrides, recommendations and deltas are per customer: use
 * {@link scoreHealth} for the accounts you look at. Cost is linear: one pass per scoring part.
 *
 * Validation: the scorecard is parsed once; every column must have `count` entries, each finite or
 * `NaN` (missing). Ranges are not checked per value in a batch, for speed.
 *
 * @throws KizunaValidationError naming the column and index of an infinite value or a short column
 * @example
 * ```ts
 * const result = scoreHealthBatch({ usageRate: new Float64Array([1.2, 0.3]), daysOverdue: new Float64Array([0, 30]) });
 * // Missing signals follow the seed card's policies (login: zero, satisfaction: neutral, rest excluded):
 * result.scores; // Float64Array [80, 13.333333] — (35 + 0 + 5 + 20) ÷ 75 and (5 + 0 + 5 + 0) ÷ 75
 * ```
 */
export function scoreHealthBatch(
  columns: HealthSignalColumns,
  options: ScoreHealthBatchOptions = {},
): HealthBatchResult {
  const scorecardInput = options.scorecard ?? zenbuB2BScorecard;
  let scorecard = compiled.get(scorecardInput);
  if (scorecard === undefined) {
    scorecard = parseInput(scorecardSchema, scorecardInput, 'scorecard');
    compiled.set(scorecardInput, scorecard);
  }
  const names = Object.keys(columns);
  const count = names.length === 0 ? 0 : columns[names[0]!]!.length;
  for (const name of names) {
    if (columns[name]!.length !== count) {
      throw KizunaValidationError.forField(
        'health signal columns',
        name,
        `expected ${count} entries, got ${columns[name]!.length}`,
      );
    }
  }
  const earned = new Float64Array(count);
  const available = new Float64Array(count);
  const withData = new Float64Array(count);
  const componentEarned: Float64Array[] = [];
  let totalWeight = 0;
  let neutralTotal = 0;
  const neutralByComponent: number[] = [];

  for (const component of scorecard.components) {
    const own = options.components === true ? new Float64Array(count) : undefined;
    if (own !== undefined) componentEarned.push(own);
    let componentNeutral = 0;
    for (const part of component.parts) {
      const maxPoints = part.maxPoints;
      totalWeight += maxPoints;
      const neutralPoints = Math.min(maxPoints, part.neutralPoints ?? maxPoints / 2);
      componentNeutral += neutralPoints;
      const policy = part.missingData ?? component.missingData ?? scorecard.missingData;
      const missingCounts = policy === 'neutral' || policy === 'zero';
      const missingPoints = policy === 'neutral' ? neutralPoints : 0;
      const column = columns[part.signal];
      if (column === undefined) {
        if (missingCounts) {
          for (let index = 0; index < count; index += 1) {
            earned[index]! += missingPoints;
            available[index]! += maxPoints;
            if (own !== undefined) own[index]! += missingPoints;
          }
        }
        continue;
      }
      const accumulate = (index: number, points: number) => {
        earned[index]! += points;
        available[index]! += maxPoints;
        withData[index]! += maxPoints;
        if (own !== undefined) own[index]! += points;
      };
      const missing = (index: number) => {
        if (missingCounts) {
          earned[index]! += missingPoints;
          available[index]! += maxPoints;
          if (own !== undefined) own[index]! += missingPoints;
        }
      };
      const infinite = (index: number) =>
        KizunaValidationError.forField(
          'health signal columns',
          `${part.signal}[${index}]`,
          'expected a finite number or NaN',
        );
      // One specialised loop per part kind, without a call per value, so V8 keeps it tight.
      if (part.kind === 'linear' && part.to !== part.from) {
        const from = part.from;
        const span = part.to - part.from;
        for (let index = 0; index < count; index += 1) {
          const value = column[index]!;
          if (Number.isNaN(value)) {
            missing(index);
            continue;
          }
          if (value - value !== 0) throw infinite(index);
          let fraction = (value - from) / span;
          if (fraction < 0) fraction = 0;
          else if (fraction > 1) fraction = 1;
          const points = Math.round(maxPoints * fraction * 1e6) / 1e6;
          earned[index]! += points;
          available[index]! += maxPoints;
          withData[index]! += maxPoints;
          if (own !== undefined) own[index]! += points;
        }
      } else if (part.kind === 'steps') {
        const clamp = (points: number) => Math.min(maxPoints, Math.max(0, points));
        const steps = part.steps.length;
        const operators = Uint8Array.from(part.steps, (step) => ['gte', 'gt', 'lte', 'lt'].indexOf(step.op));
        const limits = Float64Array.from(part.steps, (step) => step.value);
        const stepPoints = Float64Array.from(part.steps, (step) => clamp(step.points));
        const otherwise = clamp(part.otherwise);
        for (let index = 0; index < count; index += 1) {
          const value = column[index]!;
          if (Number.isNaN(value)) {
            missing(index);
            continue;
          }
          if (value - value !== 0) throw infinite(index);
          let points = otherwise;
          for (let step = 0; step < steps; step += 1) {
            const limit = limits[step]!;
            const operator = operators[step];
            if (
              operator === 0
                ? value >= limit
                : operator === 1
                  ? value > limit
                  : operator === 2
                    ? value <= limit
                    : value < limit
            ) {
              points = stepPoints[step]!;
              break;
            }
          }
          earned[index]! += points;
          available[index]! += maxPoints;
          withData[index]! += maxPoints;
          if (own !== undefined) own[index]! += points;
        }
      } else {
        for (let index = 0; index < count; index += 1) {
          const value = column[index]!;
          if (Number.isNaN(value)) missing(index);
          else if (value - value !== 0) throw infinite(index);
          else accumulate(index, evaluatePart(part, value).points);
        }
      }
    }
    neutralByComponent.push(componentNeutral);
    neutralTotal += componentNeutral;
  }

  const scores = new Float64Array(count);
  const coverage = new Float64Array(count);
  const bandIndex = new Uint8Array(count);
  const bands = scorecard.bands;
  const upper = Float64Array.from(bands.map((band) => band.upTo));
  const lastBand = bands.length - 1;
  const neutralScore = Math.round((neutralTotal / totalWeight) * 100 * 1e6) / 1e6;
  for (let index = 0; index < count; index += 1) {
    let score: number;
    if (withData[index] === 0) {
      score = neutralScore;
      for (let component = 0; component < componentEarned.length; component += 1) {
        componentEarned[component]![index] = (neutralByComponent[component]! / totalWeight) * 100;
      }
    } else {
      const scale = 100 / available[index]!;
      score = Math.round(earned[index]! * scale * 1e6) / 1e6;
      if (score > 100) score = 100;
      coverage[index] = withData[index]! / totalWeight;
      for (let component = 0; component < componentEarned.length; component += 1) {
        componentEarned[component]![index]! *= scale;
      }
    }
    scores[index] = score;
    let band = 0;
    while (band < lastBand && score > upper[band]!) band += 1;
    bandIndex[index] = band;
  }

  return {
    count,
    scorecardId: scorecard.id,
    scores,
    bandIndex,
    bands,
    coverage,
    ...(options.components === true
      ? {
          components: Object.fromEntries(
            scorecard.components.map((component, index) => [component.id, componentEarned[index]!]),
          ),
        }
      : {}),
  };
}
