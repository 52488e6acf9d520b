import { actionSchema, KizunaValidationError } from '@kizuna/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreLeads } from './lead-score';

const asOf = '2026-04-10T00:00:00.000Z';
const leads = [
  { id: 'hot', source: 'referral', optInAt: '2026-04-01T00:00:00Z', leadMagnetType: 'webinar' },
  { id: 'cold', source: 'tiktok', optInAt: '2026-04-01T00:00:00Z' },
  { id: 'done', source: 'ads', optInAt: '2026-04-01T00:00:00Z', status: 'converted' as const },
];
const email = (id: string, leadId: string, sentAt: string, opened: boolean, clicked: boolean) => ({
  id,
  leadId,
  campaignId: 'nurture',
  sentAt,
  opened,
  clicked,
});
const emailEngagements = [
  email('m1', 'hot', '2026-04-02T00:00:00Z', true, true),
  email('m2', 'hot', '2026-04-04T00:00:00Z', true, true),
  email('m3', 'hot', '2026-04-09T12:00:00Z', true, false),
  email('m4', 'cold', '2026-04-02T00:00:00Z', false, false),
];
const consultations = [
  {
    id: 'k1',
    leadId: 'hot',
    requestedAt: '2026-04-09T00:00:00Z',
    scheduledAt: '2026-04-15T00:00:00Z',
    attended: false,
    outcome: 'pending' as const,
  },
];

describe('scoreLeads', () => {
  it('adds up opens, clicks, recency, source, lead magnet and consultation request', () => {
    const { scores } = scoreLeads({ leads, emailEngagements, consultations }, asOf);
    // hot: opens 3 × 4 = 12; clicks 2 × 8 = 16; last engagement 0.5 day ago → 15; referral 10;
    // lead magnet 5; consultation request 30 → 88.
    expect(scores[0]).toMatchObject({ leadId: 'hot', score: 88, hot: true });
    expect(scores[0]!.components.map((component) => component.points)).toEqual([12, 16, 15, 10, 5, 30]);
    // cold: nothing opened; unknown source 2 → 2. The converted lead is not scored.
    expect(scores[1]).toMatchObject({ leadId: 'cold', score: 2, hot: false });
    expect(scores).toHaveLength(2);
  });

  it('raises one valid sales alert per hot lead with a stable key', () => {
    const first = scoreLeads({ leads, emailEngagements, consultations }, asOf);
    const later = scoreLeads({ leads, emailEngagements, consultations }, '2026-04-10T06:00:00Z');
    expect(first.alerts).toHaveLength(1);
    expect(actionSchema.parse(first.alerts[0])).toMatchObject({
      type: 'alert_hot_lead',
      owner: 'sales',
      priority: 'high',
    });
    expect(first.alerts[0]!.idempotencyKey).toBe('lead-score:hot:hot');
    expect(later.alerts[0]!.idempotencyKey).toBe(first.alerts[0]!.idempotencyKey);
  });

  it('follows the configuration', () => {
    const { scores, alerts } = scoreLeads({ leads, emailEngagements, consultations }, asOf, {
      consultationRequestPoints: 0,
      alertThreshold: 90,
    });
    expect(scores[0]!.score).toBe(58);
    expect(alerts).toEqual([]);
    expect(() => scoreLeads({ leads }, asOf, { alertThreshold: 120 })).toThrow(KizunaValidationError);
  });

  it('keeps every score between 0 and 100', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.boolean(), fc.integer({ min: 0, max: 8 })), { maxLength: 30 }),
        (rows) => {
          const many = rows.map(([opened, clicked, daysAgo], index) =>
            email(
              `x${index}`,
              'hot',
              new Date(Date.parse(asOf) - daysAgo * 86_400_000).toISOString(),
              opened,
              clicked,
            ),
          );
          for (const score of scoreLeads({ leads, emailEngagements: many, consultations }, asOf).scores) {
            expect(score.score).toBeGreaterThanOrEqual(0);
            expect(score.score).toBeLessThanOrEqual(100);
          }
        },
      ),
    );
  });
});
