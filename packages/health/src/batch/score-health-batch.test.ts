import { KizunaValidationError } from '@kizuna/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreHealth } from '../score/score-health';
import type { ScorecardInput } from '../scorecards/scorecard';
import { zenbuB2BScorecard } from '../scorecards/zenbu-b2b-scorecard';
import { healthBatchEntry } from './health-batch-entry';
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
          expect(batch.coverage[index]).toBe(single.coverage);
          for (const component of single.components) {
            expect(batch.components![component.id]![index]).toBe(component.points);
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

const healthy = {
  usageRate: 0.8,
  daysSinceLastLogin: 3,
  reportViewRate: 0.5,
  featureAdoptionRate: 0.4,
  satisfactionRate: 0.75,
  openTickets: 0,
  escalatedTicketsLast90Days: 0,
  daysOverdue: 0,
};
// usage 5, engagement 0 + 2 + 1 = 3, support 3 + 0 + 0 = 3, payment 0: 11 in all.
const struggling = {
  usageRate: 0.3,
  daysSinceLastLogin: 30,
  reportViewRate: 0.2,
  featureAdoptionRate: 0.2,
  satisfactionRate: 0.3,
  openTickets: 3,
  escalatedTicketsLast90Days: 2,
  daysOverdue: 30,
};

function columnsOf(customers: readonly Record<string, number | null>[]) {
  const names = [...new Set(customers.flatMap((customer) => Object.keys(customer)))];
  return Object.fromEntries(
    names.map((name) => [name, Float64Array.from(customers, (customer) => customer[name] ?? Number.NaN)]),
  );
}

describe('scoreHealthBatch recommendations, deltas and overrides', () => {
  it('fires the four seed recommendations for a struggling account, none for a healthy one', () => {
    const batch = scoreHealthBatch(columnsOf([healthy, struggling]), { recommendations: true });
    expect(batch.scores[1]).toBe(11);
    expect(healthBatchEntry(batch, 0).recommendations).toEqual([]);
    expect(
      healthBatchEntry(batch, 1).recommendations!.map((entry) => [entry.action, entry.reasonCode]),
    ).toEqual([
      ['send_reengagement_campaign', 'usage<15'],
      ['send_tutorial_video', 'engagement<10'],
      ['csm_intervention', 'support<10'],
      ['executive_escalation', 'score<40'],
    ]);
  });

  it('explains the change against previous columns: 88 → 79.5: usage −10, support +1.5', () => {
    const batch = scoreHealthBatch(columnsOf([healthy, healthy]), {
      previous: {
        scores: [88, Number.NaN],
        components: { usage: [35, 0], engagement: [17, 0], support: [16, 0], payment: [20, 0] },
      },
    });
    expect(batch.delta!.scores[0]).toBe(-8.5);
    expect(batch.delta!.components.usage![0]).toBe(-10);
    expect(batch.delta!.components.support![0]).toBe(1.5);
    expect(healthBatchEntry(batch, 0).delta!.explanation).toBe('88 → 79.5: usage \u221210, support +1.5');
    // No previous result for the second customer: no delta.
    expect(batch.delta!.scores[1]).toBeNaN();
    expect(healthBatchEntry(batch, 1).delta).toBeUndefined();
  });

  it('applies an override until it expires, keeping the computed score', () => {
    const batch = scoreHealthBatch(columnsOf([healthy, struggling]), {
      recommendations: true,
      asOf: '2026-04-01T00:00:00Z',
      overrides: [
        { index: 1, score: 65, reason: 'Renewal signed on the phone', expiresAt: '2026-05-01T00:00:00Z' },
        { index: 0, band: 'red', reason: 'Key contact left', expiresAt: '2026-03-01T00:00:00Z' },
      ],
    });
    const overridden = healthBatchEntry(batch, 1);
    expect([overridden.score, overridden.computedScore, overridden.band]).toEqual([65, 11, 'yellow']);
    expect(overridden.override?.reason).toBe('Renewal signed on the phone');
    // The score rule reads the overridden score; the component rules the computed components.
    expect(overridden.recommendations!.map((entry) => entry.action)).not.toContain('executive_escalation');
    expect(overridden.recommendations!.map((entry) => entry.action)).toContain('csm_intervention');
    // Expired: nothing applied.
    expect(healthBatchEntry(batch, 0)).toMatchObject({ score: 79.5, band: 'green' });
    expect(batch.overrides![1]).toEqual({ index: 0, computedScore: 79.5, computedBandIndex: 2 });
  });

  it('rejects overrides without asOf, with an unknown band or outside the batch', () => {
    const columns = columnsOf([healthy]);
    const override = { index: 0, score: 50, reason: 'checked', expiresAt: '2026-05-01T00:00:00Z' };
    expect(() => scoreHealthBatch(columns, { overrides: [override] })).toThrow(/asOf/);
    expect(() =>
      scoreHealthBatch(columns, { asOf: 0, overrides: [{ ...override, score: undefined, band: 'blue' }] }),
    ).toThrow(/overrides\[0\]\.band/);
    expect(() => scoreHealthBatch(columns, { asOf: 0, overrides: [{ ...override, index: 1 }] })).toThrow(
      /overrides\[0\]\.index/,
    );
    expect(() => scoreHealthBatch(columns, { asOf: 0, overrides: [{ ...override, reason: ' ' }] })).toThrow(
      KizunaValidationError,
    );
  });

  it('carries part points forward from previous part columns', () => {
    const scorecard: ScorecardInput = {
      id: 'carry',
      name: 'Carry',
      missingData: 'carry-forward',
      components: [
        {
          id: 'a',
          label: 'A',
          parts: [{ id: 'a', kind: 'linear', signal: 'a', maxPoints: 50, from: 0, to: 1 }],
        },
        {
          id: 'b',
          label: 'B',
          parts: [{ id: 'b', kind: 'linear', signal: 'b', maxPoints: 50, from: 0, to: 1 }],
        },
      ],
      bands: zenbuB2BScorecard.bands,
    };
    // a missing: 30 carried + b 0.8 → 40 = 70 of 100; without previous points a is excluded: 40 of 50 = 80.
    const batch = scoreHealthBatch(
      { a: [Number.NaN, Number.NaN], b: [0.8, 0.8] },
      { scorecard, previous: { scores: [60, 60], parts: { 'a.a': [30, Number.NaN] } } },
    );
    expect([...batch.scores]).toEqual([70, 80]);
    expect([...batch.coverage]).toEqual([0.5, 0.5]);
  });
});

// A scorecard with every policy and part kind, for the agreement property.
const mixedScorecard = {
  id: 'mixed',
  name: 'Every policy and part kind',
  missingData: 'exclude',
  components: [
    {
      id: 'usage',
      label: 'Usage',
      parts: [
        {
          id: 'rate',
          kind: 'steps',
          signal: 'a',
          maxPoints: 30,
          steps: [
            { op: 'gte', value: 1, points: 30 },
            { op: 'gt', value: 0.5, points: 12.5 },
          ],
          otherwise: 4,
        },
        { id: 'flat', kind: 'linear', signal: 'b', maxPoints: 5, from: 0.5, to: 0.5, missingData: 'zero' },
      ],
    },
    {
      id: 'bonus',
      label: 'Bonus',
      missingData: 'carry-forward',
      parts: [
        {
          id: 'repeat',
          kind: 'steps',
          signal: 'c',
          maxPoints: 15,
          steps: [{ op: 'gte', value: 2, points: 15 }],
          otherwise: 'exclude',
        },
        { id: 'trend', kind: 'linear', signal: 'd', maxPoints: 10, from: 1, to: 0 },
      ],
    },
    {
      id: 'care',
      label: 'Care',
      missingData: 'neutral',
      parts: [
        { id: 'nps', kind: 'linear', signal: 'e', maxPoints: 20, from: 0, to: 10, neutralPoints: 7 },
        {
          id: 'tickets',
          kind: 'steps',
          signal: 'f',
          maxPoints: 20,
          steps: [
            { op: 'lt', value: 1, points: 20 },
            { op: 'lte', value: 2, points: 8 },
          ],
        },
      ],
    },
  ],
  bands: [
    { id: 'low', upTo: 33.3, status: 'red' },
    { id: 'mid', upTo: 66.6, status: 'yellow' },
    { id: 'high', upTo: 100, status: 'green' },
  ],
  recommendations: [
    {
      type: 'u',
      action: 'usage_help',
      priority: 'high',
      automated: true,
      message: 'u',
      when: { component: 'usage', below: 15 },
    },
    {
      type: 'b',
      action: 'bonus_check',
      priority: 'low',
      automated: true,
      message: 'b',
      when: { component: 'bonus', below: 20 },
    },
    {
      type: 'c',
      action: 'care_call',
      priority: 'medium',
      automated: false,
      message: 'c',
      when: { component: 'care', below: 25 },
    },
    {
      type: 's',
      action: 'escalate',
      priority: 'critical',
      automated: false,
      message: 's',
      when: { score: true, below: 40 },
    },
    {
      type: 'r',
      action: 'review',
      priority: 'low',
      automated: false,
      message: 'r',
      when: { status: ['red', 'yellow'] },
    },
  ],
} as const satisfies ScorecardInput;

describe('scoreHealthBatch agrees with scoreHealth', () => {
  const maybe = (arbitrary: fc.Arbitrary<number>) => fc.option(arbitrary, { nil: null, freq: 3 });
  const customer = fc.record({
    a: maybe(fc.double({ min: 0, max: 1.5, noNaN: true })),
    b: maybe(fc.constantFrom(0, 0.25, 0.5, 0.75)),
    c: maybe(fc.integer({ min: 0, max: 4 })),
    d: maybe(fc.double({ min: -0.5, max: 1.5, noNaN: true })),
    e: maybe(fc.integer({ min: 0, max: 10 })),
    f: maybe(fc.integer({ min: 0, max: 4 })),
  });
  const previousCustomer = fc.option(
    fc.record({
      repeat: fc.option(fc.integer({ min: 0, max: 15 }), { nil: null }),
      trend: fc.option(fc.double({ min: 0, max: 10, noNaN: true }), { nil: null }),
      score: fc.double({ min: 0, max: 100, noNaN: true }),
    }),
    { nil: null },
  );
  const override = fc.option(
    fc.record({
      score: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
      band: fc.option(fc.constantFrom('low', 'mid', 'high'), { nil: undefined }),
      expired: fc.boolean(),
    }),
    { nil: null },
  );

  it('gives every customer the score, band, coverage, components, recommendations, delta and override of scoreHealth, compiled or not', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(customer, previousCustomer, override), { minLength: 1, maxLength: 12 }),
        (entries) => {
          const asOf = '2026-04-01T00:00:00.000Z';
          const previousOf = (entry: (typeof entries)[number]) => {
            const previous = entry[1];
            if (previous === null) return undefined;
            return {
              score: previous.score,
              components: [
                { id: 'usage', points: previous.score / 3 },
                {
                  id: 'bonus',
                  points: 7,
                  parts: [
                    {
                      id: 'repeat',
                      points: previous.repeat ?? 0,
                      status: previous.repeat === null ? 'excluded' : 'scored',
                    },
                    {
                      id: 'trend',
                      points: previous.trend ?? 0,
                      status: previous.trend === null ? 'excluded' : 'scored',
                    },
                  ],
                },
              ],
            };
          };
          const overrides = entries.flatMap(([, , entry], index) =>
            entry === null || (entry.score === undefined && entry.band === undefined)
              ? []
              : [
                  {
                    index,
                    ...(entry.score === undefined ? {} : { score: entry.score }),
                    ...(entry.band === undefined ? {} : { band: entry.band }),
                    reason: 'agreed with the customer',
                    expiresAt: entry.expired ? '2026-03-01T00:00:00.000Z' : '2026-05-01T00:00:00.000Z',
                  },
                ],
          );
          const nan = (value: number | null | undefined) => value ?? Number.NaN;
          const options = {
            scorecard: mixedScorecard,
            recommendations: true,
            asOf,
            overrides,
            previous: {
              scores: entries.map((entry) => nan(previousOf(entry)?.score)),
              components: {
                usage: entries.map((entry) => nan(previousOf(entry)?.components[0]?.points)),
                bonus: entries.map((entry) => nan(previousOf(entry)?.components[1]?.points)),
              },
              parts: {
                'bonus.repeat': entries.map((entry) => nan(entry[1]?.repeat)),
                'bonus.trend': entries.map((entry) => nan(entry[1]?.trend)),
              },
            },
          };
          const columns = columnsOf(entries.map(([signals]) => signals));
          const compiled = scoreHealthBatch(columns, options);
          const interpreted = scoreHealthBatch(columns, { ...options, compile: false });
          expect(interpreted).toEqual(compiled);
          entries.forEach(([signals], index) => {
            const previous = previousOf(entries[index]!);
            const override = overrides.find((candidate) => candidate.index === index);
            const single = scoreHealth(signals, {
              scorecard: mixedScorecard,
              asOf,
              ...(previous === undefined ? {} : { previous }),
              ...(override === undefined ? {} : { override }),
            });
            const batched = healthBatchEntry(compiled, index);
            expect(batched.score).toBe(single.score);
            expect(batched.computedScore).toBe(single.computedScore);
            expect(batched.band).toBe(single.band);
            expect(batched.coverage).toBe(single.coverage);
            expect(batched.components).toEqual(single.components.map(({ id, points }) => ({ id, points })));
            expect(batched.recommendations).toEqual(single.recommendations);
            expect(batched.override).toEqual(single.override);
            if (previous === undefined) expect(batched.delta).toBeUndefined();
            else expect(batched.delta).toEqual(single.delta);
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});
