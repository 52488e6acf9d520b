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
