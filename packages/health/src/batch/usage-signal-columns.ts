import { defaultTimeZone, KizunaValidationError, millisecondsPerDay, offsetMilliseconds } from '@kizuna/core';
import {
  accumulateUsageEvents,
  accumulatorShape,
  createAccumulators,
  deliveredRecently,
  histogramSlots,
  type UsageAccumulatorShape,
  type UsageAccumulators,
  viewed,
} from './usage-event-kernel';

const what = 'usage event columns';

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
  /** Number of customers: the length of every output column. */
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
  /** Measurements in the last 30 days ÷ the monthly limit (`NaN` without a limit). */
  readonly usageRate: Float64Array;
  /** Measurements in the last 90 days ÷ 3 ÷ the monthly limit. */
  readonly usageRate90DayAverage: Float64Array;
  /** Measurements in the last 30 days. */
  readonly measurementsLast30Days: Float64Array;
  /** Calendar days since the last login (`NaN` when never). */
  readonly daysSinceLastLogin: Float64Array;
  /** Logins in the last 30 days. */
  readonly loginsLast30Days: Float64Array;
  /** Viewed ÷ delivered over reports delivered in the last 90 days (`NaN` when none). */
  readonly reportViewRate: Float64Array;
  /** Catalogue features used in the last 30 days ÷ catalogue size (`NaN` without a catalogue). */
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
 * const asOf = Date.parse('2026-04-01T00:00:00Z');
 * const signals = usageSignalColumns(
 *   {
 *     customerIndex: Int32Array.of(0, 0, 1),
 *     kind: Uint8Array.of(usageEventKindCodes.measurement, usageEventKindCodes.login, usageEventKindCodes.measurement),
 *     occurredAt: Float64Array.of(asOf - 86_400_000, asOf - 2 * 86_400_000, asOf - 40 * 86_400_000),
 *   },
 *   { customerCount: 2, monthlyMeasurementLimit: [10, 10], asOf },
 * );
 * signals.usageRate; // Float64Array [0.1, 0] — customer 1's measurement is older than 30 days
 * const { scores } = scoreHealthBatch({ ...signals, daysOverdue: [0, 30] });
 * ```
 */
export function usageSignalColumns(
  events: UsageEventColumns,
  options: UsageSignalColumnsOptions,
): UsageSignalColumns {
  const run = prepareUsageSignals(events, options);
  const accumulators = createAccumulators(run.shape);
  const invalid = accumulateEvents(run, accumulators, 0, run.eventCount);
  if (invalid !== -1) throw invalidIndexError(run, invalid);
  return finishUsageSignals(run, accumulators);
}

/** A validated call of {@link usageSignalColumns}: the columns, windows and accumulator sizes. */
export interface UsageSignalRun {
  readonly events: UsageEventColumns;
  readonly eventCount: number;
  readonly asOf: number;
  readonly since30: number;
  readonly since90: number;
  readonly timeZone: string;
  readonly featureCount: number;
  readonly monthlyMeasurementLimit: Float64Array | readonly number[];
  readonly shape: UsageAccumulatorShape;
}

/** Validates the columns and options of {@link usageSignalColumns} (everything but the per-event indexes). */
export function prepareUsageSignals(
  events: UsageEventColumns,
  options: UsageSignalColumnsOptions,
): UsageSignalRun {
  const customers = options.customerCount;
  if (!Number.isSafeInteger(customers) || customers < 0) {
    throw KizunaValidationError.forField(what, 'customerCount', 'expected a whole number ≥ 0');
  }
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
  const reportCount = options.reportCount ?? 0;
  const featureCount = options.featureCount ?? 0;
  for (const [name, value] of [
    ['reportCount', reportCount],
    ['featureCount', featureCount],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw KizunaValidationError.forField(what, name, 'expected a whole number ≥ 0');
    }
  }
  return {
    events,
    eventCount,
    asOf,
    since30: asOf - 30 * millisecondsPerDay,
    since90: asOf - 90 * millisecondsPerDay,
    timeZone: options.timeZone ?? defaultTimeZone,
    featureCount,
    monthlyMeasurementLimit: options.monthlyMeasurementLimit,
    shape: accumulatorShape(customers, reportCount, featureCount),
  };
}

/** Runs the event loop over events `from` … `to − 1` of a validated call (see {@link accumulateUsageEvents}). */
export function accumulateEvents(
  run: UsageSignalRun,
  accumulators: UsageAccumulators,
  from: number,
  to: number,
): number {
  const { events, shape } = run;
  return accumulateUsageEvents(
    events.customerIndex,
    events.kind,
    events.occurredAt,
    events.reportIndex,
    events.featureIndex,
    from,
    to,
    run.asOf,
    run.since30,
    run.since90,
    shape.customers,
    shape.stride,
    shape.reportCount,
    run.featureCount,
    accumulators.counters,
    accumulators.lastLogin,
    accumulators.reportFlags,
    accumulators.reportOwner,
  );
}

/** The error for an invalid event reported by {@link accumulateUsageEvents}. */
export function invalidIndexError(run: UsageSignalRun, invalid: number): KizunaValidationError {
  return invalid >= 0
    ? KizunaValidationError.forField(
        what,
        `customerIndex[${invalid}]`,
        `expected 0 ≤ index < ${run.shape.customers}`,
      )
    : KizunaValidationError.forField(
        what,
        `reportIndex[${-2 - invalid}]`,
        `expected 0 ≤ index < ${run.shape.reportCount}`,
      );
}

/** The signal columns from the accumulators of every event of a validated call. */
export function finishUsageSignals(run: UsageSignalRun, accumulators: UsageAccumulators): UsageSignalColumns {
  const { asOf, timeZone, featureCount } = run;
  const { customers, reportCount, stride, words } = run.shape;
  const { counters, lastLogin, reportFlags, reportOwner } = accumulators;
  // Module constants as locals: loops then read a register, not an imported binding (which some
  // module transforms turn into a getter call per read).
  const recent = deliveredRecently;
  const seen = viewed;
  const featureSlot = histogramSlots;
  const delivered90 = new Float64Array(customers);
  const viewed90 = new Float64Array(customers);
  for (let report = 0; report < reportCount; report += 1) {
    const flags = reportFlags[report]!;
    if ((flags & recent) !== 0) {
      delivered90[reportOwner[report]!]! += 1;
      viewed90[reportOwner[report]!]! += (flags & seen) >>> 1;
    }
  }
  // Local calendar days of the last logins. Time zones change offset at most a few times a year, so
  // when the offset is the same at every 6-hour step from the earliest last login to asOf (no two
  // transitions are ever 6 hours apart), one offset serves every customer; otherwise offsets are
  // looked up per quarter hour.
  let earliestLogin = asOf;
  for (let customer = 0; customer < customers; customer += 1) {
    earliestLogin = Math.min(earliestLogin, lastLogin[customer]!);
  }
  const asOfOffset = offsetMilliseconds(asOf, timeZone);
  let constantOffset = earliestLogin > Number.NEGATIVE_INFINITY;
  const step = 6 * 3_600_000;
  for (let instant = asOf; constantOffset && instant > earliestLogin - step; instant -= step) {
    constantOffset = offsetMilliseconds(Math.max(instant, earliestLogin), timeZone) === asOfOffset;
  }
  const offsets = new Map<number, number>();
  const localDay = (instant: number) => {
    if (constantOffset) return Math.floor((instant + asOfOffset) / millisecondsPerDay);
    const quarterHour = Math.floor(instant / 900_000);
    let offset = offsets.get(quarterHour);
    if (offset === undefined) {
      offset = offsetMilliseconds(instant, timeZone);
      offsets.set(quarterHour, offset);
    }
    return Math.floor((instant + offset) / millisecondsPerDay);
  };
  const today = localDay(asOf);
  const usageRate = new Float64Array(customers);
  const usageRate90DayAverage = new Float64Array(customers);
  const measurementsLast30Days = new Float64Array(customers);
  const loginsLast30Days = new Float64Array(customers);
  const daysSinceLastLogin = new Float64Array(customers);
  const reportViewRate = new Float64Array(customers);
  const featureAdoptionRate = new Float64Array(customers);
  // One array type for the loop (a plain array is converted once, numbers as they are).
  const limits =
    run.monthlyMeasurementLimit instanceof Float64Array
      ? run.monthlyMeasurementLimit
      : Float64Array.from(run.monthlyMeasurementLimit);
  for (let customer = 0; customer < customers; customer += 1) {
    const base = customer * stride;
    const measurements30 = counters[base + 2]!;
    const limit = limits[customer]!;
    const hasLimit = limit > 0;
    measurementsLast30Days[customer] = measurements30;
    loginsLast30Days[customer] = counters[base + 5]!;
    usageRate[customer] = hasLimit ? measurements30 / limit : Number.NaN;
    usageRate90DayAverage[customer] = hasLimit
      ? (measurements30 + counters[base + 1]!) / 3 / limit
      : Number.NaN;
    const login = lastLogin[customer]!;
    daysSinceLastLogin[customer] =
      login === Number.NEGATIVE_INFINITY ? Number.NaN : Math.max(0, today - localDay(login));
    const delivered = delivered90[customer]!;
    reportViewRate[customer] = delivered > 0 ? viewed90[customer]! / delivered : Number.NaN;
    if (featureCount > 0) {
      let used = 0;
      for (let word = 0; word < words; word += 1) used += popcount(counters[base + featureSlot + word]!);
      featureAdoptionRate[customer] = used / featureCount;
    } else featureAdoptionRate[customer] = Number.NaN;
  }
  return {
    usageRate,
    usageRate90DayAverage,
    measurementsLast30Days,
    daysSinceLastLogin,
    loginsLast30Days,
    reportViewRate,
    featureAdoptionRate,
  };
}
