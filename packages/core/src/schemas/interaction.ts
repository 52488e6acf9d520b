import * as z from 'zod';
import { idSchema, instantSchema } from './primitives';

/** Sentiment label of one interaction (seeds/001 §6.2). */
export const sentimentLabelSchema = z.enum(['POSITIVE', 'NEGATIVE', 'NEUTRAL']);

/** `'POSITIVE'`, `'NEGATIVE'` or `'NEUTRAL'`. */
export type SentimentLabel = z.infer<typeof sentimentLabelSchema>;

/** A piece of text exchanged with the customer: a chat message, an e-mail, a review, a call note. */
export const interactionSchema = z.object({
  id: idSchema,
  customerId: idSchema,
  /** Where it happened. */
  channel: z.enum(['chat', 'email', 'review', 'phone', 'sns']),
  /** `inbound` from the customer, `outbound` to the customer. */
  direction: z.enum(['inbound', 'outbound']),
  /** When it happened. */
  occurredAt: instantSchema,
  /** The text (may contain personal data: redact before sending it to a language model). */
  text: z.string(),
  /** Groups the messages of one chat or thread. */
  conversationId: z.string().min(1).optional(),
  /** Sentiment, when it has been analysed. */
  sentiment: sentimentLabelSchema.optional(),
});

/** An interaction. See {@link interactionSchema}. */
export type Interaction = z.output<typeof interactionSchema>;
