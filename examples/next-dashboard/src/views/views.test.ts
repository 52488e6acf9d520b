import { describe, expect, it } from 'vitest';
import type { AlertEntry, CustomerJourney, CustomerJourneyStep } from '../api/api-types';
import { expansionOffers, openAlerts } from './csm-daily-data';
import { handOvers } from './hand-overs';
import { openJourneys } from './open-journeys';

function entry(
  action: Partial<AlertEntry['action']> & Pick<AlertEntry['action'], 'idempotencyKey' | 'type'>,
  done = false,
): AlertEntry {
  return {
    action: {
      channel: 'email',
      owner: 'automation',
      priority: 'medium',
      automated: true,
      dueAt: '2026-11-20T00:00:00.000Z',
      title: action.type,
      reasons: [],
      customerId: 'c1',
      source: { engine: 'health', ruleId: 'playbook' },
      payload: {},
      ...action,
    },
    status: 'delivered',
    attempts: 1,
    enqueuedAt: '2026-11-20T00:00:00.000Z',
    done: done ? { doneAt: '2026-11-20T01:00:00.000Z', doneBy: 'csm' } : null,
  };
}

describe('openJourneys', () => {
  const step = (stepId: string, state: CustomerJourneyStep['state'], dueAt: string): CustomerJourneyStep => ({
    stepId,
    title: stepId,
    type: 'send_email',
    channel: 'email',
    owner: 'automation',
    priority: 'medium',
    automated: true,
    dueAt,
    state,
    done: false,
    conditional: false,
  });
  const journey = (
    journeyId: string,
    steps: CustomerJourneyStep[],
    extra: Partial<CustomerJourney> = {},
  ): CustomerJourney => ({
    journeyId,
    name: journeyId,
    anchor: 'invoice_due',
    anchorAt: '2026-11-01T00:00:00.000Z',
    exited: false,
    steps,
    ...extra,
  });

  it('keeps the journeys with a step to come, with all their steps, keyed by journey and subject', () => {
    const dunning = journey(
      'dunning',
      [
        step('day-7', 'sent', '2026-11-08T00:00:00.000Z'),
        step('day-14', 'due', '2026-11-15T00:00:00.000Z'),
        step('day-21', 'upcoming', '2026-11-22T00:00:00.000Z'),
      ],
      { subjectId: 'inv-1' },
    );
    const open = openJourneys({
      customerId: 'c1',
      asOf: '2026-11-20T00:00:00.000Z',
      journeys: [
        dunning,
        // Over: every step sent or skipped.
        journey('nps-detractor', [
          step('call', 'sent', '2026-11-02T00:00:00.000Z'),
          { ...step('survey', 'skipped', '2026-11-09T00:00:00.000Z'), skipReason: 'condition_not_met' },
        ]),
        // Exited: the customer left it, even with a step planned.
        journey('b2b-onboarding', [step('kickoff', 'upcoming', '2026-11-25T00:00:00.000Z')], {
          exited: true,
        }),
        journey('upsell-campaign', [step('in-app-notice', 'upcoming', '2026-11-30T00:00:00.000Z')]),
      ],
    });
    expect(open.map((item) => item.key)).toEqual(['dunning:inv-1', 'upsell-campaign']);
    expect(open[0]!.steps.map((item) => `${item.stepId}:${item.state}`)).toEqual([
      'day-7:sent',
      'day-14:due',
      'day-21:upcoming',
    ]);
  });

  it('has nothing open for a customer no run planned a journey for', () => {
    expect(openJourneys({ customerId: 'c1', asOf: null, journeys: [] })).toEqual([]);
  });
});

describe('handOvers', () => {
  it('lists chat hand-overs open first and newest first, with the evidence of each reason and the last words', () => {
    const list = handOvers([
      entry({
        idempotencyKey: 'old',
        type: 'chat_handover',
        dueAt: '2026-11-01T00:00:00.000Z',
        reasons: ['anger'],
      }),
      entry({
        idempotencyKey: 'new',
        type: 'chat_handover',
        dueAt: '2026-11-05T00:00:00.000Z',
        reasons: ['refund_request', 'complaint'],
        payload: {
          summary:
            '山田様とのチャットを引き継いでください（refund_request）。直近の発言: 「測定が遅い」 「返金してください」',
          reasons: [{ code: 'refund_request', evidence: '返金して' }],
        },
      }),
      entry({ idempotencyKey: 'done', type: 'chat_handover', dueAt: '2026-11-09T00:00:00.000Z' }, true),
      entry({ idempotencyKey: 'other', type: 'csm_phone_call' }),
    ]);
    expect(list.map((handOver) => handOver.idempotencyKey)).toEqual(['new', 'old', 'done']);
    expect(list[0]!.reasons).toEqual([
      { code: 'refund_request', evidence: '返金して' },
      { code: 'complaint', evidence: undefined },
    ]);
    expect(list[0]!.lastMessage).toBe('返金してください');
  });
});

describe('expansionOffers', () => {
  it("takes the upsell campaigns' open first steps with the confidence from their reason, most confident first", () => {
    const offers = expansionOffers([
      entry({
        idempotencyKey: 'x',
        type: 'show_upsell_notice',
        customerId: 'c1',
        source: { engine: 'journey', ruleId: 'upsell-campaign/in-app-notice' },
        payload: { product: 'api_integration' },
        reasons: ['upsell b2b-api-integration confidence 0.81'],
      }),
      entry({
        idempotencyKey: 'y',
        type: 'show_upsell_notice',
        customerId: 'c2',
        source: { engine: 'journey', ruleId: 'upsell-campaign/in-app-notice' },
        payload: { product: 'upgrade_to_next_tier' },
        reasons: ['upsell b2b-next-tier confidence 0.89'],
      }),
      entry(
        {
          idempotencyKey: 'z',
          type: 'show_upsell_notice',
          customerId: 'c3',
          source: { engine: 'journey', ruleId: 'upsell-campaign/in-app-notice' },
          payload: { product: 'api_integration' },
          reasons: ['upsell b2b-api-integration confidence 0.81'],
        },
        true,
      ),
    ]);
    expect(offers.map((offer) => [offer.customerId, offer.product, offer.confidence])).toEqual([
      ['c2', 'upgrade_to_next_tier', 0.89],
      ['c1', 'api_integration', 0.81],
    ]);
  });
});

describe('openAlerts', () => {
  it('drops done entries and orders critical before high, then by due date', () => {
    const ordered = openAlerts([
      entry({ idempotencyKey: 'high-early', type: 'x', priority: 'high', dueAt: '2026-11-18T00:00:00.000Z' }),
      entry({
        idempotencyKey: 'crit-late',
        type: 'x',
        priority: 'critical',
        dueAt: '2026-11-21T00:00:00.000Z',
      }),
      entry(
        { idempotencyKey: 'done', type: 'x', priority: 'critical', dueAt: '2026-11-01T00:00:00.000Z' },
        true,
      ),
      entry({
        idempotencyKey: 'crit-early',
        type: 'x',
        priority: 'critical',
        dueAt: '2026-11-19T00:00:00.000Z',
      }),
    ]);
    expect(ordered.map((alert) => alert.action.idempotencyKey)).toEqual([
      'crit-early',
      'crit-late',
      'high-early',
    ]);
  });
});
