import { instantSchema, KizunaValidationError, parseInput } from '@kizuna/core';
import * as z from 'zod';
import { healthOverrideSchema } from '../score/score-health-options';
import { roundPoints } from '../scorecards/evaluate-part';
import { type Scorecard, scorecardSchema } from '../scorecards/scorecard';
import { zenbuB2BScorecard } from '../scorecards/zenbu-b2b-scorecard';
import type { BatchKernel } from './batch-kernel';
import { batchPlan } from './batch-plan';
import { compiledKernel } from './compiled-kernel';
import type {
  HealthBatchDelta,
  HealthBatchOverrideOutcome,
  HealthBatchRecommendation,
  HealthBatchResult,
} from './health-batch-result';
import { interpretedKernel } from './interpreted-kernel';
import type {
  HealthColumn,
  HealthSignalColumns,
  ScoreHealthBatchOptions,
} from './score-health-batch-options';

const parsedScorecards = new WeakMap<object, Scorecard>();
const interpretedKernels = new WeakMap<Scorecard, BatchKernel>();
const what = 'health signal columns';

const batchOverrideSchema = healthOverrideSchema.and(z.object({ index: z.number().int().nonnegative() }));
const batchOverridesSchema = z.array(batchOverrideSchema);

/** A column as a Float64Array of `count` entries, each finite or NaN. */
function numericColumn(column: HealthColumn, count: number, field: string): Float64Array {
  if (column.length !== count) {
    throw KizunaValidationError.forField(what, field, `expected ${count} entries, got ${column.length}`);
  }
  return column instanceof Float64Array ? column : Float64Array.from(column);
}

function checkFiniteOrNaN(values: Float64Array, field: string): void {
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index]!;
    if (!Number.isFinite(value) && !Number.isNaN(value)) {
      throw KizunaValidationError.forField(what, `${field}[${index}]`, 'expected a finite number or NaN');
    }
  }
}

/**
 * Scores many customers at once over columnar signals (typed arrays), with the same rules and the
 * same arithmetic as {@link scoreHealth}, so every customer gets exactly the score, band, coverage
 * and component points `scoreHealth` gives: parts, missing-data policies, re-weighting, the no-data
 * rule, bands; with options also recommendations, deltas against previous results, the
 * `carry-forward` policy (from previous part points) and manual overrides with expiry.
 *
 * The scorecard is compiled once into straight-line code and every customer is scored in one fused
 * pass over the columns with nothing allocated per customer. Cost is linear.
 *
 * Validation: the scorecard is parsed once per object; every column must have `count` entries, each
 * finite or `NaN` (missing); ranges are not checked per value, for speed. Overrides are validated
 * like `scoreHealth`'s.
 *
 * @throws KizunaValidationError naming the column and index of an infinite value or a short column,
 *   an invalid override (or one without `asOf`), or an override band the scorecard lacks
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
  let scorecard = parsedScorecards.get(scorecardInput);
  if (scorecard === undefined) {
    scorecard = parseInput(scorecardSchema, scorecardInput, 'scorecard');
    parsedScorecards.set(scorecardInput, scorecard);
  }
  const names = Object.keys(columns);
  const count = names.length === 0 ? (options.previous?.scores.length ?? 0) : columns[names[0]!]!.length;
  for (const name of names) {
    const length = columns[name]!.length;
    if (length !== count)
      throw KizunaValidationError.forField(what, name, `expected ${count} entries, got ${length}`);
  }
  const plan = batchPlan(scorecard);
  const previous = options.previous;
  const carriedColumns = plan.parts.map(({ key, policy }) => {
    const column = policy === 'carry-forward' ? previous?.parts?.[key] : undefined;
    if (column === undefined) return null;
    const values = numericColumn(column, count, `previous.parts.${key}`);
    checkFiniteOrNaN(values, `previous.parts.${key}`);
    return values;
  });
  const input = {
    count,
    values: plan.parts.map(({ part }) => {
      const column = columns[part.signal];
      return column === undefined ? null : numericColumn(column, count, part.signal);
    }),
    carried: carriedColumns,
  };
  const wantComponents = options.components === true || previous !== undefined;
  const wantRecommendations = options.recommendations === true;
  const output = {
    scores: new Float64Array(count),
    coverage: new Float64Array(count),
    bandIndex: new Uint8Array(count),
    components: wantComponents ? scorecard.components.map(() => new Float64Array(count)) : [],
    componentRuleFlags: wantRecommendations ? plan.componentRules.map(() => new Uint8Array(count)) : [],
  };
  let kernel =
    options.compile === false
      ? undefined
      : compiledKernel(plan, {
          present: input.values.map((column) => column !== null),
          carried: carriedColumns.map((column) => column !== null),
          components: wantComponents,
          componentRules: wantRecommendations,
        });
  if (kernel === undefined) {
    kernel = interpretedKernels.get(scorecard) ?? interpretedKernel(plan);
    interpretedKernels.set(scorecard, kernel);
  }
  kernel(input, output, (part, index) =>
    KizunaValidationError.forField(
      what,
      `${plan.parts[part]!.part.signal}[${index}]`,
      'expected a finite number or NaN',
    ),
  );

  const overrides =
    options.overrides === undefined ? undefined : applyOverrides(scorecard, options, output, count);
  const components = wantComponents
    ? Object.fromEntries(
        scorecard.components.map((component, index) => [component.id, output.components[index]!]),
      )
    : undefined;
  return {
    count,
    scorecardId: scorecard.id,
    scores: output.scores,
    bandIndex: output.bandIndex,
    bands: scorecard.bands,
    coverage: output.coverage,
    ...(components === undefined ? {} : { components }),
    ...(wantRecommendations
      ? { recommendations: recommendationColumns(scorecard, plan.componentRules, output) }
      : {}),
    ...(previous === undefined ? {} : { delta: deltaColumns(scorecard, previous, output, count) }),
    ...(overrides === undefined ? {} : { overrides }),
  };
}

function applyOverrides(
  scorecard: Scorecard,
  options: ScoreHealthBatchOptions,
  output: { readonly scores: Float64Array; readonly bandIndex: Uint8Array },
  count: number,
): HealthBatchOverrideOutcome[] {
  const overrides = parseInput(batchOverridesSchema, options.overrides, 'health batch options.overrides');
  if (options.asOf === undefined) {
    throw KizunaValidationError.forField('health batch options', 'asOf', 'overrides need asOf');
  }
  const asOf =
    typeof options.asOf === 'number'
      ? options.asOf
      : Date.parse(parseInput(instantSchema, options.asOf, 'health batch options.asOf'));
  if (!Number.isFinite(asOf)) {
    throw KizunaValidationError.forField('health batch options', 'asOf', 'expected an instant');
  }
  const bandIndexOf = (score: number) => {
    let band = 0;
    while (band < scorecard.bands.length - 1 && score > scorecard.bands[band]!.upTo) band += 1;
    return band;
  };
  return overrides.map((override, position) => {
    const { index } = override;
    if (index >= count) {
      throw KizunaValidationError.forField(
        'health batch options',
        `overrides[${position}].index`,
        `expected an index below ${count}`,
      );
    }
    const computedScore = output.scores[index]!;
    const computedBandIndex = output.bandIndex[index]!;
    if (!(asOf < Date.parse(override.expiresAt))) return { index, computedScore, computedBandIndex };
    let score = computedScore;
    let band = computedBandIndex;
    if (override.score !== undefined) {
      score = override.score;
      band = bandIndexOf(score);
    }
    if (override.band !== undefined) {
      band = scorecard.bands.findIndex((candidate) => candidate.id === override.band);
      if (band === -1) {
        throw KizunaValidationError.forField(
          'health batch options',
          `overrides[${position}].band`,
          `no band "${override.band}" in scorecard ${scorecard.id}`,
        );
      }
    }
    output.scores[index] = score;
    output.bandIndex[index] = band;
    return {
      index,
      computedScore,
      computedBandIndex,
      applied: {
        score,
        band: scorecard.bands[band]!.id,
        reason: override.reason,
        expiresAt: override.expiresAt,
        ...(override.setBy === undefined ? {} : { setBy: override.setBy }),
      },
    };
  });
}

function recommendationColumns(
  scorecard: Scorecard,
  componentRules: ReturnType<typeof batchPlan>['componentRules'],
  output: {
    readonly scores: Float64Array;
    readonly bandIndex: Uint8Array;
    readonly componentRuleFlags: readonly Uint8Array[];
  },
): HealthBatchRecommendation[] {
  const count = output.scores.length;
  return scorecard.recommendations.map((rule, ruleIndex) => {
    const when = rule.when;
    if ('component' in when) {
      const position = componentRules.findIndex((candidate) => candidate.rule === ruleIndex);
      return {
        rule,
        customers: position === -1 ? new Uint8Array(count) : output.componentRuleFlags[position]!,
      };
    }
    const customers = new Uint8Array(count);
    if ('score' in when) {
      const { scores } = output;
      for (let index = 0; index < count; index += 1) customers[index] = scores[index]! < when.below ? 1 : 0;
    } else {
      const fires = Uint8Array.from(scorecard.bands, (band) => (when.status.includes(band.status) ? 1 : 0));
      const { bandIndex } = output;
      for (let index = 0; index < count; index += 1) customers[index] = fires[bandIndex[index]!]!;
    }
    return { rule, customers };
  });
}

function deltaColumns(
  scorecard: Scorecard,
  previous: NonNullable<ScoreHealthBatchOptions['previous']>,
  output: { readonly scores: Float64Array; readonly components: readonly Float64Array[] },
  count: number,
): HealthBatchDelta {
  const previousScores = numericColumn(previous.scores, count, 'previous.scores');
  checkFiniteOrNaN(previousScores, 'previous.scores');
  const scores = new Float64Array(count);
  for (let index = 0; index < count; index += 1) {
    scores[index] = roundPoints(output.scores[index]! - previousScores[index]!);
  }
  const previousComponents: Record<string, Float64Array | undefined> = {};
  const components = Object.fromEntries(
    scorecard.components.map((component, componentIndex) => {
      const current = output.components[componentIndex]!;
      const column = previous.components?.[component.id];
      const field = `previous.components.${component.id}`;
      const before = column === undefined ? undefined : numericColumn(column, count, field);
      if (before !== undefined) checkFiniteOrNaN(before, field);
      previousComponents[component.id] = before;
      const change = new Float64Array(count);
      for (let index = 0; index < count; index += 1) {
        const had = previousScores[index]!;
        const value = before === undefined ? 0 : before[index]!;
        change[index] = Number.isNaN(had)
          ? Number.NaN
          : roundPoints(current[index]! - (Number.isNaN(value) ? 0 : value));
      }
      return [component.id, change];
    }),
  );
  return { scores, components, previousScores, previousComponents };
}
