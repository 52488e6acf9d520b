import { calendarDaysBetween } from '@kizuna/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { healthSignals } from '../signals/health-signals';
import { asOf, b2bSnapshot } from '../test-support/snapshot-fixture';
import { usageEventKindCodes, usageSignalColumns } from './usage-signal-columns';

const kinds = ['measurement', 'login', 'report_delivered', 'report_view', 'feature_use'] as const;
const catalogue = ['f0', 'f1', 'f2', 'f3', 'f4'];
const asOfMs = Date.parse(asOf);

const eventArbitrary = fc.record({
  customer: fc.integer({ min: 0, max: 2 }),
  kind: fc.constantFrom(...kinds),
  minutesAgo: fc.integer({ min: -600, max: 130 * 24 * 60 }),
  report: fc.integer({ min: 0, max: 5 }),
  feature: fc.integer({ min: 0, max: 6 }),
});

describe('usageSignalColumns', () => {
  it('derives the same signals as healthSignals over a core snapshot', () => {
    fc.assert(
      fc.property(fc.array(eventArbitrary, { maxLength: 40 }), (raw) => {
        // Each report belongs to one customer and is delivered once.
        const deliveredReports = new Set<number>();
        const events = raw.filter((event) => {
          if (event.kind !== 'report_delivered') return true;
          if (deliveredReports.has(event.report)) return false;
          deliveredReports.add(event.report);
          return true;
        });
        const reportOwner = new Map<number, number>();
        for (const event of events)
          if (event.kind === 'report_delivered') reportOwner.set(event.report, event.customer);
        const usable = events.filter(
          (event) => !event.kind.startsWith('report') || reportOwner.get(event.report) === event.customer,
        );
        const columns = usageSignalColumns(
          {
            customerIndex: Int32Array.from(usable, (event) => event.customer),
            kind: Uint8Array.from(usable, (event) => usageEventKindCodes[event.kind]),
            occurredAt: Float64Array.from(usable, (event) => asOfMs - event.minutesAgo * 60_000),
            reportIndex: Int32Array.from(usable, (event) => event.report),
            featureIndex: Int32Array.from(usable, (event) => event.feature),
          },
          { customerCount: 3, monthlyMeasurementLimit: [20, 20, 20], reportCount: 6, featureCount: 5, asOf },
        );
        for (let customer = 0; customer < 3; customer += 1) {
          const snapshot = b2bSnapshot({
            usageEvents: usable
              .filter((event) => event.customer === customer)
              .map((event, index) => ({
                id: `e${index}`,
                kind: event.kind,
                occurredAt: new Date(asOfMs - event.minutesAgo * 60_000).toISOString(),
                hours: 1,
                reportId: `r${event.report}`,
                feature: `f${event.feature}`,
              })),
          });
          const signals = healthSignals(snapshot, { asOf, featureCatalogue: catalogue });
          const nan = (value: number | null | undefined) => value ?? Number.NaN;
          expect(columns.usageRate[customer]).toBe(nan(signals.usageRate));
          expect(columns.usageRate90DayAverage[customer]).toBeCloseTo(nan(signals.usageRate90DayAverage), 12);
          expect(columns.daysSinceLastLogin[customer]).toBe(nan(signals.daysSinceLastLogin));
          expect(columns.reportViewRate[customer]).toBe(nan(signals.reportViewRate));
          expect(columns.featureAdoptionRate[customer]).toBe(nan(signals.featureAdoptionRate));
          expect(columns.loginsLast30Days[customer]).toBe(nan(snapshot.engagement.loginsLast30Days));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('rejects a customer index out of range, naming it', () => {
    expect(() =>
      usageSignalColumns(
        { customerIndex: Int32Array.of(0, 3), kind: Uint8Array.of(0, 0), occurredAt: Float64Array.of(0, 0) },
        { customerCount: 2, monthlyMeasurementLimit: [1, 1], asOf },
      ),
    ).toThrow(/customerIndex\[1\]/);
  });

  it('counts calendar days across a daylight-saving change (Berlin, 29 March 2026)', () => {
    // 22:30 UTC on 28 March is 23:30 CET, still 28 March in Berlin: 4 days before 1 April 02:00 CEST.
    // 23:30 UTC on 29 March is 01:30 CEST on 30 March: 2 days.
    const logins = ['2026-03-28T22:30:00.000Z', '2026-03-29T23:30:00.000Z', '2026-03-31T21:59:00.000Z'];
    const columns = usageSignalColumns(
      {
        customerIndex: Int32Array.of(0, 1, 2),
        kind: Uint8Array.of(1, 1, 1),
        occurredAt: Float64Array.from(logins, (login) => Date.parse(login)),
      },
      { customerCount: 3, monthlyMeasurementLimit: [1, 1, 1], asOf, timeZone: 'Europe/Berlin' },
    );
    expect([...columns.daysSinceLastLogin]).toEqual([4, 2, 1]);
    expect([...columns.daysSinceLastLogin]).toEqual(
      logins.map((login) => calendarDaysBetween(login, asOf, 'Europe/Berlin')),
    );
  });
});
