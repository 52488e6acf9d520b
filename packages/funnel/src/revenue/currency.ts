import { KizunaValidationError } from '@kizuna/core';

const digitsCache = new Map<string, number>();

/** Digits of a currency's minor unit (JPY 0, USD 2, KWD 3), from the platform's ISO 4217 data. */
export function minorUnitDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/**
 * Converts an integer amount in `from`'s minor unit to `to`'s minor unit at `rates[from]` units of
 * `to` per unit of `from`, rounded to the nearest minor unit (half away from zero).
 *
 * @throws KizunaValidationError at `path` when the currencies differ and no rate is given
 */
export function convertMinorUnits(
  amount: number,
  from: string,
  to: string,
  rates: Readonly<Record<string, number>>,
  path: string,
): number {
  if (from === to) return amount;
  const rate = rates[from];
  if (rate === undefined)
    throw KizunaValidationError.forField(
      'subscription events',
      path,
      `currency ${from} differs from the reporting currency ${to} and exchangeRates has no ${from} rate`,
    );
  const value = (amount / 10 ** minorUnitDigits(from)) * rate * 10 ** minorUnitDigits(to);
  return Math.sign(value) * Math.round(Math.abs(value));
}
