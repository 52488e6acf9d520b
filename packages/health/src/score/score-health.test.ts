import { KizunaValidationError } from '@kizuna/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScorecardInput } from '../scorecards/scorecard';
import { zenbuB2BScorecard } from '../scorecards/zenbu-b2b-scorecard';
import type { HealthSignalsInput } from '../signals/health-signals-schema';
import { scoreHealth } from './score-health';

const healthy: HealthSignalsInput = {
  usageRate: 0.8,
  daysSinceLastLogin: 3,
  reportViewRate: 0.5,
  featureAdoptionRate: 0.4,
  satisfactionRate: 0.75,
  openTickets: 0,
  escalatedTicketsLast90Days: 0,
  daysOverdue: 0,
};

function points(signals: HealthSignalsInput, component: string): number {
  return scoreHealth(signals, { scorecard: zenbuB2BScorecard }).components.find(
    (entry) => entry.id === component,
  )!.earnedPoints;
}

describe('scoreHealth with zenbuB2BScorecard', () => {
  it('adds the seed components: 25 + (10 + 5 + 2) + (7.5 + 5 + 5) + 20 = 79.5, green', () => {
    const health = scoreHealth(healthy, { scorecard: zenbuB2BScorecard });
    expect(
      health.components.map((component) => [component.id, component.points, component.maxPoints]),
    ).toEqual([
      ['usage', 25, 35],
      ['engagement', 17, 25],
      ['support', 17.5, 20],
      ['payment', 20, 20],
    ]);
    expect(health.score).toBe(79.5);
    expect(health.band).toBe('green');
    expect(health.status).toBe('green');
    expect(health.coverage).toBe(1);
    expect(health.recommendations).toEqual([]);
    expect(health.reasonCodes).toContain('usage.above_70_percent');
  });

  it('scores usage 35 / 25 / 15 / 5 at the seed thresholds 1.0, 0.7 and 0.5', () => {
    const usage = (usageRate: number) => points({ ...healthy, usageRate }, 'usage');
    expect([1.2, 1, 0.99, 0.7, 0.69, 0.5, 0.49, 0].map(usage)).toEqual([35, 35, 25, 25, 15, 15, 5, 5]);
  });

  it('scores login recency 10 within 7 days, 5 within 14, else 0 (never logged in is 0)', () => {
    const engagement = (daysSinceLastLogin: number | null) =>
      points({ ...healthy, reportViewRate: 0, featureAdoptionRate: 0, daysSinceLastLogin }, 'engagement');
    expect([0, 7, 8, 14, 15, null].map(engagement)).toEqual([10, 10, 5, 5, 0, 0]);
  });

  it('adds report-view rate × 10 and feature adoption × 5', () => {
    expect(
      points(
        { ...healthy, daysSinceLastLogin: 30, reportViewRate: 0.9, featureAdoptionRate: 0.6 },
        'engagement',
      ),
    ).toBe(12);
  });

  it('scores payment 20 / 15 / 10 / 5 / 0 by days overdue', () => {
    const payment = (daysOverdue: number) => points({ ...healthy, daysOverdue }, 'payment');
    expect([0, 1, 7, 8, 14, 15, 21, 22].map(payment)).toEqual([20, 15, 15, 10, 10, 5, 5, 0]);
  });

  it('scores support from satisfaction, open tickets and escalations', () => {
    const support = (
      satisfactionRate: number | null,
      openTickets: number,
      escalatedTicketsLast90Days: number,
    ) => points({ ...healthy, satisfactionRate, openTickets, escalatedTicketsLast90Days }, 'support');
    expect(support(1, 0, 0)).toBe(20);
    expect(support(0.5, 1, 1)).toBe(5 + 3 + 2);
    expect(support(0.2, 2, 2)).toBe(2 + 1 + 0);
    expect(support(null, 0, 0)).toBe(5 + 5 + 5);
  });

  it('bands red up to 40, yellow up to 70, green above', () => {
    const band = (score: number) => scoreHealth({ own: score }, { scorecard: ownScoreCard() }).band;
    expect([0, 40, 40.5, 70, 70.5, 100].map(band)).toEqual([
      'red',
      'red',
      'yellow',
      'yellow',
      'green',
      'green',
    ]);
  });

  it('gives the four seed recommendations with their ids, priorities and automation flags', () => {
    const health = scoreHealth(
      {
        usageRate: 0.3,
        daysSinceLastLogin: 20,
        reportViewRate: 0.2,
        featureAdoptionRate: 0,
        satisfactionRate: 0.2,
        openTickets: 3,
        escalatedTicketsLast90Days: 2,
        daysOverdue: 30,
      },
      { scorecard: zenbuB2BScorecard },
    );
    expect(health.score).toBe(5 + 2 + 2 + 0);
    expect(health.band).toBe('red');
    expect(
      health.recommendations.map(({ type, action, priority, automated }) => ({
        type,
        action,
        priority,
        automated,
      })),
    ).toEqual([
      { type: 'usage_low', action: 'send_reengagement_campaign', priority: 'high', automated: true },
      { type: 'engagement_low', action: 'send_tutorial_video', priority: 'high', automated: true },
      { type: 'support_issue', action: 'csm_intervention', priority: 'critical', automated: false },
      { type: 'churn_risk', action: 'executive_escalation', priority: 'critical', automated: false },
    ]);
  });

  it('does not recommend at the thresholds themselves (usage 15, engagement 10, support 10, total 40)', () => {
    const health = scoreHealth(
      {
        usageRate: 0.5,
        daysSinceLastLogin: 3,
        reportViewRate: 0,
        featureAdoptionRate: 0,
        satisfactionRate: 0,
        openTickets: 0,
        escalatedTicketsLast90Days: 0,
        daysOverdue: 30,
      },
      { scorecard: zenbuB2BScorecard },
    );
    expect(health.score).toBe(15 + 10 + 10 + 0);
    expect(health.recommendations.map((recommendation) => recommendation.action)).toEqual([
      'executive_escalation',
    ]);
    const atForty = scoreHealth(
      {
        ...healthy,
        usageRate: 0.5,
        reportViewRate: 0,
        featureAdoptionRate: 0,
        daysOverdue: 22,
        satisfactionRate: 0.5,
      },
      { scorecard: zenbuB2BScorecard },
    );
    expect(atForty.score).toBe(15 + 10 + 15 + 0);
    expect(atForty.recommendations).toEqual([]);
  });
});

function ownScoreCard(bands?: ScorecardInput['bands']): ScorecardInput {
  return {
    id: 'own',
    name: 'One signal',
    components: [
      {
        id: 'own',
        label: 'Own',
        parts: [{ id: 'own', kind: 'linear', signal: 'own', maxPoints: 100, from: 0, to: 100 }],
      },
    ],
    bands: bands ?? zenbuB2BScorecard.bands,
  };
}

describe('scoreHealth missing data', () => {
  it('excludes a part without data and re-weights, reporting the coverage', () => {
    const health = scoreHealth(
      { ...healthy, usageRate: 1, reportViewRate: 1, featureAdoptionRate: null, satisfactionRate: 1 },
      { scorecard: zenbuB2BScorecard },
    );
    expect(health.coverage).toBe(0.95);
    expect(health.score).toBe(100);
    const engagement = health.components.find((component) => component.id === 'engagement')!;
    expect(engagement.earnedPoints).toBe(20);
    expect(engagement.normalisedPoints).toBe(25);
    expect(engagement.coverage).toBe(0.8);
    expect(health.reasonCodes).toContain('missing:featureAdoptionRate:excluded');
  });

  it('re-weights the total: 76 earned of 95 available is 80', () => {
    const health = scoreHealth(
      {
        ...healthy,
        usageRate: 1,
        reportViewRate: 0.1,
        featureAdoptionRate: undefined,
        satisfactionRate: 1,
        daysOverdue: 8,
      },
      { scorecard: zenbuB2BScorecard },
    );
    // 35 + (10 + 1) + 20 + 10 = 76 of 95
    expect(health.score).toBe(80);
    expect(health.components.reduce((sum, component) => sum + component.points, 0)).toBeCloseTo(80, 9);
  });

  it('lands exactly on a band edge after re-weighting: 38 of 95 is 40, red', () => {
    const health = scoreHealth(
      {
        ...healthy,
        usageRate: 0.5,
        daysSinceLastLogin: 20,
        reportViewRate: 0.3,
        featureAdoptionRate: null,
        satisfactionRate: 0,
        daysOverdue: 8,
      },
      { scorecard: zenbuB2BScorecard },
    );
    expect(health.score).toBe(40);
    expect(health.band).toBe('red');
    expect(health.components.map((component) => component.points)).toEqual([
      15.789474, 3.157895, 10.526316, 10.526316,
    ]);
  });

  it('awards neutral points for a neutral part and counts it as missing in the coverage', () => {
    const health = scoreHealth({ ...healthy, satisfactionRate: null }, { scorecard: zenbuB2BScorecard });
    const support = health.components.find((component) => component.id === 'support')!;
    expect(support.parts.find((part) => part.id === 'satisfaction')).toMatchObject({
      points: 5,
      status: 'neutral',
    });
    expect(health.coverage).toBe(0.9);
  });

  it('applies the zero and carry-forward policies', () => {
    const scorecard: ScorecardInput = {
      ...ownScoreCard(),
      components: [
        {
          id: 'a',
          label: 'A',
          missingData: 'zero',
          parts: [{ id: 'a', kind: 'linear', signal: 'a', maxPoints: 50, from: 0, to: 1 }],
        },
        {
          id: 'b',
          label: 'B',
          missingData: 'carry-forward',
          parts: [{ id: 'b', kind: 'linear', signal: 'b', maxPoints: 50, from: 0, to: 1 }],
        },
      ],
    };
    const first = scoreHealth({ a: 1, b: 0.6 }, { scorecard });
    expect(first.score).toBe(80);
    const carried = scoreHealth({ a: null, b: null }, { scorecard, previous: first });
    expect(carried.score).toBe(30);
    expect(carried.components[1]!.parts[0]!.status).toBe('carried-forward');
    const noPrevious = scoreHealth({ a: 1, b: null }, { scorecard });
    expect(noPrevious.score).toBe(100);
    expect(noPrevious.coverage).toBe(0.5);
  });

  it('scores 50 with reason score.no_data when nothing at all is known', () => {
    const health = scoreHealth({}, { scorecard: zenbuB2BScorecard });
    expect(health.coverage).toBe(0);
    expect(health.reasonCodes).toContain('score.no_data');
    expect(health.score).toBe(50);
    expect(health.band).toBe('yellow');
    expect(health.recommendations.map((recommendation) => recommendation.action)).toEqual([]);
  });
});

describe('scoreHealth delta', () => {
  it('explains a change per component: 88 → 64: usage −20, support −4', () => {
    const before = {
      ...healthy,
      usageRate: 1,
      reportViewRate: 0.8,
      featureAdoptionRate: 0,
      satisfactionRate: 0.5,
    };
    const previous = scoreHealth(before, { scorecard: zenbuB2BScorecard });
    expect(previous.score).toBe(88);
    const now = scoreHealth(
      { ...before, usageRate: 0.6, openTickets: 2 },
      { scorecard: zenbuB2BScorecard, previous },
    );
    expect(now.score).toBe(64);
    expect(now.delta?.change).toBe(-24);
    expect(now.delta?.explanation).toBe('88 → 64: usage \u221220, support \u22124');
    expect(now.delta?.components.find((component) => component.id === 'payment')?.change).toBe(0);
  });

  it('says no change when nothing moved', () => {
    const previous = scoreHealth(healthy, { scorecard: zenbuB2BScorecard });
    expect(scoreHealth(healthy, { scorecard: zenbuB2BScorecard, previous }).delta?.explanation).toBe(
      '79.5 → 79.5: no change',
    );
  });
});

describe('scoreHealth overrides', () => {
  const at = '2026-04-01T00:00:00Z';
  const override = {
    score: 30,
    reason: 'Key person left (CSM call 2026-03-30)',
    expiresAt: '2026-05-01T00:00:00.000Z',
    setBy: 'csm-7',
  };

  it('applies an override until it expires, keeping the computed score', () => {
    const health = scoreHealth(healthy, { scorecard: zenbuB2BScorecard, override, asOf: at });
    expect(health.score).toBe(30);
    expect(health.band).toBe('red');
    expect(health.computedScore).toBe(79.5);
    expect(health.override).toEqual({ ...override, band: 'red' });
    expect(health.recommendations.map((recommendation) => recommendation.action)).toEqual([
      'executive_escalation',
    ]);
  });

  it('ignores an expired override with reason override.expired', () => {
    const health = scoreHealth(healthy, {
      scorecard: zenbuB2BScorecard,
      override,
      asOf: '2026-05-01T00:00:00Z',
    });
    expect(health.score).toBe(79.5);
    expect(health.override).toBeUndefined();
    expect(health.reasonCodes).toContain('override.expired');
  });

  it('can override the band alone', () => {
    const health = scoreHealth(healthy, {
      scorecard: zenbuB2BScorecard,
      override: { band: 'yellow', reason: 'renewal negotiation', expiresAt: '2026-05-01T00:00:00Z' },
      asOf: at,
    });
    expect([health.score, health.band, health.status]).toEqual([79.5, 'yellow', 'yellow']);
  });

  it('rejects an override without a reason, or with an unknown band', () => {
    expect(() => scoreHealth(healthy, { override: { ...override, reason: ' ' }, asOf: at })).toThrow(
      /override\.reason/,
    );
    expect(() =>
      scoreHealth(healthy, {
        scorecard: zenbuB2BScorecard,
        override: { band: 'purple', reason: 'x', expiresAt: override.expiresAt },
        asOf: at,
      }),
    ).toThrow(/override\.band/);
    expect(() => scoreHealth(healthy, { override })).toThrow(/asOf/);
  });
});

describe('scoreHealth scorecards and bands', () => {
  it('chooses the scorecard by segment, first match wins', () => {
    expect(scoreHealth({ ...healthy, segment: 'b2c' }).scorecardId).toBe('zenbu-b2c');
    expect(scoreHealth({ ...healthy, segment: 'b2b' }).scorecardId).toBe('zenbu-b2b');
    const scorecards = [
      {
        when: { fact: 'plan', op: 'eq' as const, value: 'enterprise' },
        scorecard: { ...ownScoreCard(), id: 'enterprise' },
      },
      { when: { fact: 'segment', op: 'eq' as const, value: 'b2b' }, scorecard: zenbuB2BScorecard },
    ];
    expect(
      scoreHealth({ ...healthy, segment: 'b2b', plan: 'enterprise', own: 1 }, { scorecards }).scorecardId,
    ).toBe('enterprise');
    expect(() => scoreHealth({ ...healthy, segment: 'b2c' }, { scorecards })).toThrow(/scorecards/);
  });

  it('scores a B2C customer with the B2C card by default', () => {
    // report 0.5 × 20 + satisfaction 0.9 × 35 + negotiation 15 + repeat 10 (mediation not used: excluded)
    const health = scoreHealth({
      segment: 'b2c',
      reportViewRate: 0.5,
      satisfactionRate: 0.9,
      negotiationsTotal: 2,
      mediationUsed: 0,
      measurementsTotal: 2,
    });
    expect(health.scorecardId).toBe('zenbu-b2c');
    expect(health.score).toBe(83.125); // 66.5 of 80
    expect(health.band).toBe('green');
  });

  it('supports 2 to 12 configurable bands', () => {
    const five = ownScoreCard([
      { id: 'critical', upTo: 20, status: 'red' },
      { id: 'poor', upTo: 40, status: 'red' },
      { id: 'fair', upTo: 60, status: 'yellow' },
      { id: 'good', upTo: 80, status: 'green' },
      { id: 'excellent', upTo: 100, status: 'green' },
    ]);
    expect([10, 30, 50, 70, 90].map((own) => scoreHealth({ own }, { scorecard: five }).band)).toEqual([
      'critical',
      'poor',
      'fair',
      'good',
      'excellent',
    ]);
    const band = (index: number) => ({
      id: `b${index}`,
      upTo: index === 12 ? 100 : index * 8,
      status: 'green' as const,
    });
    expect(() =>
      scoreHealth({ own: 1 }, { scorecard: ownScoreCard([{ id: 'all', upTo: 100, status: 'green' }]) }),
    ).toThrow(/bands/);
    expect(() =>
      scoreHealth(
        { own: 1 },
        { scorecard: ownScoreCard(Array.from({ length: 13 }, (_, index) => band(index + 1))) },
      ),
    ).toThrow(/bands/);
    expect(() =>
      scoreHealth(
        { own: 1 },
        {
          scorecard: ownScoreCard([
            { id: 'a', upTo: 50, status: 'red' },
            { id: 'b', upTo: 90, status: 'green' },
          ]),
        },
      ),
    ).toThrow(/bands\[1\]\.upTo/);
  });
});

describe('scoreHealth bad input', () => {
  it('rejects NaN and Infinity, naming the signal', () => {
    expect(() => scoreHealth({ ...healthy, usageRate: Number.NaN })).toThrow(KizunaValidationError);
    expect(() => scoreHealth({ ...healthy, usageRate: Number.NaN })).toThrow(/usageRate/);
    expect(() => scoreHealth({ ...healthy, daysOverdue: Number.POSITIVE_INFINITY })).toThrow(/daysOverdue/);
    expect(() => scoreHealth({ ...healthy, myMetric: Number.NaN })).toThrow(/myMetric/);
    expect(() => scoreHealth({ ...healthy, reportViewRate: 1.5 })).toThrow(/reportViewRate/);
    expect(() => scoreHealth({ ...healthy, asOf: 'yesterday' })).toThrow(/asOf/);
  });
});

const finiteRate = fc.double({ min: 0, max: 3, noNaN: true, noDefaultInfinity: true });
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });
const signalsArbitrary = fc.record({
  usageRate: maybe(finiteRate),
  daysSinceLastLogin: maybe(fc.integer({ min: 0, max: 400 })),
  reportViewRate: maybe(fc.double({ min: 0, max: 1, noNaN: true })),
  featureAdoptionRate: maybe(fc.double({ min: 0, max: 1, noNaN: true })),
  satisfactionRate: maybe(fc.double({ min: 0, max: 1, noNaN: true })),
  openTickets: maybe(fc.integer({ min: 0, max: 20 })),
  escalatedTicketsLast90Days: maybe(fc.integer({ min: 0, max: 20 })),
  daysOverdue: maybe(fc.integer({ min: 0, max: 200 })),
});

describe('scoreHealth properties', () => {
  it('keeps the score and coverage in range, with the components summing to the score', () => {
    fc.assert(
      fc.property(signalsArbitrary, (signals) => {
        const health = scoreHealth(signals, { scorecard: zenbuB2BScorecard });
        expect(health.score).toBeGreaterThanOrEqual(0);
        expect(health.score).toBeLessThanOrEqual(100);
        expect(Number.isFinite(health.score)).toBe(true);
        expect(health.coverage).toBeGreaterThanOrEqual(0);
        expect(health.coverage).toBeLessThanOrEqual(1);
        expect(health.components.reduce((sum, component) => sum + component.points, 0)).toBeCloseTo(
          health.score,
          5,
        );
      }),
    );
  });

  it('never lowers the usage points when usage rises', () => {
    fc.assert(
      fc.property(signalsArbitrary, finiteRate, finiteRate, (signals, first, second) => {
        const [low, high] = first <= second ? [first, second] : [second, first];
        expect(points({ ...signals, usageRate: high }, 'usage')).toBeGreaterThanOrEqual(
          points({ ...signals, usageRate: low }, 'usage'),
        );
      }),
    );
  });

  it('gives the same output for the same input', () => {
    fc.assert(
      fc.property(signalsArbitrary, (signals) => {
        expect(scoreHealth(signals, { scorecard: zenbuB2BScorecard })).toEqual(
          scoreHealth({ ...signals }, { scorecard: zenbuB2BScorecard }),
        );
      }),
    );
  });
});
