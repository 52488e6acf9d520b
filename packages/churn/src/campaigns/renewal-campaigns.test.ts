import { describe, expect, it } from 'vitest';
import { riskySnapshot } from '../test-support/snapshot-fixture';
import { planRenewalCampaign } from './renewal-campaigns';

describe('planRenewalCampaign', () => {
  // The fixture's contract ends 45 days after 2026-04-01T00:00Z.
  const snapshot = riskySnapshot();

  it('runs the at-risk journey for a yellow or red customer, skipping steps more than 14 days stale', () => {
    const campaign = planRenewalCampaign(snapshot, { healthBand: 'red' });
    if (campaign.journeyId === null) throw new Error('expected a campaign');
    expect(campaign.journeyId).toBe('renewal-at-risk');
    // Renewal 2026-05-16; asOf is D-45 at 09:00 Tokyo. D-90, D-75 and D-60 (15 days ago) are
    // stale; D-45 falls today at 10:00 Tokyo (01:00 UTC).
    expect(campaign.plan.due).toEqual([]);
    expect(campaign.plan.skipped.map((step) => [step.stepId, step.reason])).toEqual([
      ['d-90-csm-call', 'expired'],
      ['d-75-improvement-proposal', 'expired'],
      ['d-60-executive-meeting', 'expired'],
    ]);
    expect(campaign.plan.nextDueAt).toBe('2026-04-01T01:00:00.000Z');
    const later = planRenewalCampaign(snapshot, { healthBand: 'yellow', asOf: '2026-04-01T02:00:00Z' });
    if (later.journeyId === null) throw new Error('expected a campaign');
    expect(later.plan.due.map((action) => [action.type, action.owner, action.deadlineAt])).toEqual([
      ['renewal_limited_offer', 'csm', '2026-04-04T01:00:00.000Z'],
    ]);
  });

  it('runs the green journey for a healthy customer and stops once renewed', () => {
    const campaign = planRenewalCampaign(snapshot, { healthBand: 'green' });
    if (campaign.journeyId === null) throw new Error('expected a campaign');
    expect(campaign.journeyId).toBe('renewal-green');
    // D-60 (15 days ago) is within 29 days; D-90 (45 days ago) is stale.
    expect(campaign.plan.due.map((action) => action.type)).toEqual(['renewal_success_stories']);
    const renewed = planRenewalCampaign(snapshot, { healthBand: 'green', renewed: true });
    expect(renewed.journeyId === null ? null : renewed.plan.exited).toBe(true);
  });

  it('explains why a customer without a renewal date gets no campaign', () => {
    const openEnded = {
      ...snapshot,
      contract: { ...snapshot.contract!, endsAt: null, daysUntilRenewal: null },
    };
    expect(planRenewalCampaign(openEnded, { healthBand: 'red' })).toEqual({
      journeyId: null,
      reason: 'open-ended contract: no renewal date',
    });
  });

  it('rejects an unknown band', () => {
    expect(() => planRenewalCampaign(snapshot, { healthBand: 'blue' as 'red' })).toThrow(/healthBand/);
  });
});
