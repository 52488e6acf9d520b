import { actionSchema } from '@kizuna/core';
import { describe, expect, it } from 'vitest';
import { asOf, b2bSnapshot, daysAgo, daysFromNow, measurements } from '../test-support/snapshot-fixture';
import { evaluateAlerts } from './evaluate-alerts';

const green = { status: 'green' as const };

describe('evaluateAlerts', () => {
  it('sends one usage-support e-mail a month when usage is below 50% of the plan', () => {
    const snapshot = b2bSnapshot({ usageEvents: measurements(9) });
    const { actions, checks } = evaluateAlerts(snapshot, green, {
      asOf,
      consultationUrl: 'https://example.com/book',
    });
    expect(checks.find((check) => check.trigger === 'usage-drop')).toMatchObject({
      fired: true,
      reason: 'usage 9/20 = 0.45 < 0.5',
    });
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      idempotencyKey: 'health-alert:usage-drop:acme:2026-04',
      type: 'send_usage_support_email',
      channel: 'email',
      automated: true,
      payload: { usageRate: 0.45, consultationUrl: 'https://example.com/book' },
    });
    expect((actions[0]!.payload.suggestions as readonly string[]).length).toBe(3);
    expect(evaluateAlerts(b2bSnapshot({ usageEvents: measurements(10) }), green, { asOf }).actions).toEqual(
      [],
    );
  });

  it('gives the same keys on a re-run the same day', () => {
    const snapshot = b2bSnapshot({ usageEvents: measurements(2) });
    const first = evaluateAlerts(snapshot, { status: 'red' }, { asOf });
    const again = evaluateAlerts(snapshot, { status: 'red' }, { asOf });
    expect(again.actions.map((action) => action.idempotencyKey)).toEqual(
      first.actions.map((action) => action.idempotencyKey),
    );
  });

  it('escalates an unpaid invoice on day 7, day 14 and day 21 after issue', () => {
    const stage = (days: number) =>
      evaluateAlerts(
        b2bSnapshot({
          usageEvents: measurements(20),
          invoices: [
            { id: 'inv-1', issuedAt: daysAgo(days), dueAt: daysAgo(days - 5), amount: { amount: 80_000 } },
          ],
        }),
        green,
        { asOf },
      ).actions.map((action) => action.type);
    expect(stage(6)).toEqual([]);
    expect(stage(7)).toEqual(['send_payment_reminder']);
    expect(stage(14)).toEqual(['send_second_payment_reminder', 'payment_phone_notice']);
    expect(stage(21)).toEqual(['csm_payment_intervention', 'propose_instalment_plan']);
    expect(stage(30)).toEqual([]);
  });

  it('keys each dunning stage by invoice', () => {
    const snapshot = b2bSnapshot({
      usageEvents: measurements(20),
      invoices: [{ id: 'inv-9', issuedAt: daysAgo(14), dueAt: daysAgo(7), amount: { amount: 80_000 } }],
    });
    const [reminder] = evaluateAlerts(snapshot, green, { asOf }).actions;
    expect(reminder).toMatchObject({
      idempotencyKey: 'health-alert:late-payment:acme:inv-9:day-14-second-reminder',
      payload: { invoiceId: 'inv-9', amount: 80_000, daysSinceIssued: 14 },
    });
  });

  it('follows up an NPS detractor: Slack at once and a call within 24 h', () => {
    const snapshot = b2bSnapshot({
      usageEvents: measurements(20),
      surveyResponses: [{ type: 'nps', score: 6, respondedAt: daysAgo(0.25) }],
    });
    const { actions } = evaluateAlerts(snapshot, green, { asOf });
    expect(actions.map((action) => [action.type, action.channel, action.automated])).toEqual([
      ['notify_csm_detractor', 'slack', true],
      ['detractor_follow_up_call', 'phone', false],
    ]);
    expect(actions[1]!.deadlineAt).toBe(new Date(Date.parse(daysAgo(0.25)) + 86_400_000).toISOString());
    const promoter = b2bSnapshot({
      usageEvents: measurements(20),
      surveyResponses: [{ type: 'nps', score: 7, respondedAt: daysAgo(0.25) }],
    });
    expect(evaluateAlerts(promoter, green, { asOf }).actions).toEqual([]);
  });

  it('starts the renewal playbook within 90 days of the contract end only when yellow or red', () => {
    const snapshot = b2bSnapshot({ usageEvents: measurements(20), customer: {} });
    const types = (status: 'red' | 'yellow' | 'green', endsInDays = 60) =>
      evaluateAlerts(
        b2bSnapshot({
          usageEvents: measurements(20),
          customer: { contract: { ...snapshotContract(), endsAt: daysFromNow(endsInDays) } },
        }),
        { status },
        { asOf },
      ).actions.map((action) => action.type);
    expect(snapshot.contract?.daysUntilRenewal).toBe(60);
    expect(types('yellow')).toEqual([
      'start_retention_campaign',
      'schedule_executive_meeting',
      'prepare_special_discount',
    ]);
    expect(types('red', 90)).toHaveLength(3);
    expect(types('red', 91)).toEqual([]);
    expect(types('green')).toEqual([]);
  });

  it('produces actions the core action schema accepts', () => {
    const snapshot = b2bSnapshot({
      usageEvents: measurements(2),
      surveyResponses: [{ type: 'nps', score: 3, respondedAt: daysAgo(0.5) }],
      invoices: [{ id: 'inv-2', issuedAt: daysAgo(21), dueAt: daysAgo(14), amount: { amount: 80_000 } }],
    });
    const { actions, checks } = evaluateAlerts(snapshot, { status: 'red' }, { asOf });
    expect(checks.every((check) => check.fired)).toBe(true);
    expect(actions).toHaveLength(1 + 2 + 2 + 3);
    for (const action of actions) expect(actionSchema.parse(action)).toEqual(action);
    expect(new Set(actions.map((action) => action.idempotencyKey)).size).toBe(actions.length);
  });

  it('rejects a bad health status, naming it', () => {
    expect(() => evaluateAlerts(b2bSnapshot(), { status: 'blue' as never }, { asOf })).toThrow(/status/);
  });
});

function snapshotContract() {
  return {
    startsAt: '2025-04-01T00:00:00Z',
    monthlyMeasurementLimit: 20,
    mrr: { amount: 80_000 },
    managedProperties: 100,
  };
}
