import { type Condition, KizunaValidationError, parseInput } from '@kizuna/core';
import { evaluatePart, roundPoints } from '../scorecards/evaluate-part';
import { type Band, type Scorecard, scorecardSchema, segmentScorecardSchema } from '../scorecards/scorecard';
import { selectScorecard } from '../scorecards/select-scorecard';
import { defaultScorecards } from '../scorecards/zenbu-b2b-scorecard';
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

  const evaluateComponents = (forceNeutral: boolean) =>
    scorecard.components.map((component) => {
      const parts: PartResult[] = [];
      let earned = 0;
      let available = 0;
      let withData = 0;
      let weight = 0;
      for (const part of component.parts) {
        weight += part.maxPoints;
        const value = signalValue(signals, part.signal);
        if (value !== null) {
          const { points, reasonCode } = evaluatePart(part, value);
          parts.push({
            id: part.id,
            signal: part.signal,
            value,
            points,
            maxPoints: part.maxPoints,
            status: 'scored',
            ...(reasonCode ? { reasonCode } : {}),
          });
          earned += points;
          available += part.maxPoints;
          withData += part.maxPoints;
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
          points,
          maxPoints: part.maxPoints,
          status,
          reasonCode,
        });
        if (status !== 'excluded') {
          earned += points;
          available += part.maxPoints;
        }
      }
      return { component, parts, earned: roundPoints(earned), available, withData, weight };
    });

  let evaluated = evaluateComponents(false);
  let totalAvailable = evaluated.reduce((sum, entry) => sum + entry.available, 0);
  if (
    evaluated.every(
      (entry) => entry.withData === 0 && entry.parts.every((part) => part.status !== 'carried-forward'),
    )
  ) {
    reasonCodes.push('score.no_data');
    evaluated = evaluateComponents(true);
    totalAvailable = evaluated.reduce((sum, entry) => sum + entry.available, 0);
  }
  const totalWeight = evaluated.reduce((sum, entry) => sum + entry.weight, 0);
  const totalWithData = evaluated.reduce((sum, entry) => sum + entry.withData, 0);
  const scale = 100 / totalAvailable;

  const components: ComponentResult[] = evaluated.map(
    ({ component, parts, earned, available, withData, weight }) => ({
      id: component.id,
      label: component.label,
      points: roundPoints(earned * scale),
      maxPoints: roundPoints(available * scale),
      earnedPoints: earned,
      configuredMaxPoints: weight,
      normalisedPoints: available === 0 ? null : roundPoints((earned / available) * weight),
      coverage: withData / weight,
      parts,
    }),
  );
  for (const component of components) {
    for (const part of component.parts) if (part.reasonCode !== undefined) reasonCodes.push(part.reasonCode);
  }
  // The score is rounded once from the exact sum (not summed from rounded components), so it matches
  // scoreHealthBatch exactly and never lands on the wrong side of a band edge by a rounding step.
  let earnedTotal = 0;
  for (const entry of evaluated) {
    for (const part of entry.parts) if (part.status !== 'excluded') earnedTotal += part.points;
  }
  const computedScore = Math.min(100, Math.max(0, roundPoints(earnedTotal * scale)));

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
    coverage: totalWeight === 0 ? 0 : totalWithData / totalWeight,
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
