import { describe, expect, it } from 'vitest';
import { createEscalationClassifier } from './classify-escalation';

// Rules alone, for an account at risk: there any signal escalates (a decision that does not
// escalate lists no reasons then).
const classify = createEscalationClassifier({ learnedModel: false });
const codes = (message: string) =>
  classify({ message, account: { healthBand: 'red' } }).reasons.map((reason) => reason.code);

describe('a charge explained by the customer own choice (round 16)', () => {
  it('is no billing dispute', () => {
    expect(codes('今月の引き落とし、2回に分かれてるのは分割にしたからですよね？念のため。')).toEqual([]);
  });

  it('keeps a charge said to be wrong a dispute', () => {
    expect(codes('今月2回引き落とされています')).toContain('billing_dispute');
    expect(codes('今月の引き落とし、2回に分かれてるんですが')).toContain('billing_dispute');
    expect(codes('請求書の金額が違うんですが')).toContain('billing_dispute');
  });
});
