import * as z from 'zod';

/** One FAQ entry: a question, other ways to ask it, and the answer. */
export const faqEntrySchema = z.object({
  /** Stable id. */
  id: z.string().trim().min(1),
  /** The question as customers ask it. */
  question: z.string().trim().min(1),
  /** The answer the bot gives. */
  answer: z.string().trim().min(1),
  /** Other phrasings of the question; searched like the question. @defaultValue [] */
  alternativeQuestions: z.array(z.string().trim().min(1)).default([]),
  /** Topic labels; searched with a lower weight. @defaultValue [] */
  tags: z.array(z.string().trim().min(1)).default([]),
});

/** A FAQ entry after validation. */
export type FaqEntry = z.output<typeof faqEntrySchema>;
/** A FAQ entry as you may write it. */
export type FaqEntryInput = z.input<typeof faqEntrySchema>;
