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
  /**
   * Compile the scorecard into specialised JavaScript (`new Function`, only numbers from the validated
   * scorecard are written into the code). Set `false` where code generation is not allowed; the
   * interpreted loop gives the same results, several times slower. @defaultValue true
   */
  readonly compile?: boolean;
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
 * {@link scoreHealth} for the accounts you look at. Cost is linear: one fused pass over the columns.
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
  // Compile the scorecard into flat arrays, then score customer by customer in one fused pass: every
  // column is read once, sequentially, and the accumulators stay in registers.
  const parts = scorecard.components.flatMap((component, componentIndex) =>
    component.parts.map((part) => ({ part, component, componentIndex })),
  );
  const partCount = parts.length;
  const partColumns: (Float64Array | null)[] = parts.map(({ part }) => {
    const column = columns[part.signal];
    if (column === undefined) return null;
    return column instanceof Float64Array ? column : Float64Array.from(column);
  });
  const kindCode = new Uint8Array(partCount); // 0 linear, 1 steps, 2 other (flat linear)
  const maxPoints = new Float64Array(partCount);
  const missingCode = new Uint8Array(partCount); // 0 exclude, 1 count with missingPoints
  const missingPoints = new Float64Array(partCount);
  const linearFrom = new Float64Array(partCount);
  const linearSpan = new Float64Array(partCount);
  const stepStart = new Int32Array(partCount);
  const stepCount = new Int32Array(partCount);
  const stepOperators: number[] = [];
  const stepLimits: number[] = [];
  const stepPoints: number[] = [];
  const otherwisePoints = new Float64Array(partCount);
  const componentOfPart = new Int32Array(partCount);
  const componentCount = scorecard.components.length;
  const neutralByComponent = new Float64Array(componentCount);
  let totalWeight = 0;
  parts.forEach(({ part, component, componentIndex }, index) => {
    const weight = part.maxPoints;
    totalWeight += weight;
    maxPoints[index] = weight;
    componentOfPart[index] = componentIndex;
    const neutralPoints = Math.min(weight, part.neutralPoints ?? weight / 2);
    neutralByComponent[componentIndex]! += neutralPoints;
    const policy = part.missingData ?? component.missingData ?? scorecard.missingData;
    missingCode[index] = policy === 'neutral' || policy === 'zero' ? 1 : 0;
    missingPoints[index] = policy === 'neutral' ? neutralPoints : 0;
    const clamp = (points: number) => Math.min(weight, Math.max(0, points));
    if (part.kind === 'linear' && part.to !== part.from) {
      kindCode[index] = 0;
      linearFrom[index] = part.from;
      linearSpan[index] = part.to - part.from;
    } else if (part.kind === 'steps') {
      kindCode[index] = 1;
      stepStart[index] = stepLimits.length;
      stepCount[index] = part.steps.length;
      for (const step of part.steps) {
        stepOperators.push(['gte', 'gt', 'lte', 'lt'].indexOf(step.op));
        stepLimits.push(step.value);
        stepPoints.push(clamp(step.points));
      }
      otherwisePoints[index] = clamp(part.otherwise);
    } else {
      kindCode[index] = 2;
    }
  });
  const operators = Uint8Array.from(stepOperators);
  const limits = Float64Array.from(stepLimits);
  const pointsOfStep = Float64Array.from(stepPoints);
  let neutralTotal = 0;
  for (const value of neutralByComponent) neutralTotal += value;
  const neutralScore = Math.round((neutralTotal / totalWeight) * 100 * 1e6) / 1e6;

  const wantComponents = options.components === true;
  const componentEarned = wantComponents ? scorecard.components.map(() => new Float64Array(count)) : [];
  const earnedByComponent = new Float64Array(componentCount);
  const scores = new Float64Array(count);
  const coverage = new Float64Array(count);
  const bandIndex = new Uint8Array(count);
  const bands = scorecard.bands;
  const upper = Float64Array.from(bands.map((band) => band.upTo));
  const lastBand = bands.length - 1;

  const scorer =
    options.compile === false
      ? undefined
      : generatedScorer(
          scorecard,
          parts.map(({ part }) => part),
          componentOfPart,
          scorecard.components.length,
          wantComponents,
          (part) => missingCode[part] === 1,
          (part) => missingPoints[part]!,
          partColumns.map((column) => column !== null),
        );
  const invalid = (part: number, index: number) =>
    KizunaValidationError.forField(
      'health signal columns',
      `${parts[part]!.part.signal}[${index}]`,
      'expected a finite number or NaN',
    );
  if (scorer !== undefined) {
    scorer(
      count,
      partColumns,
      scores,
      coverage,
      bandIndex,
      componentEarned,
      upper,
      lastBand,
      totalWeight,
      neutralScore,
      neutralByComponent,
      invalid,
    );
  } else {
    for (let index = 0; index < count; index += 1) {
      let earned = 0;
      let available = 0;
      let withData = 0;
      if (wantComponents) earnedByComponent.fill(0);
      for (let part = 0; part < partCount; part += 1) {
        const column = partColumns[part]!;
        const value = column === null ? Number.NaN : column[index]!;
        const weight = maxPoints[part]!;
        let points: number;
        if (Number.isNaN(value)) {
          if (missingCode[part] === 0) continue;
          points = missingPoints[part]!;
        } else {
          if (value - value !== 0) {
            throw KizunaValidationError.forField(
              'health signal columns',
              `${parts[part]!.part.signal}[${index}]`,
              'expected a finite number or NaN',
            );
          }
          const kind = kindCode[part];
          if (kind === 0) {
            let fraction = (value - linearFrom[part]!) / linearSpan[part]!;
            if (fraction < 0) fraction = 0;
            else if (fraction > 1) fraction = 1;
            points = Math.round(weight * fraction * 1e6) / 1e6;
          } else if (kind === 1) {
            points = otherwisePoints[part]!;
            const first = stepStart[part]!;
            const last = first + stepCount[part]!;
            for (let step = first; step < last; step += 1) {
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
                points = pointsOfStep[step]!;
                break;
              }
            }
          } else {
            points = evaluatePart(parts[part]!.part, value).points;
          }
          withData += weight;
        }
        earned += points;
        available += weight;
        if (wantComponents) earnedByComponent[componentOfPart[part]!]! += points;
      }
      let score: number;
      if (withData === 0) {
        score = neutralScore;
        for (let component = 0; component < componentEarned.length; component += 1) {
          componentEarned[component]![index] = (neutralByComponent[component]! / totalWeight) * 100;
        }
      } else {
        const scale = 100 / available;
        score = Math.round(earned * scale * 1e6) / 1e6;
        if (score > 100) score = 100;
        coverage[index] = withData / totalWeight;
        for (let component = 0; component < componentEarned.length; component += 1) {
          componentEarned[component]![index] = earnedByComponent[component]! * scale;
        }
      }
      scores[index] = score;
      let band = 0;
      while (band < lastBand && score > upper[band]!) band += 1;
      bandIndex[index] = band;
    }
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

type Scorer = (
  count: number,
  columns: readonly (Float64Array | null)[],
  scores: Float64Array,
  coverage: Float64Array,
  bandIndex: Uint8Array,
  componentEarned: readonly Float64Array[],
  upper: Float64Array,
  lastBand: number,
  totalWeight: number,
  neutralScore: number,
  neutralByComponent: Float64Array,
  invalid: (part: number, index: number) => Error,
) => void;

const generatedScorers = new WeakMap<object, Map<string, Scorer | null>>();

/** A finite number as a JavaScript literal. */
function literal(value: number): string {
  if (!Number.isFinite(value)) throw new Error('non-finite scorecard number');
  return Object.is(value, -0) ? '-0' : String(value);
}

/**
 * Compiles a scorecard into straight-line JavaScript (only numbers from the validated scorecard are
 * written into the code), which V8 runs several times faster than the interpreted loop. Returns
 * `undefined` where code generation is not allowed (a strict Content-Security-Policy); the caller
 * then uses the interpreted loop, which gives the same results.
 */
function generatedScorer(
  scorecard: Scorecard,
  parts: readonly Scorecard['components'][number]['parts'][number][],
  componentOfPart: Int32Array,
  componentCount: number,
  wantComponents: boolean,
  countsWhenMissing: (part: number) => boolean,
  missingPointsOf: (part: number) => number,
  present: readonly boolean[],
): Scorer | undefined {
  const key = `${wantComponents ? 'components' : 'scores'}:${present.map((value) => (value ? 1 : 0)).join('')}`;
  let byKind = generatedScorers.get(scorecard);
  if (byKind === undefined) {
    byKind = new Map();
    generatedScorers.set(scorecard, byKind);
  }
  const known = byKind.get(key);
  if (known !== undefined) return known ?? undefined;
  const lines: string[] = [];
  const component = (part: number, points: string) =>
    wantComponents ? `k${componentOfPart[part]} += ${points};` : '';
  // Columns in locals: V8 then loads each value straight from its typed array.
  const locals = present.flatMap((isPresent, index) => (isPresent ? [`c${index} = columns[${index}]`] : []));
  if (locals.length > 0) lines.push(`const ${locals.join(', ')};`);
  lines.push('for (let i = 0; i < count; i += 1) {', 'let e = 0, a = 0, d = 0;');
  if (wantComponents)
    for (let index = 0; index < componentCount; index += 1) lines.push(`let k${index} = 0;`);
  parts.forEach((part, index) => {
    const weight = literal(part.maxPoints);
    const missing = countsWhenMissing(index)
      ? `{ e += ${literal(missingPointsOf(index))}; a += ${weight}; ${component(index, literal(missingPointsOf(index)))} }`
      : '{}';
    if (!present[index]) {
      lines.push(missing);
      return;
    }
    lines.push(`{ const v = c${index}[i];`);
    lines.push(`if (v !== v) ${missing} else {`);
    lines.push(`if (v - v !== 0) throw invalid(${index}, i);`);
    lines.push('let p;');
    if (part.kind === 'linear' && part.to !== part.from) {
      lines.push(
        `const f = Math.min(1, Math.max(0, (v - ${literal(part.from)}) / ${literal(part.to - part.from)}));`,
        `p = Math.round(${weight} * f * 1e6) / 1e6;`,
      );
    } else if (part.kind === 'steps') {
      const clamp = (points: number) => literal(Math.min(part.maxPoints, Math.max(0, points)));
      const symbol = { gte: '>=', gt: '>', lte: '<=', lt: '<' } as const;
      // Steps in reverse, so the last assignment is the first step that holds. With whole-number points
      // (the usual case) the choice is arithmetic on the comparison (`true * x`), which V8 compiles
      // without branches: real customers' values are unpredictable and mispredicted branches cost
      // more than the comparisons. Whole numbers keep `p + (x − p)` exact.
      const whole = [part.otherwise, ...part.steps.map((step) => step.points)].every((points) =>
        Number.isInteger(Number(clamp(points))),
      );
      lines.push(`p = ${clamp(part.otherwise)};`);
      for (const step of [...part.steps].reverse()) {
        const condition = `(v ${symbol[step.op]} ${literal(step.value)})`;
        lines.push(
          whole
            ? `p += ${condition} * (${clamp(step.points)} - p);`
            : `p = ${condition} ? ${clamp(step.points)} : p;`,
        );
      }
    } else {
      // A flat linear part: `from === to`.
      lines.push(`p = v >= ${literal(part.from)} ? ${weight} : 0;`);
    }
    lines.push(`e += p; a += ${weight}; d += ${weight}; ${component(index, 'p')} } }`);
  });
  lines.push('let score;', 'if (d === 0) {', 'score = neutralScore;');
  if (wantComponents) {
    for (let index = 0; index < componentCount; index += 1) {
      lines.push(`componentEarned[${index}][i] = (neutralByComponent[${index}] / totalWeight) * 100;`);
    }
  }
  lines.push(
    '} else {',
    'const scale = 100 / a;',
    'score = Math.round(e * scale * 1e6) / 1e6;',
    'if (score > 100) score = 100;',
  );
  lines.push('coverage[i] = d / totalWeight;');
  if (wantComponents)
    for (let index = 0; index < componentCount; index += 1)
      lines.push(`componentEarned[${index}][i] = k${index} * scale;`);
  lines.push(
    '}',
    'scores[i] = score;',
    // Bands ascend, so the band index is the number of upper bounds below the score.
    `bandIndex[i] = ${
      scorecard.bands
        .slice(0, -1)
        .map((band) => `(score > ${literal(band.upTo)})`)
        .join(' + ') || '0'
    };`,
    '}',
  );
  let scorer: Scorer | null;
  try {
    scorer = new Function(
      'count',
      'columns',
      'scores',
      'coverage',
      'bandIndex',
      'componentEarned',
      'upper',
      'lastBand',
      'totalWeight',
      'neutralScore',
      'neutralByComponent',
      'invalid',
      lines.join('\n'),
    ) as Scorer;
  } catch {
    scorer = null;
  }
  byKind.set(key, scorer);
  return scorer ?? undefined;
}
