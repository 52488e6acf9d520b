import { describe, expect, it } from 'vitest';
import { strongSignalCodes } from '../test-utils/strong-codes';
import { createEscalationClassifier } from './classify-escalation';

// Rules alone, for an account at risk: there even an inquiry escalates (a decision that does not
// escalate lists no reasons then).
const classify = createEscalationClassifier({ learnedModel: false });
const codes = (message: string) =>
  classify({ message, account: { healthBand: 'red' } }).reasons.map((reason) => reason.code);

describe('a refund the customer takes back (round 16)', () => {
  it('is neither a refund nor a cancellation', () => {
    expect(codes('返金の件、やっぱり取り下げます。次回割引で大丈夫です')).toEqual([]);
    expect(codes('返金申請を取り下げます')).toEqual([]);
    expect(codes('返金は結構です。次回ちゃんと測ってもらえれば')).toEqual([]);
  });

  it('keeps a refund refused by us, a withdrawal denied and a cancellation beside a refund', () => {
    expect(codes('返金はなしってどういうことですか')).toContain('complaint');
    expect(codes('返金はなしってどういうことですか')).toContain('refund_inquiry');
    expect(codes('返金の件は取り下げません')).toContain('refund_inquiry');
    const both = codes('注文を取り消して返金してください');
    expect(both).toContain('refund_request');
    expect(both).toContain('cancellation_request');
    expect(codes('解約の件、やっぱり進めてください')).toContain('cancellation_request');
  });
});

describe('review r16, findings 20 and 26: a question, and long messages', () => {
  it('takes back no refund with a question', () => {
    expect(codes('返金は大丈夫ですか？')).toContain('refund_inquiry');
    expect(codes('返金なしでいいですか？')).not.toEqual([]);
    expect(codes('返金は大丈夫です。次回ちゃんと測ってもらえれば')).toEqual([]);
  });

  it('reads a message of nearly 20,000 characters of withdrawals as no refund request', () => {
    // How long it takes is measured by the bench (chat suite, "long messages"), not here.
    for (const unit of ['返金きゃんせるで。', '返金無しで。']) {
      // Whole units only: a message cut after «返金» would end in a bare request.
      const message = unit.repeat(Math.floor(20000 / unit.length));
      expect(codes(message), unit).not.toContain('refund_request');
    }
  });
});

describe('round 17: a request taken back', () => {
  it('is no refund or cancellation request', () => {
    expect(
      strongSignalCodes(
        'Scrap the refund request from this morning please — I misread the statement, the charge is correct.',
      ),
    ).toEqual([]);
    expect(
      strongSignalCodes(
        'Ignore my earlier message about cancelling site 2 — the owner has decided to keep it.',
      ),
    ).toEqual([]);
    expect(
      strongSignalCodes('さっき返金お願いしたんですけど、やっぱり大丈夫です。メーター、ちゃんと動きました'),
    ).toEqual([]);
    expect(
      strongSignalCodes('昨日お願いした見積もり、やっぱり取り下げます。入居者同士で話がついたそうです'),
    ).toEqual([]);
    expect(
      strongSignalCodes(
        'この前「返金して」って言ったの、取り消してください。届いたメーター、ちゃんと動いてました',
      ),
    ).toEqual([]);
  });

  it('keeps a request after the withdrawal, a question, and another thing cancelled', () => {
    expect(
      strongSignalCodes('Scrap the refund request, I want to cancel my subscription instead.'),
    ).toContain('refund_request');
    expect(
      strongSignalCodes('Ignore my earlier message about cancelling site 2, please cancel all sites.'),
    ).toContain('cancellation_request');
    expect(strongSignalCodes('I want a refund. Never mind the earlier chat, just refund me.')).toContain(
      'refund_request',
    );
    expect(strongSignalCodes('さっき返金お願いしたんですけど、やっぱり大丈夫ですか？')).toContain(
      'refund_request',
    );
    expect(strongSignalCodes('さっき返金お願いしたんですけど、まだですか？早く返金してください')).toContain(
      'refund_request',
    );
    expect(strongSignalCodes('この前「予約して」って言ったの、取り消してください')).toContain(
      'cancellation_request',
    );
    expect(strongSignalCodes('見積もりは取り下げて、解約します')).toContain('cancellation_request');
  });
});

describe('review r17: the money asked back after a withdrawal', () => {
  it('keeps the refund request', () => {
    expect(
      strongSignalCodes(
        'Ignore my earlier message about the refund, I was polite then. Now I demand it back today.',
      ),
    ).toContain('refund_request');
    expect(
      strongSignalCodes(
        'Scrap the refund request from this morning. Actually no, I want my money back today.',
      ),
    ).toContain('refund_request');
  });

  it('still reads a plain withdrawal as none', () => {
    expect(strongSignalCodes('Scrap the refund request from this morning please')).toEqual([]);
  });
});

describe('round 18: a refund or cancellation asked for earlier and taken back after a reason', () => {
  it('reads the request taken back as none', () => {
    expect(
      strongSignalCodes(
        'さっき返金をお願いしましたが、日程を振り替えてもらえることになったので取り消します。振替でお願いします！',
      ),
    ).toEqual([]);
    expect(
      strongSignalCodes(
        'さっき解約をお願いしましたが、家族と相談して続けることにしました。取り消しでお願いします。',
      ),
    ).toEqual([]);
    expect(
      strongSignalCodes(
        '返金お願いしようと思ってたけど、報告書ちゃんと読んだら必要なデータは全部ありました。大丈夫です、すみません',
      ),
    ).toEqual([]);
    expect(
      strongSignalCodes(
        '先日、銀座の物件は解約するかもとお伝えしましたが、撤回いたします。オーナーが継続を希望しております。',
      ),
    ).toEqual([]);
    expect(strongSignalCodes('すみません、やっぱりキャンセルなしでそのままでお願いします。')).toEqual([]);
    expect(
      strongSignalCodes(
        'Scratch my earlier refund request — you found the missing data and the report looks complete now. All good.',
      ),
    ).toEqual([]);
  });

  it('keeps a request with no taking back, undone by us, asked again, or a question', () => {
    expect(strongSignalCodes('返金をお願いしましたが、まだ届きません。大丈夫ですか？')).toContain(
      'refund_request',
    );
    expect(strongSignalCodes('解約をお願いしたのですが、そのままで請求が来ています。')).toContain(
      'cancellation_request',
    );
    expect(
      strongSignalCodes('返金をお願いしたのですが、一ヶ月経っても連絡がありません。返金してください'),
    ).toContain('refund_request');
    expect(strongSignalCodes('返金をお願いしましたが、取り消します。やっぱり解約してください。')).toContain(
      'cancellation_request',
    );
    expect(
      strongSignalCodes('Scratch my earlier refund request, I want a full refund of both visits now.'),
    ).toContain('refund_request');
  });
});

describe('review r18 M9: the taking back is looked for in the request’s own sentence', () => {
  it('keeps a request whose next sentence lets go of something else', () => {
    expect(
      strongSignalCodes('返金を申請しましたが、連絡がありません。電話は結構です。メールで返事をください。'),
    ).toContain('refund_request');
    expect(
      strongSignalCodes('解約をお願いしましたが、引き止められて続けることになりました。納得いってません'),
    ).toContain('cancellation_request');
  });

  it('still reads a taking back that starts the next sentence', () => {
    expect(strongSignalCodes('返金をお願いしましたが、データが全部ありました。やっぱり大丈夫です')).toEqual(
      [],
    );
    expect(
      strongSignalCodes(
        'さっき返金をお願いしましたが、日程を振り替えてもらえました。なので返金は取り消します',
      ),
    ).toEqual([]);
  });
});
