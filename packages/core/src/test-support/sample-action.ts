import type { Action } from '../actions/action';

/** A valid action for tests, with overrides. */
export function sampleAction(key: string, overrides: Partial<Action> = {}): Action {
  return {
    idempotencyKey: key,
    type: 'csm_intervention',
    customerId: 'c1',
    channel: 'slack',
    owner: 'csm',
    priority: 'critical',
    automated: false,
    dueAt: '2026-04-01T00:00:00.000Z',
    title: 'Call the customer today',
    reasons: ['support below 10'],
    source: { engine: 'health', ruleId: 'support_issue' },
    payload: {},
    ...overrides,
  };
}
