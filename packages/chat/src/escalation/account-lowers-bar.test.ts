import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escalationHoldoutSet } from '../evaluation/escalation-holdout-set';
import { escalationEvaluationSet } from '../evaluation/escalation-set';
import { classifyEscalation } from './classify-escalation';

const red = { healthBand: 'red', daysUntilRenewal: 200 } as const;

describe('an account at risk lowers the bar and never raises it (round 16)', () => {
  it('keeps an escalation that the message makes without the account, with the account reasons and one level up', () => {
    // The at-risk text model has seen few such words (strong churn is mostly escalated by the
    // rules, and so not in its training): before round 16 the red account took this one away.
    const message = 'もうええわ、他を当たります';
    const alone = classifyEscalation({ message });
    expect(alone.escalate).toBe(true);
    const atRisk = classifyEscalation({ message, account: red });
    expect(atRisk.escalate).toBe(true);
    expect(atRisk.reasons.map((reason) => reason.code)).toEqual([
      ...alone.reasons.map((reason) => reason.code),
      'account_risk',
    ]);
    expect(atRisk.priority).toBe('high'); // medium without the account
    expect(alone.priority).toBe('medium');
  });

  it('leaves an account not at risk out of it', () => {
    const green = { healthBand: 'green', daysUntilRenewal: 300, highValue: false } as const;
    expect(classifyEscalation({ message: 'テレビの音が聞こえます', account: green }).escalate).toBe(false);
  });

  const messages = [...escalationEvaluationSet, ...escalationHoldoutSet].map((item) => ({
    message: item.message,
    ...(item.history === undefined ? {} : { history: [...item.history] }),
  }));
  const accountAtRisk = fc.oneof(
    fc.record({ healthBand: fc.constant('red' as const) }),
    fc.record({ daysUntilRenewal: fc.integer({ min: 0, max: 90 }) }),
    fc.record({ highValue: fc.constant(true) }),
  );

  it('escalates every labelled message for an account at risk that it escalates without one', () => {
    fc.assert(
      fc.property(fc.constantFrom(...messages), accountAtRisk, (input, account) => {
        if (classifyEscalation(input).escalate)
          expect(classifyEscalation({ ...input, account }).escalate).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
