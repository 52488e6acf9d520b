import * as z from 'zod';
import { idSchema, instantSchema } from './primitives';

const surveyBase = {
  id: idSchema,
  customerId: idSchema,
  /** When the customer answered. */
  respondedAt: instantSchema,
  /** Free-text comment. */
  comment: z.string().optional(),
};

/**
 * A survey answer:
 * - `nps`: Net Promoter Score question, 0–10 (0–6 detractor, 7–8 passive, 9–10 promoter);
 * - `csat`: customer satisfaction, 1–5;
 * - `ces`: customer effort score, 1–7 (lower is easier).
 */
export const surveyResponseSchema = z.discriminatedUnion('type', [
  z.object({ ...surveyBase, type: z.literal('nps'), score: z.number().int().min(0).max(10) }),
  z.object({ ...surveyBase, type: z.literal('csat'), score: z.number().int().min(1).max(5) }),
  z.object({ ...surveyBase, type: z.literal('ces'), score: z.number().int().min(1).max(7) }),
]);

/** A survey response. See {@link surveyResponseSchema}. */
export type SurveyResponse = z.infer<typeof surveyResponseSchema>;
