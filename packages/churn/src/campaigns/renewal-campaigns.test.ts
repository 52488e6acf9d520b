import { describe, expect, it } from 'vitest';
import { riskySnapshot } from '../test-support/snapshot-fixture';
import { planRenewalCampaign } from './renewal-campaigns';

describe('planRenewalCampaign', () => {
  // The fixture's contract ends 45 days after 2026-04-01T00:00Z.
  const snapshot = riskySnapshot();

  it('runs the at-risk journey for a yellow or red customer: the D-60 executive meeting is due at D-45', () => {
    const campaign = planRenewalCampaign(snapshot, { healthBand: 'red' });
    if (campaign.journeyId === null) throw new Error('expected a campaign');
    expect(campaign.journeyId).toBe('renewal-at-risk');
    // Renewal 2026-05-16: D-90, D-75 and D-60 (2026-03-17 10:00 Tokyo) have come; D-45 falls today
    // at 10:00 Tokyo (01:00 UTC), an hour after asOf (09:00 Tokyo).
    expect(campaign.plan.due.map((action) => action.type)).toEqual([
      'renewal_csm_call',
      'renewal_improvement_proposal',
      'renewal_executive_meeting',
    ]);
    expect(campaign.plan.nextDueAt).toBe('2026-04-01T01:00:00.000Z');
  });

  it('runs the green journey for a healthy customer and stops once renewed', () => {
    const campaign = planRenewalCampaign(snapshot, { healthBand: 'green' });
    if (campaign.journeyId === null) throw new Error('expected a campaign');
    expect(campaign.journeyId).toBe('renewal-green');
    expect(campaign.plan.due.map((action) => action.type)).toEqual([
      'renewal_loyalty_offer',
      'renewal_success_stories',
    ]);
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
