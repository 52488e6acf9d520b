import { describe, expect, it } from 'vitest';
import { asOf, daysAgo } from '../test-support/snapshot-fixture';
import { sentimentRisk } from './sentiment-risk';

function interactions(labels: readonly (string | undefined)[], channel = 'chat') {
  return labels.map((sentiment, index) => ({
    id: `i${channel}${index}`,
    customerId: 'c1',
    channel,
    direction: 'inbound',
    occurredAt: daysAgo(20 - index),
    text: `message ${index}`,
    ...(sentiment === undefined ? {} : { sentiment }),
  }));
}

describe('sentimentRisk', () => {
  it('is high at a negative ratio of 0.5, with the urgent CSM action', () => {
    const risk = sentimentRisk(interactions(['NEGATIVE', 'POSITIVE', 'NEGATIVE', 'NEUTRAL']), { asOf });
    expect(risk).toMatchObject({
      totalInteractions: 4,
      negativeCount: 2,
      negativeRatio: 0.5,
      riskLevel: 'high',
    });
    expect(risk.recommendedAction).toMatchObject({
      action: 'csm_urgent_intervention',
      withinHours: 24,
      automated: false,
    });
    expect(risk.recentNegativeExamples).toEqual(['message 2', 'message 0']);
  });

  it('is medium from 0.3 (3 of 10) and low below (2 of 7 = 0.29)', () => {
    const medium = sentimentRisk(
      interactions(['NEGATIVE', 'NEGATIVE', 'NEGATIVE', ...Array(7).fill('POSITIVE')]),
      { asOf },
    );
    expect([medium.negativeRatio, medium.riskLevel, medium.recommendedAction.action]).toEqual([
      0.3,
      'medium',
      'satisfaction_interview',
    ]);
    const low = sentimentRisk(interactions(['NEGATIVE', 'NEGATIVE', ...Array(5).fill('NEUTRAL')]), { asOf });
    expect([low.negativeRatio, low.riskLevel, low.recommendedAction.action]).toEqual([
      0.29,
      'low',
      'continue_monitoring',
    ]);
  });

  it('counts only the last 30 days, the analysed channels and labelled interactions', () => {
    const old = { ...interactions(['NEGATIVE'])[0]!, id: 'old', occurredAt: daysAgo(31) };
    const phone = interactions(['NEGATIVE'], 'phone');
    const unlabelled = interactions([undefined], 'email');
    const risk = sentimentRisk([old, ...phone, ...unlabelled, ...interactions(['POSITIVE'])], { asOf });
    expect(risk).toMatchObject({
      totalInteractions: 1,
      negativeCount: 0,
      unlabelledCount: 1,
      riskLevel: 'low',
    });
  });

  it('is low with a ratio of 0 when nothing is labelled', () => {
    expect(sentimentRisk([], { asOf })).toMatchObject({
      totalInteractions: 0,
      negativeRatio: 0,
      riskLevel: 'low',
    });
  });

  it('rejects a bad interaction, naming the field', () => {
    expect(() =>
      sentimentRisk([{ ...interactions(['NEGATIVE'])[0]!, sentiment: 'ANGRY' }], { asOf }),
    ).toThrow(/\[0\]\.sentiment/);
  });
});
