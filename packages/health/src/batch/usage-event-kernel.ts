/**
 * The per-event work of {@link usageSignalColumns}, shared with the parallel path
 * (`@kizuna/health/parallel`): accumulators sized once, one loop over a range of events, a merge of two
 * ranges' accumulators. Internal: not exported from the package.
 */

/**
 * Int32 counters per customer: `stride` entries, the first six the usage histogram (slot = kind code ×
 * 3 + time bucket, kind 0 = measurement and 1 = login; bucket 0 = older than 90 days, 1 = 30–90 days
 * ago, 2 = the last 30 days), then the feature bits (one word per 32 catalogue features).
 */
export const histogramSlots = 6;

/** Report flags: delivered in the last 90 days. */
export const deliveredRecently = 1;
/** Report flags: viewed before asOf. */
export const viewed = 2;
/** Report flags: delivered before asOf (its owner is then known). */
export const deliveredBefore = 4;

/** What the event loop accumulates over a range of events. */
export interface UsageAccumulators {
  /** Per customer: {@link histogramSlots} counters, then the feature words (`stride` in all). */
  readonly counters: Int32Array;
  /** Per customer: the latest login instant before asOf, `-Infinity` when none. */
  readonly lastLogin: Float64Array;
  /** Per report: {@link deliveredRecently} | {@link viewed} | {@link deliveredBefore}. */
  readonly reportFlags: Uint8Array;
  /** Per report: the customer of its latest delivery in event order. */
  readonly reportOwner: Int32Array;
}

/** Sizes of the accumulators. */
export interface UsageAccumulatorShape {
  readonly customers: number;
  readonly reportCount: number;
  /** Feature words per customer: at least 1, so the feature update never needs a branch on the size. */
  readonly words: number;
  readonly stride: number;
}

/** The accumulator sizes for `customers`, `reportCount` reports and a catalogue of `featureCount`. */
export function accumulatorShape(
  customers: number,
  reportCount: number,
  featureCount: number,
): UsageAccumulatorShape {
  const words = Math.max(1, Math.ceil(featureCount / 32));
  // Rounded up to 8 counters (32 bytes), so that no customer's counters straddle two cache lines.
  return { customers, reportCount, words, stride: (histogramSlots + words + 7) & ~7 };
}

/** Zeroed accumulators. */
export function createAccumulators(shape: UsageAccumulatorShape): UsageAccumulators {
  const { customers, reportCount, stride } = shape;
  // Allocated by length, not over an ArrayBuffer made first: V8 runs the event loop about a third
  // faster over typed arrays made this way (measured on Node 20).
  return {
    counters: new Int32Array(customers * stride),
    lastLogin: new Float64Array(customers).fill(Number.NEGATIVE_INFINITY),
    reportFlags: new Uint8Array(reportCount),
    reportOwner: new Int32Array(reportCount),
  };
}

/**
 * Accumulates events `from` … `to − 1`. Returns −1, or the first invalid event: `event` for a customer
 * index out of range, `−2 − event` for a report index out of range (both only for events before asOf).
 *
 * The parallel path's worker threads run this same function (`parallel/worker.ts`). Written for V8: typed arrays and numbers as parameters, one counter update
 * for the measurements and logins that are most events, integer day-free arithmetic (the time buckets
 * are two comparisons), no allocation, no closure, no Date.
 */
export function accumulateUsageEvents(
  customerIndex: Int32Array,
  kind: Uint8Array,
  occurredAt: Float64Array,
  reportIndex: Int32Array | undefined,
  featureIndex: Int32Array | undefined,
  from: number,
  to: number,
  asOf: number,
  since30: number,
  since90: number,
  customers: number,
  stride: number,
  reportCount: number,
  featureCount: number,
  counters: Int32Array,
  lastLogin: Float64Array,
  reportFlags: Uint8Array,
  reportOwner: Int32Array,
): number {
  // Numbers copied into locals of a known representation: V8 then keeps them unboxed in registers
  // instead of re-checking and unboxing the parameters on every event.
  const end = to | 0;
  const until = +asOf;
  const last30 = +since30;
  const last90 = +since90;
  const customerLimit = customers | 0;
  const width = stride | 0;
  for (let event = from | 0; event < end; event += 1) {
    const at = occurredAt[event]!;
    if (!(at < until)) continue;
    const customer = customerIndex[event]!;
    if (customer >>> 0 >= customerLimit) return event;
    const code = kind[event]!;
    // 0 = older than 90 days, 1 = 30–90 days ago, 2 = the last 30 days.
    const bucket = +(at >= last90) + +(at >= last30);
    if (code < 2) {
      counters[customer * width + code * 3 + bucket]! += 1;
      if (code === 1 && at > lastLogin[customer]!) lastLogin[customer] = at;
    } else if (code < 4) {
      const report = reportIndex === undefined ? -1 : reportIndex[event]!;
      if (report >>> 0 >= reportCount) return -2 - event;
      if (code === 2) {
        // 4 = delivered; 1 = delivered in the last 90 days (bucket 1 or 2).
        reportFlags[report]! |= 4 | ((bucket + 1) >>> 1);
        reportOwner[report] = customer;
      } else reportFlags[report]! |= 2;
    } else if (code === 4 && bucket === 2 && featureIndex !== undefined) {
      const feature = featureIndex[event]!;
      if (feature >>> 0 < featureCount) {
        counters[customer * width + 6 + (feature >>> 5)]! |= 1 << (feature & 31);
      }
    }
  }
  return -1;
}

/**
 * Adds the accumulators of a later range of events (`later`) into those of the ranges before it
 * (`into`), so the result is exactly what one loop over both ranges gives: counts add, feature bits and
 * report flags combine, the latest login wins, and a report's owner comes from the later range when it
 * was delivered there.
 */
export function mergeAccumulators(
  into: UsageAccumulators,
  later: UsageAccumulators,
  shape: UsageAccumulatorShape,
): void {
  const { stride, customers, reportCount } = shape;
  const counters = into.counters;
  const laterCounters = later.counters;
  for (let customer = 0; customer < customers; customer += 1) {
    const base = customer * stride;
    for (let slot = 0; slot < histogramSlots; slot += 1)
      counters[base + slot]! += laterCounters[base + slot]!;
    for (let slot = histogramSlots; slot < stride; slot += 1)
      counters[base + slot]! |= laterCounters[base + slot]!;
    if (later.lastLogin[customer]! > into.lastLogin[customer]!) {
      into.lastLogin[customer] = later.lastLogin[customer]!;
    }
  }
  const flags = into.reportFlags;
  const laterFlags = later.reportFlags;
  for (let report = 0; report < reportCount; report += 1) {
    const laterFlag = laterFlags[report]!;
    if (laterFlag === 0) continue;
    flags[report]! |= laterFlag;
    if ((laterFlag & deliveredBefore) !== 0) into.reportOwner[report] = later.reportOwner[report]!;
  }
}
