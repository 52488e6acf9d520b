import * as z from 'zod';

/** One turn of a conversation. Customer text is always `user`: data, never instructions. */
export const chatTurnSchema = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string().max(20_000),
});

/** A conversation turn. See {@link chatTurnSchema}. */
export type ChatTurn = z.infer<typeof chatTurnSchema>;

/** What the classifier knows about the customer's account (all optional). */
export const accountContextSchema = z.object({
  /** The account's health band (green 71–100, yellow 41–70, red 0–40). */
  healthBand: z.enum(['green', 'yellow', 'red']).optional(),
  /** Days until the contract renews (negative: overdue). */
  daysUntilRenewal: z.number().optional(),
  /** Set when you already know the account is high value. */
  highValue: z.boolean().optional(),
  /** Monthly recurring revenue in integer minor units (compared with the high-value option). */
  monthlyRecurringRevenue: z.number().int().nonnegative().optional(),
});

/** Account context. See {@link accountContextSchema}. */
export type AccountContext = z.infer<typeof accountContextSchema>;

/** Input of {@link classifyEscalation}: the new message, the conversation so far and the account. */
export const escalationInputSchema = z.object({
  /** The customer's new message. */
  message: z.string().max(20_000),
  /** The conversation before this message, oldest first. @defaultValue [] */
  history: z.array(chatTurnSchema).default([]),
  /** Account context that lowers the bar when the account is at risk. */
  account: accountContextSchema.optional(),
});

/** Input as you may write it. */
export type EscalationInput = z.input<typeof escalationInputSchema>;
