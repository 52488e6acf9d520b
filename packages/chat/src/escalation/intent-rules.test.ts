import { describe, expect, it } from 'vitest';
import { createEscalationClassifier } from './classify-escalation';

// Rules alone, for an account at risk: there any signal escalates (a decision that does not
// escalate lists no reasons then).
const classify = createEscalationClassifier({ learnedModel: false });
const codes = (message: string) =>
  classify({ message, account: { healthBand: 'red' } }).reasons.map((reason) => reason.code);

describe('an invoice not yet come (round 16)', () => {
  it('is no billing dispute', () => {
    expect(codes('請求書、今月まだ届いてないです')).toEqual([]);
  });

  it('stays a dispute beside a charge, chased already or late again', () => {
    expect(codes('請求書も届いてないのに引き落とされてました')).toContain('billing_dispute');
    expect(codes('請求書、今月まだ届いてないです。先月も遅かったですよね')).toContain('billing_dispute');
    expect(codes('何回かお願いしてるんですが、請求書のPDFがまだ届いていません')).toContain('billing_dispute');
    expect(codes('請求書、今月まだ届いてないです。経理から催促されてて。')).toContain('billing_dispute');
  });
});

describe('review r16, finding 25: an invoice not yet come with a deadline near', () => {
  it('stays a dispute', () => {
    expect(codes('請求書がまだ届いてないです。支払期限が明日なんですけど')).toContain('billing_dispute');
  });
});
