import { defaultTimeZone, KizunaValidationError, millisecondsPerDay, offsetMilliseconds } from '@kizuna/core';

/** Codes of the usage-event kinds in {@link UsageEventColumns.kind}. */
export const usageEventKindCodes = {
  measurement: 0,
  login: 1,
  report_delivered: 2,
  report_view: 3,
  feature_use: 4,
} as const;

/** Usage events as columns (one entry per event), e.g. straight from a columnar store. */
export interface UsageEventColumns {
  /** Index of the customer, 0 ≤ index < `customerCount`. */
  readonly customerIndex: Int32Array;
  /** A code of {@link usageEventKindCodes}; other codes are ignored. */
  readonly kind: Uint8Array;
  /** Epoch milliseconds. */
  readonly occurredAt: Float64Array;
  /** Report of `report_delivered` / `report_view` events, 0 ≤ index < `reportCount`; a report belongs to one customer. */
  readonly reportIndex?: Int32Array;
  /** Feature of `feature_use` events; indexes ≥ `featureCount` (outside the catalogue) are ignored. */
  readonly featureIndex?: Int32Array;
}

/** Customers and settings of {@link usageSignalColumns}. */
export interface UsageSignalColumnsOptions {
  readonly customerCount: number;
  /** Monthly measurement limit per customer; `NaN` or 0 without a contract. */
  readonly monthlyMeasurementLimit: Float64Array | readonly number[];
  /** Number of distinct reports indexed by `reportIndex`. @defaultValue 0 */
  readonly reportCount?: number;
  /** Size of the feature catalogue (feature indexes 0 … featureCount − 1). @defaultValue 0 */
  readonly featureCount?: number;
  /** The instant described, epoch ms or ISO. Events at or after it are ignored. */
  readonly asOf: number | string;
  /** For calendar-day counts. @defaultValue 'Asia/Tokyo' */
  readonly timeZone?: string;
}

/** Signal columns derived from usage events (`NaN` = no data). */
export interface UsageSignalColumns {
  readonly usageRate: Float64Array;
  readonly usageRate90DayAverage: Float64Array;
  readonly measurementsLast30Days: Float64Array;
  readonly daysSinceLastLogin: Float64Array;
  readonly loginsLast30Days: Float64Array;
  readonly reportViewRate: Float64Array;
  readonly featureAdoptionRate: Float64Array;
}

function popcount(word: number): number {
  let value = word - ((word >>> 1) & 0x55555555);
  value = (value & 0x33333333) + ((value >>> 2) & 0x33333333);
  return (((value + (value >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Derives the usage and engagement signals of many customers from columnar usage events in one pass,
 * with the same definitions as {@link healthSignals} over a core snapshot: `usageRate` (last-30-day
 * measurements ÷ limit), `usageRate90DayAverage`, `daysSinceLastLogin` (calendar days in `timeZone`),
 * `loginsLast30Days`, `reportViewRate` (viewed ÷ delivered over reports delivered in the last 90
 * days) and `featureAdoptionRate` (catalogue features used in the last 30 days ÷ catalogue size).
 * Feed the result (plus your support and payment columns) to {@link scoreHealthBatch}.
 *
 * @throws KizunaValidationError naming the column and index of an out-of-range customer or report index
 * @example
 * ```ts
 * const signals = usageSignalColumns(events, { customerCount, monthlyMeasurementLimit, reportCount, featureCount: 8, asOf });
 * const { scores } = scoreHealthBatch({ ...signals, daysOverdue, openTickets });
 * ```
 */
export function usageSignalColumns(
  events: UsageEventColumns,
  options: UsageSignalColumnsOptions,
): UsageSignalColumns {
  const what = 'usage event columns';
  const customers = options.customerCount;
  const eventCount = events.customerIndex.length;
  for (const [name, column] of Object.entries(events)) {
    if (column !== undefined && column.length !== eventCount) {
      throw KizunaValidationError.forField(
        what,
        name,
        `expected ${eventCount} entries, got ${column.length}`,
      );
    }
  }
  if (options.monthlyMeasurementLimit.length !== customers) {
    throw KizunaValidationError.forField(what, 'monthlyMeasurementLimit', `expected ${customers} entries`);
  }
  const asOf = typeof options.asOf === 'number' ? options.asOf : Date.parse(options.asOf);
  if (!Number.isFinite(asOf)) throw KizunaValidationError.forField(what, 'asOf', 'expected an instant');
  const timeZone = options.timeZone ?? defaultTimeZone;
  const since30 = asOf - 30 * millisecondsPerDay;
  const since90 = asOf - 90 * millisecondsPerDay;
  const reportCount = options.reportCount ?? 0;
  const featureCount = options.featureCount ?? 0;
  const words = Math.ceil(featureCount / 32);

  const measurements30 = new Float64Array(customers);
  const measurements90 = new Float64Array(customers);
  const logins30 = new Float64Array(customers);
  const lastLogin = new Float64Array(customers).fill(Number.NEGATIVE_INFINITY);
  // Per report, two bits: 1 = delivered in the last 90 days (any delivery there, as in a core
  // snapshot), 2 = viewed before asOf. One byte per report keeps the table small and cache-friendly.
  const reportFlags = new Uint8Array(reportCount);
  const reportOwner = new Int32Array(reportCount);
  const features = new Uint32Array(customers * words);
  const { customerIndex, kind, occurredAt, reportIndex, featureIndex } = events;

  for (let event = 0; event < eventCount; event += 1) {
    const at = occurredAt[event]!;
    if (!(at < asOf)) continue;
    const customer = customerIndex[event]!;
    if (customer < 0 || customer >= customers) {
      throw KizunaValidationError.forField(
        what,
        `customerIndex[${event}]`,
        `expected 0 ≤ index < ${customers}`,
      );
    }
    // Measurements and logins (most events) are counted without branches: event kinds and times are
    // unpredictable, and a mispredicted branch costs more than the arithmetic (`true * 1` is 1).
    const code = kind[event]!;
    const isMeasurement = +(code === 0);
    const isLogin = +(code === 1);
    const within30 = +(at >= since30);
    measurements90[customer]! += isMeasurement * +(at >= since90);
    measurements30[customer]! += isMeasurement * within30;
    logins30[customer]! += isLogin * within30;
    // A non-login event competes with −1e300, which never beats a real instant.
    lastLogin[customer] = Math.max(lastLogin[customer]!, at - (1 - isLogin) * 1e300);
    if (code < 2) continue;
    switch (code) {
      case 2:
      case 3: {
        const report = reportIndex === undefined ? -1 : reportIndex[event]!;
        if (report < 0 || report >= reportCount) {
          throw KizunaValidationError.forField(
            what,
            `reportIndex[${event}]`,
            `expected 0 ≤ index < ${reportCount}`,
          );
        }
        if (code === 2) {
          reportFlags[report]! |= +(at >= since90);
          reportOwner[report] = customer;
        } else reportFlags[report]! |= 2;
        break;
      }
      case 4: {
        const feature = featureIndex === undefined ? -1 : featureIndex[event]!;
        if (feature >= 0 && feature < featureCount && at >= since30) {
          features[customer * words + (feature >>> 5)]! |= 1 << (feature & 31);
        }
        break;
      }
    }
  }

  const delivered90 = new Float64Array(customers);
  const viewed90 = new Float64Array(customers);
  for (let report = 0; report < reportCount; report += 1) {
    const flags = reportFlags[report]!;
    if ((flags & 1) === 1) {
      delivered90[reportOwner[report]!]! += 1;
      viewed90[reportOwner[report]!]! += flags >>> 1;
    }
  }

  const offsets = new Map<number, number>();
  const localDay = (instant: number) => {
    const hour = Math.floor(instant / 900_000);
    let offset = offsets.get(hour);
    if (offset === undefined) {
      offset = offsetMilliseconds(instant, timeZone);
      offsets.set(hour, offset);
    }
    return Math.floor((instant + offset) / millisecondsPerDay);
  };
  const today = localDay(asOf);
  const usageRate = new Float64Array(customers);
  const usageRate90DayAverage = new Float64Array(customers);
  const daysSinceLastLogin = new Float64Array(customers);
  const reportViewRate = new Float64Array(customers);
  const featureAdoptionRate = new Float64Array(customers);
  const limits = options.monthlyMeasurementLimit;
  for (let customer = 0; customer < customers; customer += 1) {
    const limit = limits[customer]!;
    const hasLimit = limit > 0;
    usageRate[customer] = hasLimit ? measurements30[customer]! / limit : Number.NaN;
    usageRate90DayAverage[customer] = hasLimit ? measurements90[customer]! / 3 / limit : Number.NaN;
    const login = lastLogin[customer]!;
    daysSinceLastLogin[customer] = login < -1e299 ? Number.NaN : Math.max(0, today - localDay(login));
    const delivered = delivered90[customer]!;
    reportViewRate[customer] = delivered > 0 ? viewed90[customer]! / delivered : Number.NaN;
    if (featureCount > 0) {
      let used = 0;
      for (let word = 0; word < words; word += 1) used += popcount(features[customer * words + word]!);
      featureAdoptionRate[customer] = used / featureCount;
    } else featureAdoptionRate[customer] = Number.NaN;
  }
  return {
    usageRate,
    usageRate90DayAverage,
    measurementsLast30Days: measurements30,
    daysSinceLastLogin,
    loginsLast30Days: logins30,
    reportViewRate,
    featureAdoptionRate,
  };
}
