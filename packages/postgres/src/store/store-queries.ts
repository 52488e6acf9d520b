import { instantSchema } from '@kizuna/core';
import * as z from 'zod';

/** A `limit`: a whole number of rows, zero or more. */
const limitSchema = z.number().int({ error: 'expected a whole number' }).nonnegative().optional();

/** Filters of `listRecords`, parsed at the boundary. */
export const recordQuerySchema = z.object({
  customerId: z.string().optional(),
  customerIds: z.array(z.string()).optional(),
  from: instantSchema.optional(),
  to: instantSchema.optional(),
  limit: limitSchema,
});

/** Filters of `listResults`, parsed at the boundary. */
export const resultQuerySchema = z.object({
  from: instantSchema.optional(),
  to: instantSchema.optional(),
  limit: limitSchema,
});

/** Options of `listCustomerIds`. */
export const customerIdQuerySchema = z.object({
  after: z.string().optional(),
  limit: limitSchema,
});

/** Options of `claimActions`. */
export const claimOptionsSchema = z.object({
  now: instantSchema,
  limit: z.number().int({ error: 'expected a whole number' }),
  leaseMilliseconds: z.number().int({ error: 'expected whole milliseconds' }).nonnegative(),
  claimToken: z.string().min(1, { error: 'expected a non-empty claim token' }),
});

/** Options of `completeAction`. */
export const completeOptionsSchema = z.object({
  claimToken: z.string(),
  now: instantSchema,
});

/** Options of `failAction`. */
export const failOptionsSchema = z.object({
  claimToken: z.string(),
  error: z.string(),
  retryAt: instantSchema.optional(),
});
