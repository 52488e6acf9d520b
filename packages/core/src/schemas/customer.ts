import * as z from 'zod';
import { idSchema, instantSchema, nonNegativeMoneySchema } from './primitives';

/** The two kinds of customer of the seed business: individuals (B2C) and companies (B2B). */
export const customerSegmentSchema = z.enum(['b2c', 'b2b']);

/** `'b2c'` or `'b2b'`. */
export type CustomerSegment = z.infer<typeof customerSegmentSchema>;

/**
 * A B2B monthly contract (seeds/001 §1): a plan with a monthly measurement limit, a price and an end
 * date. Open-ended contracts leave `endsAt` out.
 */
export const contractSchema = z.object({
  /** When the contract started. */
  startsAt: instantSchema,
  /** When the current term ends (the renewal date); absent for open-ended contracts. */
  endsAt: instantSchema.optional(),
  /** Length of one term in months, e.g. 12 for an annual contract. @defaultValue 12 */
  termMonths: z.number().int().positive().default(12),
  /** Measurements included per month: the denominator of the usage rate. */
  monthlyMeasurementLimit: z
    .number()
    .int()
    .positive({ error: 'expected a positive monthly measurement limit' }),
  /** Monthly recurring revenue of the contract. */
  mrr: nonNegativeMoneySchema,
  /** Properties (buildings, units) the customer manages. @defaultValue 0 */
  managedProperties: z.number().int().nonnegative().default(0),
  /** Whether the API integration is enabled (enterprise plans). @defaultValue false */
  apiEnabled: z.boolean().default(false),
  /** Whether the contract renews by itself unless cancelled. @defaultValue true */
  autoRenew: z.boolean().default(true),
});

/** A B2B contract. See {@link contractSchema}. */
export type Contract = z.infer<typeof contractSchema>;

/**
 * A customer: an individual (B2C) who bought a measurement, or a company (B2B) under contract.
 *
 * B2C plans in the seed are `light`, `standard` (2-hour measurement, 12,800 JPY) and `premium`
 * (lawyer-reviewed report); the `ai_mediation` add-on is listed in `addOns`. B2B customers carry a
 * `contract`.
 */
export const customerSchema = z
  .object({
    /** Stable id from your system. */
    id: idSchema,
    /** Person or company name. */
    name: z.string().trim().min(1, { error: 'expected a non-empty name' }),
    /** Contact e-mail address. */
    email: z.email({ error: 'expected an e-mail address' }).optional(),
    /** `b2c` (individual) or `b2b` (company). */
    segment: customerSegmentSchema,
    /** Plan id, e.g. `light`, `standard`, `premium` (B2C) or `basic`, `pro`, `enterprise` (B2B). */
    plan: z.string().trim().min(1),
    /** Add-on services bought, e.g. `ai_mediation`. @defaultValue [] */
    addOns: z.array(z.string().min(1)).default([]),
    /** When the customer was created. */
    createdAt: instantSchema,
    /** The B2B contract; required for `b2b` customers. */
    contract: contractSchema.optional(),
    /** Id of the customer-success manager who owns the account. */
    csmId: z.string().min(1).optional(),
    /** Free labels used for segmentation (`key-account`, `pilot`, ...). @defaultValue [] */
    tags: z.array(z.string().min(1)).default([]),
    /** When the customer left, if they have churned. */
    churnedAt: instantSchema.optional(),
  })
  .superRefine((customer, context) => {
    if (customer.segment === 'b2b' && customer.contract === undefined) {
      context.addIssue({ code: 'custom', path: ['contract'], message: 'a b2b customer needs a contract' });
    }
    if (customer.contract?.endsAt !== undefined && customer.contract.endsAt < customer.contract.startsAt) {
      context.addIssue({
        code: 'custom',
        path: ['contract', 'endsAt'],
        message: 'endsAt is before startsAt',
      });
    }
  });

/** A customer record after validation (defaults applied). */
export type Customer = z.output<typeof customerSchema>;
/** A customer record as you may write it (defaults optional). */
export type CustomerInput = z.input<typeof customerSchema>;
