import { actionChannelSchema } from '@kizuna/core';
import * as z from 'zod';
import { escalationOptionsSchema } from '../escalation/escalation-options';

/** Options of {@link createSupportBot} that are plain data. Defaults follow seeds/001 §6.1. */
export const supportBotOptionsSchema = z.object({
  /** Answer from the FAQ when the best match's confidence is above this. @defaultValue 0.9 */
  faqConfidenceThreshold: z.number().min(0).max(1).default(0.9),
  /** When the model fails, answer from the FAQ if the best match reaches this; else hand over. @defaultValue 0.5 */
  fallbackFaqConfidence: z.number().min(0).max(1).default(0.5),
  /** History turns sent to the model (seeds/001 §6.1: the last 10). @defaultValue 10 */
  historyTurns: z.number().int().positive().default(10),
  /**
   * History entries of the conversation path, this exchange included, from which a diagnosis and
   * plan are recommended (FAQ answers do not count, as in seeds/001 §6.1). @defaultValue 4
   */
  planRecommendationHistoryEntries: z.number().int().positive().default(4),
  /** Timeout of one model call, retries included. @defaultValue 20000 */
  modelTimeoutMilliseconds: z.number().int().positive().default(20_000),
  /** Output token cap of one reply (seeds/001 §6.1: 300). @defaultValue 300 */
  maxOutputTokens: z.number().int().positive().default(300),
  /** Longest reply shown to the customer; longer model output is refused as invalid. @defaultValue 800 */
  maxReplyCharacters: z.number().int().positive().default(800),
  /** Turns kept per conversation in memory when the caller passes no history. @defaultValue 50 */
  rememberedTurns: z.number().int().positive().default(50),
  /** Store redacted text in interactions instead of the original. @defaultValue true */
  storeRedactedText: z.boolean().default(true),
  /** The language when a message has no letters to tell. @defaultValue 'ja' */
  defaultLanguage: z.enum(['ja', 'en']).default('ja'),
  /** Who gets the hand-over and where. */
  handover: z
    .object({
      /** Owner of the hand-over action. @defaultValue 'csm' */
      owner: z.string().min(1).default('csm'),
      /** Channel of the hand-over action (the notifier decides the transport). @defaultValue 'slack' */
      channel: actionChannelSchema.default('slack'),
      /** Minutes a person has to pick the conversation up. @defaultValue 15 */
      deadlineMinutes: z.number().int().positive().default(15),
    })
    .prefault({}),
  /** Escalation classifier options (account context thresholds, conversation rules). */
  escalation: escalationOptionsSchema.prefault({}),
});

/** Support bot options as you may write them. */
export type SupportBotOptionsInput = z.input<typeof supportBotOptionsSchema>;
