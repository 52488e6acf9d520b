import { instantSchema, interactionSchema, millisecondsPerDay, parseInput } from '@kizuna/core';
import * as z from 'zod';

/** Options of {@link sentimentRisk}. */
export const sentimentRiskOptionsSchema = z.object({
  /** The instant of the analysis; interactions in `[asOf − windowDays, asOf)` count. */
  asOf: instantSchema,
  /** @defaultValue 30 */
  windowDays: z.number().int().positive().default(30),
  /** Channels analysed (the seed reads chat, e-mail and reviews). @defaultValue ['chat', 'email', 'review'] */
  channels: z.array(z.enum(['chat', 'email', 'review', 'phone', 'sns'])).default(['chat', 'email', 'review']),
  /** Negative ratio at or above which the risk is high. @defaultValue 0.5 */
  highAtOrAbove: z.number().min(0).max(1).default(0.5),
  /** Negative ratio at or above which the risk is medium. @defaultValue 0.3 */
  mediumAtOrAbove: z.number().min(0).max(1).default(0.3),
});

/** Options of {@link sentimentRisk} as you may write them. */
export type SentimentRiskOptions = z.input<typeof sentimentRiskOptionsSchema>;

/** The seed's recommended action per risk level (seeds/001 §6.2). */
export const sentimentActions = {
  high: {
    action: 'csm_urgent_intervention',
    message: 'CSM urgent intervention within 24 h',
    priority: 'critical',
    automated: false,
    withinHours: 24,
  },
  medium: {
    action: 'satisfaction_interview',
    message: 'Hold a satisfaction interview',
    priority: 'medium',
    automated: false,
  },
  low: { action: 'continue_monitoring', message: 'Keep monitoring', priority: 'low', automated: true },
} as const;

/** The sentiment risk of one customer. */
export interface SentimentRisk {
  readonly periodDays: number;
  /** Labelled interactions analysed. */
  readonly totalInteractions: number;
  readonly positiveCount: number;
  readonly negativeCount: number;
  readonly neutralCount: number;
  /** Interactions in the window and channels without a sentiment label (not counted in the ratio). */
  readonly unlabelledCount: number;
  /** Negative ÷ labelled, rounded to 2 decimals as the seed does; 0 with none labelled. */
  readonly negativeRatio: number;
  readonly riskLevel: 'high' | 'medium' | 'low';
  /** The first 100 characters of the 3 most recent negative interactions, newest first. */
  readonly recentNegativeExamples: readonly string[];
  readonly recommendedAction: (typeof sentimentActions)[keyof typeof sentimentActions];
}

/**
 * Sentiment risk over the last 30 days (seeds/001 §6.2 `SentimentAnalyzer`): of the interactions
 * labelled POSITIVE / NEGATIVE / NEUTRAL on the analysed channels, a negative ratio ≥ 0.5 is high
 * risk ("CSM urgent intervention within 24 h"), ≥ 0.3 medium ("satisfaction interview"), else low.
 * The level is decided on the unrounded ratio.
 *
 * @throws KizunaValidationError naming the bad interaction field or option
 * @example
 * ```ts
 * const labels = ['NEGATIVE', 'NEGATIVE', 'NEGATIVE', 'POSITIVE', 'POSITIVE', 'POSITIVE', 'POSITIVE',
 *   'NEUTRAL', 'NEUTRAL', 'NEUTRAL'] as const;
 * // Ten chat messages from one customer in March, each labelled by sentiment analysis.
 * const interactions = labels.map((sentiment, day) => ({ id: `i${day}`, customerId: 'acme', channel: 'chat',
 *   direction: 'inbound', occurredAt: `2026-03-${10 + day}T09:00:00Z`, text: 'About the report…', sentiment }));
 * const risk = sentimentRisk(interactions, { asOf: '2026-04-01T00:00:00Z' });
 * console.log(risk.negativeRatio, risk.riskLevel); // 0.3 'medium' for 3 of 10 negative
 * console.log(risk.recommendedAction.action); // 'satisfaction_interview'
 * ```
 */
export function sentimentRisk(
  interactions: readonly unknown[],
  options: SentimentRiskOptions,
): SentimentRisk {
  const parsed = parseInput(z.array(interactionSchema), interactions, 'interactions');
  const settings = parseInput(sentimentRiskOptionsSchema, options, 'sentiment options');
  const end = Date.parse(settings.asOf);
  const start = end - settings.windowDays * millisecondsPerDay;
  const inWindow = parsed
    .filter((interaction) => {
      const at = Date.parse(interaction.occurredAt);
      return at >= start && at < end && settings.channels.includes(interaction.channel);
    })
    .sort((left, right) =>
      left.occurredAt < right.occurredAt
        ? -1
        : left.occurredAt > right.occurredAt
          ? 1
          : left.id < right.id
            ? -1
            : 1,
    );
  let positiveCount = 0;
  let negativeCount = 0;
  let neutralCount = 0;
  let unlabelledCount = 0;
  const negatives: string[] = [];
  for (const interaction of inWindow) {
    if (interaction.sentiment === 'POSITIVE') positiveCount += 1;
    else if (interaction.sentiment === 'NEUTRAL') neutralCount += 1;
    else if (interaction.sentiment === 'NEGATIVE') {
      negativeCount += 1;
      negatives.push(interaction.text.slice(0, 100));
    } else unlabelledCount += 1;
  }
  const total = positiveCount + negativeCount + neutralCount;
  const ratio = total === 0 ? 0 : negativeCount / total;
  const riskLevel =
    ratio >= settings.highAtOrAbove ? 'high' : ratio >= settings.mediumAtOrAbove ? 'medium' : 'low';
  return {
    periodDays: settings.windowDays,
    totalInteractions: total,
    positiveCount,
    negativeCount,
    neutralCount,
    unlabelledCount,
    negativeRatio: Math.round(ratio * 100) / 100,
    riskLevel,
    recentNegativeExamples: negatives.slice(-3).reverse(),
    recommendedAction: sentimentActions[riskLevel],
  };
}
