import * as z from 'zod';

/**
 * An instant in time as an ISO-8601 string in UTC, e.g. `2026-04-01T09:30:00Z` (fractional seconds
 * allowed). Offsets other than `Z` are rejected. Parsed instants are normalised to the canonical
 * millisecond form `2026-04-01T09:30:00.000Z`, so that every stored instant compares correctly as
 * text; precision below a millisecond is dropped.
 */
export const instantSchema = z.iso
  .datetime({ error: 'expected an ISO-8601 UTC instant such as 2026-04-01T09:30:00Z' })
  .transform((value) => new Date(value).toISOString());

/** An ISO-8601 UTC instant string. See {@link instantSchema}. */
export type Instant = z.infer<typeof instantSchema>;

/** A calendar date `YYYY-MM-DD` with no time zone (a business day, a KPI date). */
export const calendarDateSchema = z.iso.date({ error: 'expected a calendar date such as 2026-04-01' });

/** A `YYYY-MM-DD` calendar date. */
export type CalendarDate = z.infer<typeof calendarDateSchema>;

/** A non-empty identifier. */
export const idSchema = z.string().trim().min(1, { error: 'expected a non-empty id' });

/** ISO 4217 currency code, three capital letters. @defaultValue 'JPY' */
export const currencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, { error: 'expected an ISO 4217 code such as JPY' });

/**
 * An amount of money: an integer in the currency's minor unit (yen for JPY, cents for USD) and the
 * ISO 4217 currency. Integers keep sums exact; there is no floating-point money in Kizuna.
 */
export const moneySchema = z.object({
  /** Integer amount in minor units (JPY has none: 12800 means ¥12,800). May be negative for refunds. */
  amount: z.number().int({ error: 'expected an integer amount in minor units' }),
  /** ISO 4217 currency code. */
  currency: currencySchema.default('JPY'),
});

/** Money as an integer amount in minor units plus an ISO currency. */
export type Money = z.infer<typeof moneySchema>;

/** A non-negative amount of money (prices, invoices, MRR). */
export const nonNegativeMoneySchema = moneySchema.extend({
  amount: z.number().int({ error: 'expected an integer amount in minor units' }).nonnegative(),
});

/** An IANA time-zone name such as `Asia/Tokyo` or `America/New_York`. */
export const timeZoneSchema = z.string().refine(isValidTimeZone, {
  error: 'expected an IANA time-zone name such as Asia/Tokyo',
});

// Building an Intl.DateTimeFormat costs microseconds; batch runs parse the same few zones millions
// of times, so remember the answers.
const knownTimeZones = new Map<string, boolean>();

function isValidTimeZone(value: string): boolean {
  let valid = knownTimeZones.get(value);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: value });
      valid = true;
    } catch {
      valid = false;
    }
    if (knownTimeZones.size < 1_000) knownTimeZones.set(value, valid);
  }
  return valid;
}
