import * as z from 'zod';
import { instantSchema } from '../schemas/primitives';

/**
 * Schema of the query of `Store.getLatestResults`, shared by every adapter so that they reject
 * the same input with the same field names.
 */
export const latestResultsQuerySchema = z.object({
  /** Exactly these customers; customers without a result of the kind are left out. */
  customerIds: z.array(z.string()).optional(),
  /** Paging cursor: only customers whose id comes after this one (code-point order). */
  after: z.string().optional(),
  /** At most this many results. */
  limit: z.number().int({ error: 'expected a whole number' }).nonnegative().optional(),
  /** The latest result strictly before this instant. */
  before: instantSchema.optional(),
  /** Only customers whose customer record has this `csmId`. */
  csmId: z.string().min(1).optional(),
  /** Only results whose value has this top-level field holding exactly this JSON string. */
  valueEquals: z
    .object({
      field: z.string().min(1),
      value: z.string(),
    })
    .optional(),
});
