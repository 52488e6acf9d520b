import * as z from 'zod';
import { actionPrioritySchema } from '../actions/action';
import { instantSchema } from '../schemas/primitives';

const limitSchema = z.number().int({ error: 'expected a whole number' }).nonnegative().optional();

/**
 * Schema of the query of `Store.listActions`, shared by every adapter so that they reject the same
 * input with the same field names.
 */
export const actionQuerySchema = z.object({
  /** Only entries in this delivery state. */
  status: z.enum(['pending', 'delivering', 'delivered', 'failed']).optional(),
  /** Only entries of this customer. */
  customerId: z.string().optional(),
  /** Only entries of customers whose customer record has this `csmId`. */
  csmId: z.string().min(1).optional(),
  /** Only entries of these priorities (an empty list matches nothing). */
  priorities: z.array(actionPrioritySchema).optional(),
  /** `true`: only entries a person marked done; `false`: only those not marked done. */
  done: z.boolean().optional(),
  /** Only entries whose `action.source.ruleId` starts with this text. */
  ruleIdPrefix: z.string().min(1, { error: 'expected a non-empty rule id prefix' }).optional(),
  /** Paging cursor: only entries after this one in (enqueuedAt, idempotencyKey) order. */
  after: z.object({ enqueuedAt: instantSchema, idempotencyKey: z.string() }).optional(),
  /** At most this many. */
  limit: limitSchema,
});

/**
 * Schema of the query of `Store.listCustomersByContractEnd`, shared by every adapter so that they
 * reject the same input with the same field names.
 */
export const contractEndQuerySchema = z.object({
  /** Inclusive lower bound on `contract.endsAt`. */
  from: instantSchema,
  /** Exclusive upper bound on `contract.endsAt`. */
  to: instantSchema,
  /** Only customers with this `csmId`. */
  csmId: z.string().min(1).optional(),
  /** At most this many. */
  limit: limitSchema,
});
