import { KizunaValidationError } from '@kizuna/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeAccountKpis } from './account-kpis';
import { computeSupportKpis } from './support-kpis';
import { computeNps, computeSurveyScores } from './survey-scores';

describe('computeNps', () => {
  it('subtracts the share of detractors from the share of promoters', () => {
    // 10, 9 promoters; 8, 7 passives; 6, 0 detractors → 100 × (2 − 2) / 6 = 0.
    expect(computeNps([10, 9, 8, 7, 6, 0])).toEqual({
      nps: 0,
      responses: 6,
      promoters: 2,
      passives: 2,
      detractors: 2,
    });
    // 10, 10, 9, 3 → 100 × (3 − 1) / 4 = 50.
    expect(computeNps([10, 10, 9, 3]).nps).toBe(50);
    expect(computeNps([]).nps).toBeNull();
    expect(() => computeNps([11])).toThrow(KizunaValidationError);
  });

  it('stays within −100 and 100', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1 }), (scores) => {
        const { nps } = computeNps(scores);
        expect(nps!).toBeGreaterThanOrEqual(-100);
        expect(nps!).toBeLessThanOrEqual(100);
      }),
    );
  });
});

describe('computeSurveyScores', () => {
  const response = (
    id: string,
    type: 'nps' | 'csat' | 'ces',
    score: number,
    respondedAt = '2026-04-10T00:00:00Z',
  ) => ({
    id,
    customerId: 'c1',
    type,
    score,
    respondedAt,
  });
  it('computes CSAT and CES means and shares in the range', () => {
    const scores = computeSurveyScores(
      [
        response('1', 'csat', 5),
        response('2', 'csat', 4),
        response('3', 'csat', 2),
        response('4', 'ces', 2),
        response('5', 'ces', 6),
        response('6', 'nps', 9),
        response('7', 'csat', 1, '2026-03-10T00:00:00Z'),
      ],
      { from: '2026-04-01T00:00:00Z', to: '2026-05-01T00:00:00Z' },
    );
    // CSAT (5 + 4 + 2) / 3 = 11 / 3, satisfied 2 / 3; CES (2 + 6) / 2 = 4, low effort 1 / 2.
    expect(scores.csat.average).toBeCloseTo(11 / 3, 12);
    expect(scores.csat.satisfiedShare).toBeCloseTo(2 / 3, 12);
    expect(scores.ces).toEqual({ average: 4, lowEffortShare: 0.5, responses: 2 });
    expect(scores.nps.nps).toBe(100);
  });
});

describe('computeSupportKpis', () => {
  it('measures first response, resolution, automation, self-service and escalation', () => {
    const kpis = computeSupportKpis([
      {
        id: 't1',
        customerId: 'c1',
        openedAt: '2026-04-01T00:00:00Z',
        firstResponseAt: '2026-04-01T00:01:00Z',
        resolvedAt: '2026-04-01T02:00:00Z',
        resolvedBySelfService: true,
      },
      {
        id: 't2',
        customerId: 'c1',
        openedAt: '2026-04-01T00:00:00Z',
        firstResponseAt: '2026-04-01T00:09:00Z',
        escalatedAt: '2026-04-01T00:10:00Z',
        resolvedAt: '2026-04-01T06:00:00Z',
      },
      {
        id: 't3',
        customerId: 'c2',
        openedAt: '2026-04-02T00:00:00Z',
        firstResponseAt: '2026-04-02T00:05:00Z',
      },
      { id: 't4', customerId: 'c2', openedAt: '2026-04-03T00:00:00Z', escalatedAt: '2026-04-03T01:00:00Z' },
    ]);
    // First responses 1, 9, 5 minutes → median 5; resolution 2 h and 6 h → mean 4 h.
    expect(kpis.firstResponseMinutes).toMatchObject({ median: 5, count: 3 });
    expect(kpis.resolutionHours).toMatchObject({ mean: 4, count: 2 });
    // Escalated 2 of 4 → escalation 0.5, automation 0.5; self-service 1 of 4; open 2.
    expect(kpis).toMatchObject({
      tickets: 4,
      escalationRate: 0.5,
      automationRate: 0.5,
      selfServiceRate: 0.25,
      open: 2,
    });
  });
});

describe('computeAccountKpis', () => {
  const accounts = [
    // a: customer all April, active, green; first value 3 days after start in April.
    {
      customerId: 'a',
      startedAt: '2026-01-01T00:00:00Z',
      active: true,
      healthScore: 80,
      healthBand: 'green' as const,
      csmId: 'm1',
    },
    // b: churned in April.
    {
      customerId: 'b',
      startedAt: '2026-01-01T00:00:00Z',
      churnedAt: '2026-04-15T00:00:00Z',
      healthScore: 20,
      healthBand: 'red' as const,
    },
    // c: started March 10; onboarding window (30 days) ends April 9 — completed on March 20.
    {
      customerId: 'c',
      startedAt: '2026-03-10T00:00:00Z',
      onboardingCompletedAt: '2026-03-20T00:00:00Z',
      active: false,
      healthScore: 50,
      healthBand: 'yellow' as const,
      csmId: 'm1',
    },
    // d: started March 20; window ends April 19, not completed.
    { customerId: 'd', startedAt: '2026-03-20T00:00:00Z', active: true, csmId: 'm2' },
    // e: started April 5, first value April 8 (3 days); window ends May 5 (outside).
    {
      customerId: 'e',
      startedAt: '2026-04-05T00:00:00Z',
      firstValueAt: '2026-04-08T00:00:00Z',
      active: true,
      healthScore: 90,
      healthBand: 'green' as const,
      csmId: 'm2',
    },
  ];
  it('computes retention, onboarding, time to value, adoption, health, at-risk share and CSM load', () => {
    const kpis = computeAccountKpis(accounts, { from: '2026-04-01T00:00:00Z', to: '2026-05-01T00:00:00Z' });
    // At April 1: a, b, c, d (4); at May 1: a, c, d (+ e) → retained 3 / 4.
    expect(kpis).toMatchObject({ customers: 4, retentionRate: 0.75, churnRate: 0.25 });
    // Windows ending in April: c (completed in time), d (not) → 1 / 2.
    expect(kpis.onboardingCompletionRate).toBe(0.5);
    expect(kpis.timeToValueDays).toMatchObject({ count: 1, median: 3 });
    // Current a, c, d, e: active a, d, e → 3 / 4; health (80 + 50 + 90) / 3; bands a green, c yellow, e green → 1 / 3.
    expect(kpis.adoptionRate).toBe(0.75);
    expect(kpis.averageHealthScore).toBeCloseTo(220 / 3, 12);
    expect(kpis.atRiskShare).toBeCloseTo(1 / 3, 12);
    // With a CSM: a, c, d, e over m1, m2 → 2.
    expect(kpis.customersPerCsm).toBe(2);
  });
});
