import { conditionSchema } from '@kizuna/core';
import * as z from 'zod';

/** What to do when a part's signal has no data. */
export const missingDataPolicySchema = z.enum(['exclude', 'neutral', 'zero', 'carry-forward']);

/**
 * - `exclude`: drop the part and re-weight: the score is earned ÷ available points, scaled to 100;
 * - `neutral`: award the part's `neutralPoints` (half its maximum unless set);
 * - `zero`: award 0 points;
 * - `carry-forward`: reuse the part's points from `previous`; without them, `exclude`.
 */
export type MissingDataPolicy = z.infer<typeof missingDataPolicySchema>;

const comparisonSchema = z.enum(['gte', 'gt', 'lte', 'lt']);

/** One step of a step rule: when `signal <op> value`, award `points`. */
export const scoringStepSchema = z.object({
  op: comparisonSchema,
  value: z.number().finite(),
  points: z.number().finite(),
  /** Reason code emitted when this step is the one applied. Default `<part id>:<op>:<value>`. */
  reasonCode: z.string().min(1).optional(),
});

const partBase = {
  /** Unique within the component; appears in reason codes. */
  id: z.string().min(1),
  /** The signal read (a field of the signals, including your own extra fields). */
  signal: z.string().min(1),
  /** The most points this part can award: its weight. */
  maxPoints: z.number().finite().positive(),
  /** Overrides the component's missing-data policy for this part. */
  missingData: missingDataPolicySchema.optional(),
  /** Points for the `neutral` policy. @defaultValue maxPoints ÷ 2 */
  neutralPoints: z.number().finite().nonnegative().optional(),
};

/** A part scored by the first step whose comparison holds, else `otherwise`. */
export const stepPartSchema = z.object({
  ...partBase,
  kind: z.literal('steps'),
  steps: z.array(scoringStepSchema).min(1),
  /**
   * Points when no step holds, or `'exclude'`: then the part is left out and the rest re-weighted, as
   * if it had no data — a bonus that can raise the score and never lowers it (a B2C repeat booking).
   * @defaultValue 0
   */
  otherwise: z.union([z.number().finite(), z.literal('exclude')]).default(0),
  /** Reason code when no step holds. */
  otherwiseReasonCode: z.string().min(1).optional(),
});

/**
 * A part scored linearly: `maxPoints × (signal − from) ÷ (to − from)`, clamped to [0, maxPoints].
 * `from > to` scores lower-is-better signals. The seed's "report-view rate × 10" is
 * `{ from: 0, to: 1, maxPoints: 10 }`.
 */
export const linearPartSchema = z.object({
  ...partBase,
  kind: z.literal('linear'),
  from: z.number().finite(),
  to: z.number().finite(),
});

/** A scoring part of a component. */
export const scoringPartSchema = z.discriminatedUnion('kind', [stepPartSchema, linearPartSchema]);

/** A scoring part after validation. */
export type ScoringPart = z.output<typeof scoringPartSchema>;

/**
 * A weighted component (usage, engagement, ...): the sum of its parts, each clamped to
 * `[0, part.maxPoints]`; its weight is the sum of its parts' `maxPoints`.
 */
export const scorecardComponentSchema = z.object({
  id: z.string().min(1),
  /** Name for people. */
  label: z.string().min(1),
  parts: z.array(scoringPartSchema).min(1),
  /** Policy for parts without data. @defaultValue the scorecard's `missingData` */
  missingData: missingDataPolicySchema.optional(),
});

/** A component after validation. */
export type ScorecardComponent = z.output<typeof scorecardComponentSchema>;

/** A band: scores up to and including `upTo` (and above the previous band's `upTo`). */
export const bandSchema = z.object({
  id: z.string().min(1),
  /** Inclusive upper bound of the band, 0–100; the last band must reach 100. */
  upTo: z.number().finite().min(0).max(100),
  /** Traffic-light status alerts and expansion read (`red` = at risk). */
  status: z.enum(['red', 'yellow', 'green']),
  label: z.string().optional(),
});

/** A band after validation. */
export type Band = z.output<typeof bandSchema>;

/** When a recommendation applies. */
export const recommendationTriggerSchema = z.union([
  /** A component's points (on the component's own scale, e.g. usage out of 35) are below `below`. */
  z.object({ component: z.string().min(1), below: z.number().finite() }),
  /** The total score is below `below`. */
  z.object({ score: z.literal(true), below: z.number().finite() }),
  /** The band's status is one of these. */
  z.object({ status: z.array(z.enum(['red', 'yellow', 'green'])).min(1) }),
]);

/** A recommendation rule of a scorecard (seeds/001 §5.2 `_generate_recommendations`). */
export const recommendationRuleSchema = z.object({
  /** The seed's `type`, e.g. `usage_low`. */
  type: z.string().min(1),
  /** The action id, e.g. `send_reengagement_campaign`. */
  action: z.string().min(1),
  priority: z.enum(['low', 'medium', 'high', 'critical']),
  /** True when software can do it; false when a person must. */
  automated: z.boolean(),
  message: z.string().min(1),
  when: recommendationTriggerSchema,
});

/** A recommendation rule after validation. */
export type RecommendationRule = z.output<typeof recommendationRuleSchema>;

/**
 * A scorecard: weighted components over signals, bands and recommendation rules, as typed config.
 * The score is `Σ component points × 100 ÷ Σ available component maxPoints`, so a scorecard whose
 * weights sum to 100 (like the seed's) reads its points directly.
 */
export const scorecardSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    description: z.string().optional(),
    components: z.array(scorecardComponentSchema).min(1),
    /** 2–12 bands in ascending `upTo`; the last reaches 100. */
    bands: z
      .array(bandSchema)
      .min(2, { error: 'expected 2 to 12 bands' })
      .max(12, { error: 'expected 2 to 12 bands' }),
    /** @defaultValue [] */
    recommendations: z.array(recommendationRuleSchema).default([]),
    /** Default missing-data policy. @defaultValue 'exclude' */
    missingData: missingDataPolicySchema.default('exclude'),
  })
  .superRefine((scorecard, context) => {
    const seen = new Set<string>();
    scorecard.components.forEach((component, index) => {
      if (seen.has(component.id)) {
        context.addIssue({
          code: 'custom',
          path: ['components', index, 'id'],
          message: `duplicate component id "${component.id}"`,
        });
      }
      seen.add(component.id);
    });
    scorecard.bands.forEach((band, index) => {
      const previous = scorecard.bands[index - 1];
      if (previous !== undefined && band.upTo <= previous.upTo) {
        context.addIssue({
          code: 'custom',
          path: ['bands', index, 'upTo'],
          message: 'band upper bounds must ascend',
        });
      }
    });
    const last = scorecard.bands[scorecard.bands.length - 1];
    if (last !== undefined && last.upTo !== 100) {
      context.addIssue({
        code: 'custom',
        path: ['bands', scorecard.bands.length - 1, 'upTo'],
        message: 'the last band must reach 100',
      });
    }
  });

/** A scorecard after validation. */
export type Scorecard = z.output<typeof scorecardSchema>;
/** A scorecard as you may write it (defaults optional). */
export type ScorecardInput = z.input<typeof scorecardSchema>;

/** A scorecard applied when its condition holds on the signals (`segment`, `plan`, numeric signals). */
export const segmentScorecardSchema = z.object({
  /** Condition over the signals (core journey condition syntax); absent = always. */
  when: conditionSchema.optional(),
  scorecard: scorecardSchema,
});

/** A segment-selected scorecard as you may write it. */
export type SegmentScorecardInput = z.input<typeof segmentScorecardSchema>;
