import { describe, expect, it } from 'vitest';
import type { AlertEntry } from '../api/api-types';
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
  it('groups journey steps by journey, drops finished journeys and picks the first undone step as next', () => {
    const journeys = openJourneys([
      entry(
        {
          idempotencyKey: 'a',
          type: 'send_payment_reminder',
          dueAt: '2026-11-10T00:00:00.000Z',
          reasons: ['invoice_unpaid_12_days', 'journey dunning step day-7-reminder'],
        },
        true,
      ),
      entry({
        idempotencyKey: 'b',
        type: 'send_second_payment_reminder',
        dueAt: '2026-11-17T00:00:00.000Z',
        reasons: ['journey dunning step day-14-second-reminder'],
      }),
      entry(
        {
          idempotencyKey: 'c',
          type: 'show_upsell_notice',
          source: { engine: 'journey', ruleId: 'upsell-campaign/in-app-notice' },
        },
        true,
      ),
      entry({
        idempotencyKey: 'd',
        type: 'csm_phone_call',
        source: { engine: 'churn', ruleId: 'retention/csm_phone_call' },
      }),
    ]);
    expect(journeys.map((journey) => journey.journeyId)).toEqual(['dunning']);
    expect(journeys[0]!.steps.map((step) => step.stepId)).toEqual([
      'day-7-reminder',
      'day-14-second-reminder',
    ]);
    expect(journeys[0]!.nextStep.entry.action.idempotencyKey).toBe('b');
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
