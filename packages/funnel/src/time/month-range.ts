import { KizunaValidationError, zonedInstant } from '@kizuna/core';

/** A local calendar month as a half-open range of instants [start, end). */
export interface MonthRange {
  /** `YYYY-MM`. */
  readonly month: string;
  /** Epoch ms of the 1st at 00:00 local. */
  readonly start: number;
  /** Epoch ms of the next month's 1st at 00:00 local. */
  readonly end: number;
  /** Days in the month. */
  readonly days: number;
}

/**
 * The instants bounding a `YYYY-MM` month on the wall clock of `timeZone`.
 *
 * @throws KizunaValidationError when `month` is not `YYYY-MM`
 */
export function monthRange(month: string, timeZone: string): MonthRange {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (match === null)
    throw KizunaValidationError.forField('period', 'month', 'expected a month such as 2026-04');
  const year = Number(match[1]);
  const index = Number(match[2]) - 1;
  const first = new Date(Date.UTC(year, index, 1)).toISOString().slice(0, 10);
  const next = new Date(Date.UTC(year, index + 1, 1)).toISOString().slice(0, 10);
  const days = Math.round((Date.UTC(year, index + 1, 1) - Date.UTC(year, index, 1)) / 86_400_000);
  return {
    month,
    start: zonedInstant(first, '00:00', timeZone),
    end: zonedInstant(next, '00:00', timeZone),
    days,
  };
}

/** The `YYYY-MM` month before `month`. */
export function previousMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, number - 2, 1)).toISOString().slice(0, 7);
}
