import * as z from 'zod';
import { idSchema, instantSchema, nonNegativeMoneySchema } from './primitives';

/**
 * A change to a subscription's recurring revenue, the input of MRR movements:
 * - `start`: a subscription begins at `mrr`;
 * - `change`: its MRR becomes `mrr` (up = expansion, down = contraction);
 * - `cancel`: it ends (its MRR becomes 0; `mrr` should be 0).
 */
export const subscriptionEventSchema = z
  .object({
    id: idSchema,
    customerId: idSchema,
    /** A customer may hold several subscriptions; churn happens when the last one ends. */
    subscriptionId: idSchema,
    type: z.enum(['start', 'change', 'cancel']),
    /** When the change takes effect. */
    occurredAt: instantSchema,
    /** The subscription's monthly recurring revenue after the event, normalised to one month. */
    mrr: nonNegativeMoneySchema,
    /** Plan after the event. */
    plan: z.string().min(1).optional(),
  })
  .superRefine((event, context) => {
    if (event.type === 'cancel' && event.mrr.amount !== 0) {
      context.addIssue({
        code: 'custom',
        path: ['mrr', 'amount'],
        message: 'a cancel event must have mrr 0',
      });
    }
  });

/** A subscription event. See {@link subscriptionEventSchema}. */
export type SubscriptionEvent = z.output<typeof subscriptionEventSchema>;
