import * as z from 'zod';

/** When account context lowers the bar for escalation (seeds/001 §5.2–5.3: red health, renewal in 90 days). */
export const accountRiskOptionsSchema = z.object({
  /** A red health band puts the account at risk. @defaultValue true */
  redHealth: z.boolean().default(true),
  /** A yellow health band puts the account at risk. @defaultValue false */
  yellowHealth: z.boolean().default(false),
  /** A renewal this many days away or fewer puts the account at risk. @defaultValue 90 */
  renewalWithinDays: z.number().nonnegative().default(90),
  /**
   * Monthly recurring revenue (integer minor units) at or above which the account is high value;
   * absent: only `account.highValue` marks a high-value account. @defaultValue undefined
   */
  highValueMonthlyRecurringRevenue: z.number().int().nonnegative().optional(),
});

/** Options of the escalation classifier. Every field has the seed's value as its default. */
export const escalationOptionsSchema = z.object({
  /** History entries (user and assistant) without resolution that escalate (3 exchanges, seeds/001 §6.1). @defaultValue 6 */
  unresolvedHistoryEntries: z.number().int().positive().default(6),
  /** The same threshold for an account at risk. @defaultValue 4 */
  atRiskUnresolvedHistoryEntries: z.number().int().positive().default(4),
  /** Similarity (0–1, Dice over character bigrams or words) above which a message repeats an earlier question. @defaultValue 0.6 */
  repeatedQuestionSimilarity: z.number().min(0).max(1).default(0.6),
  /** The last this many user turns (the current one included) are read for the emotion trajectory. @defaultValue 3 */
  trajectoryTurns: z.number().int().min(2).default(3),
  /** Negative turns among them that escalate. @defaultValue 2 */
  trajectoryNegativeTurns: z.number().int().min(1).default(2),
  /**
   * Whether the learned model and its combination with the rules (escalation-combination.ts)
   * decide where no hard rule did: they may escalate a message no rule escalated, or decline affect
   * and complaint words. Off: the rules alone. Hard rules always escalate. @defaultValue true
   */
  learnedModel: z.boolean().default(true),
  /** When account context puts an account at risk. */
  account: accountRiskOptionsSchema.prefault({}),
});

/** Options as you may write them (every field optional). */
export type EscalationOptionsInput = z.input<typeof escalationOptionsSchema>;
/** Options after defaults. */
export type EscalationOptions = z.output<typeof escalationOptionsSchema>;
