import { KizunaValidationError } from '@kizuna/core';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createAccumulators, mergeAccumulators } from '../batch/usage-event-kernel';
import {
  accumulateEvents,
  finishUsageSignals,
  prepareUsageSignals,
  type UsageEventColumns,
  type UsageSignalColumns,
  usageSignalColumns,
} from '../batch/usage-signal-columns';
import { createUsageSignalPool, toSharedColumns } from './index';

const asOf = Date.parse('2026-04-01T00:00:00Z');
const day = 86_400_000;
const customers = 5;
const reports = 8;
const options = {
  customerCount: customers,
  monthlyMeasurementLimit: [10, 20, 0, 5, Number.NaN],
  reportCount: reports,
  featureCount: 40,
  asOf,
};

const eventArbitrary = fc.record({
  customer: fc.integer({ min: 0, max: customers - 1 }),
  kind: fc.integer({ min: 0, max: 6 }),
  minutesAgo: fc.integer({ min: -600, max: 130 * 24 * 60 }),
  report: fc.integer({ min: 0, max: reports - 1 }),
  feature: fc.integer({ min: -1, max: 45 }),
});

interface RawEvent {
  readonly customer: number;
  readonly kind: number;
  readonly minutesAgo: number;
  readonly report: number;
  readonly feature: number;
}

function columnsOf(events: readonly RawEvent[]): UsageEventColumns {
  return {
    customerIndex: Int32Array.from(events, (event) => event.customer),
    kind: Uint8Array.from(events, (event) => event.kind),
    occurredAt: Float64Array.from(events, (event) => asOf - event.minutesAgo * 60_000),
    reportIndex: Int32Array.from(events, (event) => event.report),
    featureIndex: Int32Array.from(events, (event) => event.feature),
  };
}

/** Every column, entry by entry, with NaN equal to NaN and nothing rounded. */
function expectIdentical(actual: UsageSignalColumns, expected: UsageSignalColumns): void {
  for (const name of Object.keys(expected) as (keyof UsageSignalColumns)[]) {
    expect([...actual[name]], name).toEqual([...expected[name]]);
  }
}

describe('mergeAccumulators', () => {
  it('gives exactly the single loop’s signals for any split of the events into ranges', () => {
    fc.assert(
      fc.property(
        fc.array(eventArbitrary, { maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        (events, cuts) => {
          const columns = columnsOf(events);
          const run = prepareUsageSignals(columns, options);
          const bounds = [
            0,
            ...cuts.map((cut) => cut % (events.length + 1)).sort((a, b) => a - b),
            events.length,
          ];
          const total = createAccumulators(run.shape);
          accumulateEvents(run, total, bounds[0]!, bounds[1]!);
          for (let range = 1; range < bounds.length - 1; range += 1) {
            const partial = createAccumulators(run.shape);
            accumulateEvents(run, partial, bounds[range]!, bounds[range + 1]!);
            mergeAccumulators(total, partial, run.shape);
          }
          expectIdentical(finishUsageSignals(run, total), usageSignalColumns(columns, options));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('takes a report’s owner from its latest delivery, as one loop does', () => {
    // Report 0 is delivered by customer 1, then (later in event order, in the second range) by customer 2.
    const columns: UsageEventColumns = {
      customerIndex: Int32Array.of(1, 2),
      kind: Uint8Array.of(2, 2),
      occurredAt: Float64Array.of(asOf - day, asOf - 2 * day),
      reportIndex: Int32Array.of(0, 0),
    };
    const run = prepareUsageSignals(columns, options);
    const first = createAccumulators(run.shape);
    const second = createAccumulators(run.shape);
    accumulateEvents(run, first, 0, 1);
    accumulateEvents(run, second, 1, 2);
    mergeAccumulators(first, second, run.shape);
    const signals = finishUsageSignals(run, first);
    expect([...signals.reportViewRate]).toEqual([Number.NaN, Number.NaN, 0, Number.NaN, Number.NaN]);
    expectIdentical(signals, usageSignalColumns(columns, options));
  });
});

describe('createUsageSignalPool', () => {
  const pool = createUsageSignalPool({ threads: 3 });
  afterAll(() => pool.close());

  it('gives results identical to usageSignalColumns on 3 threads', async () => {
    // 20,000 events over 5 customers: counts, logins, report views and 40 catalogue features (2 words).
    let state = 12345;
    const next = (limit: number) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state % limit;
    };
    const events = Array.from({ length: 20_000 }, () => ({
      customer: next(customers),
      kind: next(7),
      minutesAgo: next(130 * 24 * 60) - 600,
      report: next(reports),
      feature: next(47) - 1,
    }));
    const columns = columnsOf(events);
    const expected = usageSignalColumns(columns, options);
    expectIdentical(await pool.usageSignalColumns(toSharedColumns(columns), options), expected);
    // Columns in ordinary ArrayBuffers are copied into shared memory first: the same result.
    expectIdentical(await pool.usageSignalColumns(columns, options), expected);
    expect(expected.featureAdoptionRate.some((rate) => rate > 0.5)).toBe(true);
  });

  it('rejects with the first invalid event in event order, like usageSignalColumns', async () => {
    const columns = toSharedColumns({
      customerIndex: Int32Array.of(0, 0, 0, 9, 0, 7),
      kind: Uint8Array.of(0, 0, 3, 0, 0, 0),
      occurredAt: Float64Array.from({ length: 6 }, () => asOf - day),
      reportIndex: Int32Array.of(0, 0, 99, 0, 0, 0),
    });
    // Event 2 (second of 3 ranges) has a bad report, event 3 a bad customer, event 5 (third range) too: event 2 comes first.
    await expect(pool.usageSignalColumns(columns, options)).rejects.toThrow(/reportIndex\[2\]/);
    expect(() => usageSignalColumns(columns, options)).toThrow(/reportIndex\[2\]/);
    await expect(pool.usageSignalColumns(columns, options)).rejects.toBeInstanceOf(KizunaValidationError);
  });

  it('handles fewer events than threads and no events at all', async () => {
    const one = toSharedColumns({
      customerIndex: Int32Array.of(4),
      kind: Uint8Array.of(1),
      occurredAt: Float64Array.of(asOf - 3 * day),
    });
    const signals = await pool.usageSignalColumns(one, options);
    expect(signals.daysSinceLastLogin[4]).toBe(3);
    const none = toSharedColumns({
      customerIndex: new Int32Array(0),
      kind: new Uint8Array(0),
      occurredAt: new Float64Array(0),
    });
    expect([...(await pool.usageSignalColumns(none, options)).usageRate]).toEqual([
      0,
      0,
      Number.NaN,
      0,
      Number.NaN,
    ]);
  });

  it('rejects calls once closed', async () => {
    const small = createUsageSignalPool({ threads: 2 });
    const events = toSharedColumns({
      customerIndex: Int32Array.of(0, 1),
      kind: Uint8Array.of(0, 0),
      occurredAt: Float64Array.of(asOf - day, asOf - day),
    });
    expect([...(await small.usageSignalColumns(events, options)).measurementsLast30Days]).toEqual([
      1, 1, 0, 0, 0,
    ]);
    await small.close();
    await expect(small.usageSignalColumns(events, options)).rejects.toThrow(/closed/);
  });

  it('rejects a thread count that is not a whole number ≥ 1, naming threads', () => {
    expect(() => createUsageSignalPool({ threads: 0 })).toThrow(/threads/);
    expect(() => createUsageSignalPool({ threads: 1.5 })).toThrow(KizunaValidationError);
  });
});
