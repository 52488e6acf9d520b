import { describe, expect, it } from 'vitest';
import { createEscalationClassifier } from './classify-escalation';

// Rules alone: the refund rules decide these, whatever the text model reads.
const classify = createEscalationClassifier({ learnedModel: false });
const codes = (message: string, atRisk = false) =>
  classify({ message, ...(atRisk ? { account: { healthBand: 'red' as const } } : {}) }).reasons.map(
    (reason) => reason.code,
  );

describe('the paperwork of a refund (round 16)', () => {
  it('reads where the form is, and new bank details for a refund under way, as an inquiry', () => {
    expect(codes('返金申請のフォームってどこにありますか？')).toEqual(['refund_inquiry']);
    expect(codes('振込先の口座が変わりました。返金はこちらにお願いします：〇〇銀行 △△支店')).toEqual([
      'refund_inquiry',
    ]);
    expect(classify({ message: '返金申請のフォームってどこにありますか？' }).escalate).toBe(false);
  });

  it('reads "do you refund …?" as a question about the policy', () => {
    expect(
      codes(
        'If the device fails to record, do you refund the rental or give a free extension? Asking before I rent.',
      ),
    ).toEqual(['refund_inquiry']);
  });

  it('keeps a refund asked for beside them a request, and an inquiry for an account at risk', () => {
    expect(codes('返金申請します。昨日誰も来なかったので')).toContain('refund_request');
    expect(codes('口座が変わったので、返金はこちらにお願いします。昨日の測定が中止になった分です')).toContain(
      'refund_request',
    );
    expect(codes('返金申請のフォームってどこにありますか？もう使わないと思うので', true)).toContain(
      'refund_inquiry',
    );
    expect(classify({ message: 'Could you refund the rental? The device failed to record.' }).escalate).toBe(
      true,
    );
    expect(classify({ message: 'Do you refund me or not?' }).escalate).toBe(true);
  });
});
