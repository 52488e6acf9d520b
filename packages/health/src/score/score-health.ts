import { type Condition, KizunaValidationError, parseInput } from '@kizuna/core';
import { defaultScorecards } from '../scorecards/default-scorecards';
import { evaluatePart, exactPartPoints, roundPoints, scoreFromPoints } from '../scorecards/evaluate-part';
import { type Band, type Scorecard, scorecardSchema, segmentScorecardSchema } from '../scorecards/scorecard';
import { selectScorecard } from '../scorecards/select-scorecard';
import { type HealthSignalsInput, healthSignalsSchema, signalValue } from '../signals/health-signals-schema';
import { explainDelta } from './explain-delta';
import type {
  AppliedOverride,
  ComponentResult,
  HealthDelta,
  HealthRecommendation,
  HealthResult,
  PartResult,
} from './health-result';
import { type ScoreHealthOptions, scoreHealthOptionsSchema } from './score-health-options';

// Scorecards are validated once per object: treat a scorecard as immutable once it has been used.
const parsedConfig = new WeakMap<object, unknown>();

function cached<Parsed>(input: object, parse: () => Parsed): Parsed {
  if (parsedConfig.has(input)) return parsedConfig.get(input) as Parsed;
  const parsed = parse();
  parsedConfig.set(input, parsed);
  return parsed;
}

let parsedDefaults: readonly { readonly when?: Condition; readonly scorecard: Scorecard }[] | undefined;

function defaultSelection() {
  parsedDefaults ??= defaultScorecards.map((entry) =>
    parseInput(segmentScorecardSchema, entry, 'default scorecard'),
  );
  return parsedDefaults;
}

/** The band a score falls in: the first whose `upTo` is at or above it. */
export function bandOf(score: number, bands: readonly Band[]): Band {
  return bands.find((band) => score <= band.upTo) ?? bands[bands.length - 1]!;
}

/**
 * Scores one customer's health with a scorecard (seeds/001 §5.2, DOMAIN.md §2).
 *
 * - Each part of each component earns points from its signal (first matching step, or linear), clamped
 *   to `[0, part.maxPoints]`. A part without data follows its missing-data policy (`exclude`,
 *   `neutral`, `zero`, `carry-forward`).
 * - The score is `Σ earned ÷ Σ weight that counted × 100`, 0–100; each component's `points` is its
 *   share of that, so the components sum to the score (to within the 10⁻⁶ rounding of each). With the seed scorecard and every signal
 *   present, the score is the seed's plain sum. When no signal of the scorecard has data, every part
 *   counts as neutral (score 50 with default neutral points) and the reason `score.no_data` is given.
 * - `coverage` is the share of the total weight whose signals had data.
 * - The band is the first whose `upTo` ≥ score; recommendations follow the scorecard's rules (a
 *   component rule never fires for a component without data).
 * - With `previous`, `delta` gives the change per component and the sentence `78 → 61: usage −14`.
 * - An `override` replaces the score and/or band until it expires, keeping `computedScore`.
 * - A scorecard object is validated the first time it is used and cached: do not mutate it afterwards
 *   (build a new object instead).
 *
 * @param signalsInput - signals from {@link healthSignals} or your own data
 * @param options - scorecard (or segment scorecards), previous result, override, asOf
 * @throws KizunaValidationError naming the field when signals or options are invalid (NaN and
 *   Infinity included), or an override is given without any `asOf`
 * @example
 * ```ts
 * const health = scoreHealth({ usageRate: 0.8, daysSinceLastLogin: 3, reportViewRate: 0.5,
 *   featureAdoptionRate: 0.4, satisfactionRate: 0.75, openTickets: 0, escalatedTicketsLast90Days: 0,
 *   daysOverdue: 0 }, { scorecard: zenbuB2BScorecard });
 * health.score; // 25 + (10 + 5 + 2) + (7.5 + 5 + 5) + 20 = 79.5
 * health.band; // 'green'
 * ```
 */
export function scoreHealth(
  signalsInput: HealthSignalsInput,
  options: ScoreHealthOptions = {},
): HealthResult {
  const signals = parseInput(healthSignalsSchema, signalsInput, 'health signals');
  const { scorecard: scorecardInput, scorecards: scorecardsInput, ...rest } = options;
  const parsed = parseInput(scoreHealthOptionsSchema, rest, 'health score options');
  const selection =
    scorecardsInput === undefined
      ? defaultSelection()
      : cached(scorecardsInput, () =>
          parseInput(
            scoreHealthOptionsSchema.shape.scorecards,
            scorecardsInput,
            'health score options.scorecards',
          ),
        );
  const scorecard =
    (scorecardInput === undefined
      ? undefined
      : cached(scorecardInput, () =>
          parseInput(scorecardSchema, scorecardInput, 'health score options.scorecard'),
        )) ??
    selectScorecard(signals, selection ?? []) ??
    (() => {
      throw KizunaValidationError.forField(
        'health score options',
        'scorecards',
        'no scorecard matches these signals',
      );
    })();
  return scoreWithScorecard(signals, scorecard, parsed);
}

type ParsedOptions = ReturnType<typeof scoreHealthOptionsSchema.parse>;

function scoreWithScorecard(
  signals: ReturnType<typeof healthSignalsSchema.parse>,
  scorecard: Scorecard,
  options: ParsedOptions,
): HealthResult {
  const previous = options.previous;
  const previousPart = (componentId: string, partId: string): number | null => {
    const component = previous?.components.find((candidate) => candidate.id === componentId);
    const part = component?.parts?.find((candidate) => candidate.id === partId);
    return part === undefined || part.status === 'excluded' ? null : part.points;
  };
  const reasonCodes: string[] = [];

  // Exact points are summed in part order and rounded once (scoreFromPoints), exactly as the batch
  // scorer does, so one customer scored alone or in a batch gets the same score to the last bit.
  const evaluateComponents = (forceNeutral: boolean) =>
    scorecard.components.map((component) => {
      const parts: PartResult[] = [];
      const exact: number[] = [];
      let earned = 0;
      let available = 0;
      let withData = 0;
      let weight = 0;
      for (const part of component.parts) {
        weight += part.maxPoints;
        const value = signalValue(signals, part.signal);
        if (value !== null) {
          const scored = exactPartPoints(part, value);
          // A bonus part that did not hold counts as neutral too when nothing else counts.
          const neutral = !scored.counts && forceNeutral;
          const counts = scored.counts || neutral;
          const points = neutral
            ? Math.min(part.maxPoints, part.neutralPoints ?? part.maxPoints / 2)
            : scored.points;
          const { reasonCode } = evaluatePart(part, value);
          parts.push({
            id: part.id,
            signal: part.signal,
            value,
            points: roundPoints(points),
            maxPoints: part.maxPoints,
            status: neutral ? 'neutral' : counts ? 'scored' : 'excluded',
            ...(reasonCode ? { reasonCode } : {}),
          });
          exact.push(points);
          withData += part.maxPoints;
          if (counts) {
            earned += points;
            available += part.maxPoints;
          }
          continue;
        }
        let policy = forceNeutral
          ? 'neutral'
          : (part.missingData ?? component.missingData ?? scorecard.missingData);
        let points = 0;
        if (policy === 'carry-forward') {
          const carried = previousPart(component.id, part.id);
          if (carried === null) policy = 'exclude';
          else points = Math.min(part.maxPoints, Math.max(0, carried));
        } else if (policy === 'neutral') {
          points = Math.min(part.maxPoints, part.neutralPoints ?? part.maxPoints / 2);
        }
        const status =
          policy === 'exclude'
            ? 'excluded'
            : policy === 'carry-forward'
              ? 'carried-forward'
              : (policy as 'neutral' | 'zero');
        const reasonCode = `missing:${part.signal}:${status}`;
        parts.push({
          id: part.id,
          signal: part.signal,
          value: null,
          points: roundPoints(points),
          maxPoints: part.maxPoints,
          status,
          reasonCode,
        });
        exact.push(points);
        if (status !== 'excluded') {
          earned += points;
          available += part.maxPoints;
        }
      }
      return { component, parts, exact, earned, available, withData, weight };
    });

  const totals = (entries: ReturnType<typeof evaluateComponents>) => {
    let earned = 0;
    let available = 0;
    let withData = 0;
    let weight = 0;
    let carried = false;
    for (const entry of entries) {
      entry.parts.forEach((part, index) => {
        weight += part.maxPoints;
        if (part.value !== null) withData += part.maxPoints;
        if (part.status === 'carried-forward') carried = true;
        if (part.status !== 'excluded') {
          earned += entry.exact[index]!;
          available += part.maxPoints;
        }
      });
    }
    return { earned, available, withData, weight, carried };
  };

  let evaluated = evaluateComponents(false);
  let total = totals(evaluated);
  if (total.available === 0 || (total.withData === 0 && !total.carried)) {
    reasonCodes.push('score.no_data');
    evaluated = evaluateComponents(true);
    total = totals(evaluated);
  }
  const scale = 100 / total.available;

  const components: ComponentResult[] = evaluated.map(
    ({ component, parts, earned, available, withData, weight }) => ({
      id: component.id,
      label: component.label,
      points: roundPoints(earned * scale),
      maxPoints: roundPoints(available * scale),
      earnedPoints: roundPoints(earned),
      configuredMaxPoints: weight,
      normalisedPoints: available === 0 ? null : roundPoints((earned / available) * weight),
      coverage: withData / weight,
      parts,
    }),
  );
  for (const component of components) {
    for (const part of component.parts) if (part.reasonCode !== undefined) reasonCodes.push(part.reasonCode);
  }
  const computedScore = scoreFromPoints(total.earned, total.available);

  let score = computedScore;
  let band = bandOf(score, scorecard.bands);
  let override: AppliedOverride | undefined;
  if (options.override !== undefined) {
    const asOf = options.asOf ?? signals.asOf;
    if (asOf === undefined) {
      throw KizunaValidationError.forField(
        'health score options',
        'asOf',
        'an override needs asOf (in the options or the signals)',
      );
    }
    const requested = options.override;
    if (asOf < requested.expiresAt) {
      if (requested.score !== undefined) {
        score = requested.score;
        band = bandOf(score, scorecard.bands);
      }
      if (requested.band !== undefined) {
        const chosen = scorecard.bands.find((candidate) => candidate.id === requested.band);
        if (chosen === undefined) {
          throw KizunaValidationError.forField(
            'health score options',
            'override.band',
            `no band "${requested.band}" in scorecard ${scorecard.id}`,
          );
        }
        band = chosen;
      }
      override = {
        score,
        band: band.id,
        reason: requested.reason,
        expiresAt: requested.expiresAt,
        ...(requested.setBy === undefined ? {} : { setBy: requested.setBy }),
      };
      reasonCodes.push('override.active');
    } else {
      reasonCodes.push('override.expired');
    }
  }
  reasonCodes.push(`band:${band.id}`);

  const recommendations: HealthRecommendation[] = [];
  for (const rule of scorecard.recommendations) {
    const when = rule.when;
    let reasonCode: string | undefined;
    if ('component' in when) {
      const component = components.find((candidate) => candidate.id === when.component);
      if (
        component?.normalisedPoints != null &&
        component.coverage > 0 &&
        component.normalisedPoints < when.below
      ) {
        reasonCode = `${when.component}<${when.below}`;
      }
    } else if ('score' in when) {
      if (score < when.below) reasonCode = `score<${when.below}`;
    } else if (when.status.includes(band.status)) {
      reasonCode = `status:${band.status}`;
    }
    if (reasonCode !== undefined) {
      recommendations.push({
        type: rule.type,
        action: rule.action,
        priority: rule.priority,
        automated: rule.automated,
        message: rule.message,
        reasonCode,
      });
    }
  }

  let delta: HealthDelta | undefined;
  if (previous !== undefined) {
    const componentDeltas = components.map((component) => {
      const before = previous.components.find((candidate) => candidate.id === component.id)?.points ?? null;
      return {
        id: component.id,
        previous: before,
        current: component.points,
        change: roundPoints(component.points - (before ?? 0)),
      };
    });
    delta = {
      previousScore: previous.score,
      change: roundPoints(score - previous.score),
      components: componentDeltas,
      explanation: explainDelta(previous.score, score, componentDeltas),
      scorecardChanged: previous.scorecardId !== undefined && previous.scorecardId !== scorecard.id,
    };
  }

  return {
    ...(signals.customerId === undefined ? {} : { customerId: signals.customerId }),
    ...((options.asOf ?? signals.asOf) === undefined ? {} : { asOf: options.asOf ?? signals.asOf }),
    scorecardId: scorecard.id,
    score,
    computedScore,
    band: band.id,
    status: band.status,
    components,
    coverage: total.withData / total.weight,
    reasonCodes,
    recommendations,
    ...(delta === undefined ? {} : { delta }),
    ...(override === undefined ? {} : { override }),
  };
}

/**
 * Validates a scorecard once (for reuse across many {@link scoreHealth} calls or the batch scorer).
 *
 * @throws KizunaValidationError naming the bad field
 */
export function defineScorecard(scorecard: Parameters<typeof scorecardSchema.parse>[0]): Scorecard {
  return parseInput(scorecardSchema, scorecard, 'scorecard');
}
