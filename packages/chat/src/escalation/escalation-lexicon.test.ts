import { describe, expect, it } from 'vitest';
import { createEscalationClassifier } from './classify-escalation';

// Rules alone, for an account at risk: there any signal escalates (a decision that does not
// escalate lists no reasons then).
const classify = createEscalationClassifier({ learnedModel: false });
const codes = (message: string) =>
  classify({ message, account: { healthBand: 'red' } }).reasons.map((reason) => reason.code);

describe('a cancellation chosen inside the condition of a question (round 16)', () => {
  it('gives no signal', () => {
    expect(codes('ちなみに更新しないって選んだら、データってどうなるんですか？')).toEqual([]);
    expect(codes('解約することに決めたら、違約金はかかりますか？')).not.toContain('cancellation_request');
  });

  it('keeps the decision itself a request', () => {
    expect(codes('更新しないことに決めました')).toContain('cancellation_request');
    expect(codes('更新しないって決めました。データはどうなりますか？')).toContain('cancellation_request');
  });
});

describe('review r16, finding 15: "do you refund…?" about a failure the customer had', () => {
  it('is a refund request', () => {
    expect(
      codes('Your meter stopped recording on day 2 of my measurement. Do you refund the rental?'),
    ).toContain('refund_request');
    expect(
      codes('Do you refund the rental when your device fails? Because mine failed twice this month.'),
    ).toContain('refund_request');
  });

  it('keeps "do you refund…?" asked before renting an inquiry', () => {
    expect(
      codes(
        'If the device fails to record, do you refund the rental or give a free extension? Asking before I rent.',
      ),
    ).not.toContain('refund_request');
  });
});
