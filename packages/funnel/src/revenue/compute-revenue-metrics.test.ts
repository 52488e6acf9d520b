import { KizunaValidationError } from '@kizuna/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeRevenueMetrics, reconcilePeriod } from './compute-revenue-metrics';

type Type = 'start' | 'change' | 'cancel';
let sequence = 0;
function subscription(
  customerId: string,
  subscriptionId: string,
  type: Type,
  occurredAt: string,
  amount: number,
  currency = 'JPY',
) {
  sequence += 1;
  return {
    id: `e${String(sequence).padStart(3, '0')}`,
    customerId,
    subscriptionId,
    type,
    occurredAt,
    mrr: { amount, currency },
  };
}

// Months in Asia/Tokyo (UTC+9). asOf is 2026-04-01 00:00 in Tokyo, so the last period is March.
const asOf = '2026-03-31T15:00:00Z';
const events = [
  // January: A, B, C new (10,000 + 20,000 + 5,000); C adds a second subscription (+5,000).
  subscription('A', 'a1', 'start', '2026-01-05T00:00:00Z', 10_000),
  subscription('B', 'b1', 'start', '2026-01-10T00:00:00Z', 20_000),
  subscription('C', 'c1', 'start', '2026-01-15T00:00:00Z', 5_000),
  subscription('C', 'c2', 'start', '2026-01-20T00:00:00Z', 5_000),
  // February: 16:00Z on Jan 31 is 01:00 on Feb 1 in Tokyo. A +5,000; B −8,000; C ends c2 (−5,000,
  // contraction: c1 still runs); D new 8,000.
  subscription('A', 'a1', 'change', '2026-01-31T16:00:00Z', 15_000),
  subscription('B', 'b1', 'change', '2026-02-10T00:00:00Z', 12_000),
  subscription('C', 'c2', 'cancel', '2026-02-12T00:00:00Z', 0),
  subscription('D', 'd1', 'start', '2026-02-20T00:00:00Z', 8_000),
  // March: C's last subscription ends (churn 5,000); B churns (12,000) and comes back (9,000);
  // D changes d1 to 10,000 and adds d2 2,000 on the same day (one expansion of 4,000);
  // E is new at 6,000 and expands to 7,000.
  subscription('C', 'c1', 'cancel', '2026-03-05T00:00:00Z', 0),
  subscription('B', 'b1', 'cancel', '2026-03-10T00:00:00Z', 0),
  subscription('B', 'b2', 'start', '2026-03-25T00:00:00Z', 9_000),
  subscription('D', 'd1', 'change', '2026-03-15T01:00:00Z', 10_000),
  subscription('D', 'd2', 'start', '2026-03-15T10:00:00Z', 2_000),
  subscription('E', 'e1', 'start', '2026-03-20T00:00:00Z', 6_000),
  subscription('E', 'e1', 'change', '2026-03-28T00:00:00Z', 7_000),
];
const options = {
  asOf,
  grossMargin: 0.8,
  acquisitionCosts: [{ at: '2026-03-02T00:00:00Z', amount: { amount: 30_000, currency: 'JPY' } }],
};

describe('computeRevenueMetrics', () => {
  const report = computeRevenueMetrics(events, options);
  const [january, february, march] = report.periods;

  it('computes MRR, ARR and the movements of each month', () => {
    expect(report.periods.map((period) => period.periodStart)).toEqual([
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
    ]);
    // January: 0 → 40,000 (new 35,000 + expansion 5,000); ARR 480,000.
    expect(january).toMatchObject({ startMrr: 0, endMrr: 40_000, arr: 480_000 });
    expect(january!.movements).toEqual({
      new: 35_000,
      expansion: 5_000,
      contraction: 0,
      churn: 0,
      reactivation: 0,
    });
    // February: 40,000 + 8,000 + 5,000 − 13,000 = 40,000.
    expect(february!.movements).toEqual({
      new: 8_000,
      expansion: 5_000,
      contraction: 13_000,
      churn: 0,
      reactivation: 0,
    });
    expect(february).toMatchObject({ startMrr: 40_000, endMrr: 40_000, netNewMrr: 0 });
    // March: 40,000 + 6,000 + 5,000 − 17,000 + 9,000 = 43,000.
    expect(march!.movements).toEqual({
      new: 6_000,
      expansion: 5_000,
      contraction: 0,
      churn: 17_000,
      reactivation: 9_000,
    });
    expect(march).toMatchObject({ startMrr: 40_000, endMrr: 43_000, netNewMrr: 3_000 });
    expect(march!.customers).toEqual({ start: 4, end: 4, new: 1, churned: 2, reactivated: 1 });
  });

  it('computes gross and net MRR churn, the quick ratio and logo churn', () => {
    // February: gross (0 + 13,000) / 40,000 = 0.325; net (13,000 − 5,000) / 40,000 = 0.2;
    // quick (8,000 + 5,000) / 13,000 = 1.
    expect(february).toMatchObject({
      grossMrrChurnRate: 0.325,
      netMrrChurnRate: 0.2,
      quickRatio: 1,
      logoChurnRate: 0,
    });
    // March: gross 17,000 / 40,000 = 0.425; net (17,000 − 5,000 − 9,000) / 40,000 = 0.075;
    // quick (6,000 + 5,000 + 9,000) / 17,000 = 20 / 17; logo churn 2 / 4 = 0.5.
    expect(march!.grossMrrChurnRate).toBe(0.425);
    expect(march!.netMrrChurnRate).toBeCloseTo(0.075, 12);
    expect(march!.quickRatio).toBeCloseTo(20 / 17, 12);
    expect(march!.logoChurnRate).toBe(0.5);
    // January has no starting MRR: rates are unknown, not 0.
    expect(january).toMatchObject({
      grossMrrChurnRate: null,
      netRevenueRetention: null,
      logoChurnRate: null,
    });
  });

  it('computes NRR and GRR by the seed and by ChartMogul', () => {
    // Seed: (40,000 + 5,000 − 17,000 − 0) / 40,000 = 0.7; GRR (40,000 − 17,000) / 40,000 = 0.575.
    // ChartMogul: only customers paying on March 1 (E's 1,000 expansion and B's reactivation
    // excluded): (40,000 + 4,000 − 17,000) / 40,000 = 0.675; GRR 0.575.
    expect(march!.retention).toEqual({
      seed: { net: 0.7, gross: 0.575 },
      chartmogul: { net: 0.675, gross: 0.575 },
    });
    expect(march).toMatchObject({ netRevenueRetention: 0.7, grossRevenueRetention: 0.575 });
    const chartmogul = computeRevenueMetrics(events, { ...options, retentionDefinition: 'chartmogul' });
    expect(chartmogul.periods[2]!.netRevenueRetention).toBe(0.675);
    // February: (40,000 + 5,000 − 13,000) / 40,000 = 0.8 under both.
    expect(february!.retention.seed.net).toBe(0.8);
  });

  it('computes ARPA, LTV, CAC, LTV/CAC and payback', () => {
    // ARPA March = 43,000 / 4 = 10,750. Trailing logo churn: Jan unknown, Feb 0, Mar 0.5 → 0.25.
    // LTV = 10,750 × 0.8 / 0.25 = 34,400. CAC = 30,000 / 1 new = 30,000.
    // LTV/CAC = 34,400 / 30,000; payback = 30,000 / (10,750 × 0.8) = 30,000 / 8,600 months.
    expect(march).toMatchObject({ arpa: 10_750, cac: 30_000, acquisitionCost: 30_000 });
    expect(march!.ltv).toBeCloseTo(34_400, 9);
    expect(march!.ltvToCac).toBeCloseTo(34_400 / 30_000, 12);
    expect(march!.paybackMonths).toBeCloseTo(30_000 / 8_600, 12);
  });

  it('leaves LTV undefined at zero churn and says why', () => {
    expect(february!.ltv).toBeNull();
    expect(february!.ltvNote).toMatch(/no customer churn/);
  });

  it('groups a customer’s changes on one local day into one movement', () => {
    const d = report.movements.filter(
      (movement) => movement.customerId === 'D' && movement.date === '2026-03-15',
    );
    expect(d).toEqual([
      expect.objectContaining({
        type: 'expansion',
        amount: 4_000,
        mrrBefore: 8_000,
        mrrAfter: 12_000,
        eventIds: ['e012', 'e013'],
      }),
    ]);
  });

  it('churns a customer only when the last subscription ends', () => {
    const c = report.movements
      .filter((movement) => movement.customerId === 'C')
      .map((movement) => movement.type);
    expect(c).toEqual(['new', 'expansion', 'contraction', 'churn']);
  });

  it('lists the movements that reconcile a period', () => {
    const view = reconcilePeriod(report, '2026-03-01');
    expect(view.balanced).toBe(true);
    expect(
      view.movements.map((movement) => `${movement.customerId} ${movement.type} ${movement.amount}`),
    ).toEqual([
      'C churn -5000',
      'B churn -12000',
      'D expansion 4000',
      'E new 6000',
      'B reactivation 9000',
      'E expansion 1000',
    ]);
    expect(() => reconcilePeriod(report, '2026-05-01')).toThrow(KizunaValidationError);
  });

  it('builds cohorts with net MRR and logo retention', () => {
    // January cohort A, B, C: initial 35,000. End of Jan 40,000; Feb 32,000; Mar A 15,000 + B 9,000 = 24,000.
    const [janCohort, febCohort, marCohort] = report.cohorts;
    expect(janCohort).toMatchObject({ cohortStart: '2026-01-01', customers: 3, initialMrr: 35_000 });
    expect(janCohort!.periods.map((row) => row.mrr)).toEqual([40_000, 32_000, 24_000]);
    expect(janCohort!.periods[2]!.netMrrRetention).toBeCloseTo(24_000 / 35_000, 12);
    expect(janCohort!.periods[2]!.logoRetention).toBeCloseTo(2 / 3, 12);
    expect(febCohort!.periods.map((row) => row.netMrrRetention)).toEqual([1, 1.5]);
    expect(marCohort!.periods[0]).toMatchObject({ age: 0, mrr: 7_000, activeCustomers: 1 });
  });

  it('recognises churn at the end of the period when asked', () => {
    // C's cancel (Mar 5) and B's (Mar 10) would count on April 1, after asOf: not churned yet. B's
    // new subscription on Mar 25 is then an expansion of an active customer.
    const late = computeRevenueMetrics(events, { ...options, churnRecognition: 'end_of_period' });
    expect(late.periods[2]!.movements).toMatchObject({ churn: 0, reactivation: 0, expansion: 14_000 });
    expect(late.periods[2]!.endMrr).toBe(43_000 + 5_000 + 12_000);
  });

  it('churns past-due subscriptions after the grace days and reactivates them when paid', () => {
    const pastDue = computeRevenueMetrics(events, {
      ...options,
      pastDueHandling: 'churn',
      pastDueChurnAfterDays: 14,
      pastDue: [{ subscriptionId: 'a1', since: '2026-02-20T00:00:00Z', resolvedAt: '2026-03-10T03:00:00Z' }],
    });
    const a = pastDue.movements.filter((movement) => movement.customerId === 'A');
    expect(a.map((movement) => [movement.date, movement.type, movement.amount])).toEqual([
      ['2026-01-05', 'new', 10_000],
      ['2026-02-01', 'expansion', 5_000],
      ['2026-02-20', 'churn', -15_000],
      ['2026-03-10', 'reactivation', 15_000],
    ]);
    // Shorter than the grace period: nothing happens.
    const short = computeRevenueMetrics(events, {
      ...options,
      pastDueHandling: 'churn',
      pastDue: [{ subscriptionId: 'a1', since: '2026-02-20T00:00:00Z', resolvedAt: '2026-03-01T00:00:00Z' }],
    });
    expect(short.movements).toEqual(report.movements);
  });

  it('converts currencies with a rate and rejects mixed currencies without one', () => {
    const mixed = [...events, subscription('F', 'f1', 'start', '2026-03-03T00:00:00Z', 10_000, 'USD')];
    expect(() => computeRevenueMetrics(mixed, options)).toThrow(/exchangeRates has no USD rate/);
    // $100.00 (10,000 cents) at ¥150 per dollar = ¥15,000.
    const converted = computeRevenueMetrics(mixed, { ...options, exchangeRates: { USD: 150 } });
    expect(converted.movements.find((movement) => movement.customerId === 'F')!.amount).toBe(15_000);
  });

  it('rejects negative amounts and conflicting duplicates and counts exact duplicates once', () => {
    expect(() =>
      computeRevenueMetrics([{ ...events[0]!, mrr: { amount: -1, currency: 'JPY' } }], options),
    ).toThrow(KizunaValidationError);
    expect(() =>
      computeRevenueMetrics([events[0]!, { ...events[0]!, occurredAt: '2026-01-06T00:00:00Z' }], options),
    ).toThrow(/\[1\]\.id/);
    const twice = computeRevenueMetrics([...events, events[0]!], options);
    expect(twice.periods).toEqual(report.periods);
    expect(twice.warnings).toEqual(['event e001 appears more than once; counted once']);
  });

  it('handles events out of sequence with a warning', () => {
    const odd = computeRevenueMetrics(
      [
        subscription('Z', 'z1', 'change', '2026-03-02T00:00:00Z', 1_000),
        subscription('Z', 'z9', 'cancel', '2026-03-03T00:00:00Z', 0),
      ],
      options,
    );
    expect(odd.periods.at(-1)!.endMrr).toBe(1_000);
    expect(odd.warnings).toHaveLength(2);
  });
});

// ---- Properties ---------------------------------------------------------------------------------

const eventsArbitrary = fc
  .array(
    fc.record({
      customer: fc.constantFrom('A', 'B', 'C'),
      subscription: fc.integer({ min: 0, max: 1 }),
      type: fc.constantFrom<Type>('start', 'change', 'cancel'),
      day: fc.integer({ min: 0, max: 120 }),
      hour: fc.integer({ min: 0, max: 23 }),
      amount: fc.integer({ min: 1, max: 9 }).map((value) => value * 1_000),
    }),
    { maxLength: 25 },
  )
  .map((rows) =>
    rows.map((row, index) => ({
      id: `p${index}`,
      customerId: row.customer,
      subscriptionId: `${row.customer}${row.subscription}`,
      type: row.type,
      occurredAt: new Date(
        Date.parse('2026-01-01T00:00:00Z') + row.day * 86_400_000 + row.hour * 3_600_000,
      ).toISOString(),
      mrr: { amount: row.type === 'cancel' ? 0 : row.amount, currency: 'JPY' },
    })),
  );

describe('computeRevenueMetrics properties', () => {
  it('has movements that sum to the change in MRR of every period', () => {
    fc.assert(
      fc.property(eventsArbitrary, (input) => {
        const report = computeRevenueMetrics(input, { asOf: '2026-06-01T00:00:00Z' });
        for (const period of report.periods) {
          const { new: added, expansion, contraction, churn, reactivation } = period.movements;
          expect(period.endMrr - period.startMrr).toBe(
            added + expansion + reactivation - contraction - churn,
          );
          expect(reconcilePeriod(report, period.periodStart).balanced).toBe(true);
        }
        for (let index = 1; index < report.periods.length; index += 1)
          expect(report.periods[index]!.startMrr).toBe(report.periods[index - 1]!.endMrr);
      }),
      { numRuns: 60 },
    );
  });

  it('gives NRR and GRR of 100 % when nothing changes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 5 }),
        (amounts) => {
          const input = amounts.map((amount, index) =>
            subscription(`K${index}`, `k${index}`, 'start', '2026-01-02T00:00:00Z', amount),
          );
          const report = computeRevenueMetrics(input, { asOf: '2026-05-01T00:00:00Z' });
          for (const period of report.periods.slice(1)) {
            expect(period.retention).toEqual({
              seed: { net: 1, gross: 1 },
              chartmogul: { net: 1, gross: 1 },
            });
            expect(period.quickRatio).toBeNull();
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  it('does not depend on the order of the input', () => {
    fc.assert(
      fc.property(
        eventsArbitrary.chain((input) =>
          fc.tuple(
            fc.constant(input),
            fc.shuffledSubarray(input, { minLength: input.length, maxLength: input.length }),
          ),
        ),
        ([input, shuffled]) => {
          const options = { asOf: '2026-06-01T00:00:00Z' };
          expect(computeRevenueMetrics(shuffled, options)).toEqual(computeRevenueMetrics(input, options));
        },
      ),
      { numRuns: 60 },
    );
  });
});
