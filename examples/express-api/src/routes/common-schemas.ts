import { idSchema, instantSchema } from '@kizuna/core';
import * as z from 'zod';

const unpairedSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function hasControlCharacter(value: string): boolean {
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * An id from a URL or a query: non-empty, at most `maximum` characters, no control characters and
 * no lone UTF-16 surrogates (PostgreSQL cannot compare such text: it would fail as a database error
 * instead of "not found").
 */
export function apiIdSchema(maximum = 200) {
  return idSchema
    .max(maximum)
    .refine((value) => !hasControlCharacter(value), { error: 'expected no control characters' })
    .refine((value) => !unpairedSurrogate.test(value), { error: 'expected valid Unicode text' });
}

/** Path parameters of the per-customer routes. */
export const customerParamsSchema = z.object({
  /** The customer's id. */
  customerId: apiIdSchema().meta({ description: "The customer's id." }),
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
