import { parseInput, type SurveyResponse, surveyResponseSchema } from '@kizuna/core';
import * as z from 'zod';
import { ratioOrNull } from '../statistics/ratio';

/** Net Promoter Score from raw 0–10 answers. */
export interface NetPromoterScore {
  /** % promoters − % detractors, −100…100; null without answers. */
  readonly nps: number | null;
  readonly responses: number;
  /** Answers 9–10. */
  readonly promoters: number;
  /** Answers 7–8. */
  readonly passives: number;
  /** Answers 0–6. */
  readonly detractors: number;
}

/**
 * NPS from raw scores: promoters answer 9–10, passives 7–8, detractors 0–6;
 * NPS = 100 × (promoters − detractors) ÷ answers.
 *
 * @throws KizunaValidationError when a score is not an integer in 0…10 (path names it)
 * @example
 * ```ts
 * computeNps([10, 9, 8, 6]).nps; // 100 × (2 − 1) / 4 = 25
 * ```
 */
export function computeNps(scores: readonly number[]): NetPromoterScore {
  const parsed = parseInput(z.array(z.number().int().min(0).max(10)), scores, 'NPS scores');
  const promoters = parsed.filter((score) => score >= 9).length;
  const detractors = parsed.filter((score) => score <= 6).length;
  const nps = ratioOrNull(promoters - detractors, parsed.length);
  return {
    nps: nps === null ? null : nps * 100,
    responses: parsed.length,
    promoters,
    passives: parsed.length - promoters - detractors,
    detractors,
  };
}

/** NPS, CSAT and CES from survey responses. */
export interface SurveyScores {
  readonly nps: NetPromoterScore;
  /** Customer satisfaction 1–5: mean and the share answering 4 or 5. */
  readonly csat: {
    readonly average: number | null;
    readonly satisfiedShare: number | null;
    readonly responses: number;
  };
  /** Customer effort 1–7 (lower is easier): mean and the share answering 1–3. */
  readonly ces: {
    readonly average: number | null;
    readonly lowEffortShare: number | null;
    readonly responses: number;
  };
}

/**
 * Tier-3 satisfaction KPIs of seeds/001 §9.1 from survey responses (core `SurveyResponse`): NPS
 * from raw scores, CSAT (mean of 1–5 and % satisfied = 4–5) and CES (mean of 1–7, lower is
 * easier, and % low effort = 1–3). Optionally only responses in [from, to).
 *
 * @throws KizunaValidationError for invalid responses or bounds
 * @example
 * ```ts
 * const responses = [4, 5, 3].map((score, index) => ({ id: `s${index}`, customerId: `c${index}`,
 *   type: 'csat' as const, score, respondedAt: `2026-04-1${index}T00:00:00Z` }));
 * const scores = computeSurveyScores(responses, { from: '2026-04-01T00:00:00Z', to: '2026-05-01T00:00:00Z' });
 * console.log(scores.csat.average); // 4 = (4 + 5 + 3) ÷ 3
 * ```
 */
export function computeSurveyScores(
  responsesInput: readonly z.input<typeof surveyResponseSchema>[],
  range: { readonly from?: string; readonly to?: string } = {},
): SurveyScores {
  const responses = parseInput(z.array(surveyResponseSchema), responsesInput, 'survey responses');
  const from = range.from === undefined ? Number.NEGATIVE_INFINITY : Date.parse(range.from);
  const to = range.to === undefined ? Number.POSITIVE_INFINITY : Date.parse(range.to);
  const inRange = responses.filter((response: SurveyResponse) => {
    const time = Date.parse(response.respondedAt);
    return time >= from && time < to;
  });
  const of = (type: SurveyResponse['type']) =>
    inRange.filter((response) => response.type === type).map((response) => response.score);
  const mean = (values: readonly number[]) =>
    ratioOrNull(
      values.reduce((sum, value) => sum + value, 0),
      values.length,
    );
  const csat = of('csat');
  const ces = of('ces');
  return {
    nps: computeNps(of('nps')),
    csat: {
      average: mean(csat),
      satisfiedShare: ratioOrNull(csat.filter((score) => score >= 4).length, csat.length),
      responses: csat.length,
    },
    ces: {
      average: mean(ces),
      lowEffortShare: ratioOrNull(ces.filter((score) => score <= 3).length, ces.length),
      responses: ces.length,
    },
  };
}
