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

describe('review r16: lexicon exceptions narrowed', () => {
  it('«なんで» asks why unless it is «なんです» closing a clause', () => {
    for (const message of [
      'なんですぐ対応してもらえないんですか',
      'なんでスタッフの方が来ないんですか',
      'なんでスケジュール通りに進まないんですか',
    ])
      expect(codes(message), message).toContain('complaint');
    expect(codes('質問なんですが、報告書に隣人の名前とか載ったりしませんよね？')).toEqual([]);
  });

  it('only «分かりにくい» about the sound is no dissatisfaction', () => {
    for (const message of [
      '振動がおさまらないです。',
      '足音がよくならないんですが。',
      '音が遅れて記録されてるみたいです。',
    ])
      expect(codes(message), message).toContain('dissatisfaction');
    expect(codes('暗騒音が高い部屋だと、対象の音は分かりにくくなるってことですか？')).toEqual([]);
  });

  it("the customer's own child, customers or patients frightened are the customer's worry", () => {
    for (const message of [
      '上の階の足音で、子供が怖がって泣いてしまいます。',
      'お客様が怖がって来なくなりました。店としては死活問題です。',
    ])
      expect(codes(message), message).toContain('anxiety');
    expect(codes('患者さんのお子さんが怖がって泣いてしまうことがあり、対応を検討しております')).toEqual([]);
  });

  it('something that came or was delivered late is late, at any time of day', () => {
    for (const message of [
      'The technician showed up late in the afternoon, three hours after our slot.',
      'The meter was delivered late in the evening so we lost a day of measurement.',
    ])
      expect(codes(message), message).toContain('dissatisfaction');
    expect(codes('When should I set the device up? The noise is mostly late at night.')).toEqual([]);
  });
});
