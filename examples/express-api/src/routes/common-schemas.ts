import { idSchema, instantSchema } from '@kizuna/core';
import * as z from 'zod';

/** Path parameters of the per-customer routes. */
export const customerParamsSchema = z.object({
  /** The customer's id. */
  customerId: idSchema.max(200).meta({ description: "The customer's id." }),
});

/** `?asOf=`: the instant to describe; the current time when absent. */
export const asOfQuerySchema = z.object({
  asOf: instantSchema
    .optional()
    .meta({ description: 'The instant to describe (ISO-8601 UTC). Defaults to now.' }),
});

/** A page size: `?limit=`, 1 to `maximum`. */
export function limitSchema(defaultValue: number, maximum: number) {
  return z.coerce
    .number()
    .int()
    .min(1)
    .max(maximum)
    .default(defaultValue)
    .meta({ description: `At most this many (1–${maximum}, default ${defaultValue}).` });
}

/** A boolean query flag (`true`/`false`/`1`/`0`). */
export const booleanFlagSchema = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

/** The documented shape of an action (see `actionSchema` in @kizuna/core), as responses carry it. */
export const actionOutputSchema = z
  .object({
    idempotencyKey: z.string(),
    type: z.string(),
    channel: z.string(),
    owner: z.string(),
    priority: z.string(),
    automated: z.boolean(),
    dueAt: z.string(),
    title: z.string(),
    reasons: z.array(z.string()),
  })
  .loose();
