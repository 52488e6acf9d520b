import * as z from 'zod';
import { idSchema, instantSchema, moneySchema, nonNegativeMoneySchema } from './primitives';

/** An invoice issued to a customer. It is paid once `paidAt` is set or payments cover its amount. */
export const invoiceSchema = z
  .object({
    id: idSchema,
    customerId: idSchema,
    /** When it was issued. Dunning counts days from here (seeds/001 §5.2: day 7, 14, 21). */
    issuedAt: instantSchema,
    /** When payment is due. */
    dueAt: instantSchema,
    /** Amount due. */
    amount: nonNegativeMoneySchema,
    /** When it was paid in full; absent while unpaid. */
    paidAt: instantSchema.optional(),
  })
  .superRefine((invoice, context) => {
    if (invoice.dueAt < invoice.issuedAt) {
      context.addIssue({ code: 'custom', path: ['dueAt'], message: 'dueAt is before issuedAt' });
    }
  });

/** An invoice. See {@link invoiceSchema}. */
export type Invoice = z.output<typeof invoiceSchema>;

/** A payment received, optionally against an invoice. Negative amounts are refunds. */
export const paymentSchema = z.object({
  id: idSchema,
  customerId: idSchema,
  /** The invoice it pays, if any. */
  invoiceId: idSchema.optional(),
  /** When it was received. */
  paidAt: instantSchema,
  amount: moneySchema,
});

/** A payment. See {@link paymentSchema}. */
export type Payment = z.output<typeof paymentSchema>;
