import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreHealth } from '../score/score-health';
import { zenbuB2BScorecard } from '../scorecards/zenbu-b2b-scorecard';
import { scoreHealthBatch } from './score-health-batch';

const signalNames = [
  'usageRate',
  'daysSinceLastLogin',
  'reportViewRate',
  'featureAdoptionRate',
  'satisfactionRate',
  'openTickets',
  'escalatedTicketsLast90Days',
  'daysOverdue',
] as const;

describe('scoreHealthBatch', () => {
  it('scores columns with the seed card and its missing-data policies', () => {
    const result = scoreHealthBatch({
      usageRate: new Float64Array([1.2, 0.3]),
      daysOverdue: new Float64Array([0, 30]),
    });
    expect([...result.scores]).toEqual([80, 13.333333]);
    expect([...result.bandIndex].map((index) => result.bands[index]!.id)).toEqual(['green', 'red']);
    expect([...result.coverage]).toEqual([0.55, 0.55]);
  });

  it('returns each component contribution when asked, summing to the score', () => {
    const result = scoreHealthBatch(
      {
        usageRate: [0.8],
        daysSinceLastLogin: [3],
        reportViewRate: [0.5],
        featureAdoptionRate: [0.4],
        satisfactionRate: [0.75],
        openTickets: [0],
        escalatedTicketsLast90Days: [0],
        daysOverdue: [0],
      },
      { components: true },
    );
    expect(result.scores[0]).toBe(79.5);
    expect(
      Object.fromEntries(Object.entries(result.components!).map(([id, points]) => [id, points[0]])),
    ).toEqual({
      usage: 25,
      engagement: 17,
      support: 17.5,
      payment: 20,
    });
  });

  it('gives 50 to a customer with no data at all', () => {
    expect([...scoreHealthBatch({ usageRate: [Number.NaN] }).scores]).toEqual([50]);
  });

  it('agrees with scoreHealth customer by customer', () => {
    const value = (name: (typeof signalNames)[number]) =>
      name === 'usageRate'
        ? fc.double({ min: 0, max: 2, noNaN: true })
        : name.endsWith('Rate')
          ? fc.double({ min: 0, max: 1, noNaN: true })
          : fc.integer({ min: 0, max: 40 });
    const customer = fc.record(
      Object.fromEntries(signalNames.map((name) => [name, fc.option(value(name), { nil: null })])) as Record<
        (typeof signalNames)[number],
        fc.Arbitrary<number | null>
      >,
    );
    fc.assert(
      fc.property(fc.array(customer, { minLength: 1, maxLength: 10 }), (customers) => {
        const columns = Object.fromEntries(
          signalNames.map((name) => [
            name,
            Float64Array.from(customers, (entry) => entry[name] ?? Number.NaN),
          ]),
        );
        const batch = scoreHealthBatch(columns, { components: true });
        const interpreted = scoreHealthBatch(columns, { components: true, compile: false });
        expect(interpreted.scores).toEqual(batch.scores);
        expect(interpreted.components).toEqual(batch.components);
        expect(interpreted.bandIndex).toEqual(batch.bandIndex);
        customers.forEach((signals, index) => {
          const single = scoreHealth(signals, { scorecard: zenbuB2BScorecard });
          expect(batch.scores[index]).toBe(single.score);
          expect(batch.bands[batch.bandIndex[index]!]!.id).toBe(single.band);
          expect(batch.coverage[index]).toBeCloseTo(single.coverage, 12);
          for (const component of single.components) {
            expect(batch.components![component.id]![index]).toBeCloseTo(component.points, 5);
          }
        });
      }),
      { numRuns: 40 },
    );
  });

  it('agrees with scoreHealth for fractional step points and custom bands', () => {
    const scorecard = {
      id: 'fractional',
      name: 'Fractional steps',
      components: [
        {
          id: 'a',
          label: 'A',
          parts: [
            {
              id: 'a',
              kind: 'steps' as const,
              signal: 'a',
              maxPoints: 3.3,
              steps: [
                { op: 'gt' as const, value: 0.75, points: 3.3 },
                { op: 'lt' as const, value: 0.2, points: 0.1 },
                { op: 'gte' as const, value: 0.5, points: 1.7 },
              ],
              otherwise: 0.3,
            },
            { id: 'b', kind: 'linear' as const, signal: 'b', maxPoints: 1.1, from: 1, to: 0 },
          ],
        },
      ],
      bands: [
        { id: 'low', upTo: 33.3, status: 'red' as const },
        { id: 'mid', upTo: 66.6, status: 'yellow' as const },
        { id: 'high', upTo: 100, status: 'green' as const },
      ],
    };
    const a = [0.1, 0.2, 0.5, 0.75, 0.8, Number.NaN, 0.6];
    const b = [0, 0.3, Number.NaN, 1, 0.7, 0.25, 0.5];
    const batch = scoreHealthBatch({ a, b }, { scorecard });
    a.forEach((value, index) => {
      const single = scoreHealth(
        { a: Number.isNaN(value) ? null : value, b: Number.isNaN(b[index]!) ? null : b[index]! },
        { scorecard },
      );
      expect(batch.scores[index]).toBe(single.score);
      expect(batch.bands[batch.bandIndex[index]!]!.id).toBe(single.band);
    });
    expect(scoreHealthBatch({ a, b }, { scorecard, compile: false }).scores).toEqual(batch.scores);
  });

  it('rejects an infinite value and a short column, naming them', () => {
    expect(() => scoreHealthBatch({ usageRate: [1, Number.POSITIVE_INFINITY] })).toThrow(/usageRate\[1\]/);
    expect(() => scoreHealthBatch({ usageRate: [1, Number.NEGATIVE_INFINITY] }, { compile: false })).toThrow(
      /usageRate\[1\]/,
    );
    expect(() => scoreHealthBatch({ usageRate: [1, 2], daysOverdue: [0] })).toThrow(/daysOverdue/);
  });
});
