import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreHealth } from '../score/score-health';
import type { HealthSignalsInput } from '../signals/health-signals-schema';
import { zenbuB2CScorecard } from './zenbu-b2c-scorecard';

const score = (signals: HealthSignalsInput) => scoreHealth(signals, { scorecard: zenbuB2CScorecard });
const actions = (signals: HealthSignalsInput) =>
  score(signals).recommendations.map((recommendation) => recommendation.action);

// What a core snapshot gives for a one-off customer months after the case: one measurement, no
// negotiation or mediation recorded, no survey answer, no recent report or interactions.
const oneOff: HealthSignalsInput = {
  segment: 'b2c',
  measurementsTotal: 1,
  negotiationsTotal: 0,
  mediationUsed: 0,
  escalatedTicketsLast90Days: 0,
  reportViewRate: null,
  satisfactionRate: null,
  sentimentNegativeRatio: null,
  daysSinceLastLogin: null,
};

describe('zenbuB2CScorecard', () => {
  it('scores a one-off customer of whom nothing else is known 50, yellow, not red', () => {
    const health = score(oneOff);
    // Only the neutral satisfaction counts: 17.5 of 35.
    expect(health.score).toBe(50);
    expect(health.band).toBe('yellow');
    // Negotiation (15), mediation (5), repeat (10) and escalations (5) had data: 35 of 100.
    expect(health.coverage).toBe(0.35);
    expect(health.reasonCodes).toEqual(
      expect.arrayContaining([
        'resolution.no_negotiation_yet',
        'repeat.single_measurement',
        'support.no_escalations',
        'missing:satisfactionRate:neutral',
      ]),
    );
    expect(actions(oneOff)).toEqual([]);
  });

  it('scores a satisfied customer who has not read the report 66.25, yellow, with the walkthrough', () => {
    // report 0 of 20, satisfaction 0.8 × 35 = 28, negotiation 15, calm chats 10: 53 of 80.
    const signals = {
      ...oneOff,
      reportViewRate: 0,
      satisfactionRate: 0.8,
      negotiationsTotal: 1,
      sentimentNegativeRatio: 0,
    };
    expect(score(signals)).toMatchObject({ score: 66.25, band: 'yellow' });
    expect(actions(signals)).toEqual(['send_report_walkthrough']);
  });

  it('scores a happy repeat customer 100, green, with the repeat campaign', () => {
    // 20 + 35 + 15 + 5 + 10 + 10 = 95 of 95 (no escalations: excluded).
    const signals = {
      ...oneOff,
      reportViewRate: 1,
      satisfactionRate: 1,
      negotiationsTotal: 2,
      mediationUsed: 1,
      measurementsTotal: 2,
      sentimentNegativeRatio: 0,
    };
    expect(score(signals)).toMatchObject({ score: 100, band: 'green' });
    expect(actions(signals)).toEqual(['send_repeat_campaign']);
  });

  it('scores an unhappy customer 12.86, red, with a call and personal outreach', () => {
    // report 0, satisfaction 0.2 × 35 = 7, one escalation 2 of 5, negative ratio 0.6 → 0 of 10: 9 of 70.
    const signals = {
      ...oneOff,
      reportViewRate: 0,
      satisfactionRate: 0.2,
      escalatedTicketsLast90Days: 1,
      sentimentNegativeRatio: 0.6,
    };
    expect(score(signals)).toMatchObject({ score: 12.857143, band: 'red' });
    expect(actions(signals)).toEqual(['send_report_walkthrough', 'csm_follow_up_call', 'personal_outreach']);
  });

  it('never lowers the score for a repeat booking, a negotiation or mediation (bonus parts)', () => {
    const rate = fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null });
    fc.assert(
      fc.property(
        fc.record({
          reportViewRate: rate,
          satisfactionRate: rate,
          sentimentNegativeRatio: rate,
          escalatedTicketsLast90Days: fc.integer({ min: 0, max: 3 }),
          negotiationsTotal: fc.integer({ min: 0, max: 3 }),
          mediationUsed: fc.integer({ min: 0, max: 1 }),
        }),
        (signals) => {
          const once = score({ ...signals, measurementsTotal: 1 }).score;
          expect(score({ ...signals, measurementsTotal: 2 }).score).toBeGreaterThanOrEqual(once);
          expect(
            score({ ...signals, measurementsTotal: 1, negotiationsTotal: 1 }).score,
          ).toBeGreaterThanOrEqual(score({ ...signals, measurementsTotal: 1, negotiationsTotal: 0 }).score);
          expect(score({ ...signals, measurementsTotal: 1, mediationUsed: 1 }).score).toBeGreaterThanOrEqual(
            score({ ...signals, measurementsTotal: 1, mediationUsed: 0 }).score,
          );
        },
      ),
      { numRuns: 80 },
    );
  });
});
