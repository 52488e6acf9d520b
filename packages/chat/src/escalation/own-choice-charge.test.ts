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

describe('review r16, finding 13: an own choice the next sentence denies', () => {
  it('stays a billing dispute', () => {
    expect(codes('請求額が高すぎるのは、オプションを追加したからですか？追加した覚えはないです。')).toContain(
      'billing_dispute',
    );
    expect(
      codes('引き落としが二重になっているのは分割にしたからですよね？一括で払ったはずなんですが'),
    ).toContain('billing_dispute');
  });

  it('keeps a choice confirmed, with a next sentence that denies nothing, no dispute', () => {
    expect(codes('請求が増えたのはオプションを追加したからですか？確認です。')).toEqual([]);
  });
});
