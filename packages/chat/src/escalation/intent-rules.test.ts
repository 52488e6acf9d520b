import { describe, expect, it } from 'vitest';
import { strongSignalCodes } from '../test-utils/strong-codes';
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

describe('round 17: requests the rules missed', () => {
  it('escalates them', () => {
    expect(
      strongSignalCodes('could i get a refund for the premium upgrade? i didnt realise basic was enough'),
    ).toContain('refund_request');
    expect(strongSignalCodes('日曜のやつ、キャンセルでおねしゃす')).toContain('cancellation_request');
    expect(strongSignalCodes('ほんならもう解約や。やっとられへん')).toContain('cancellation_request');
    expect(strongSignalCodes('担当者の直通番号ありますか？急ぎで話したいことがあります')).toContain(
      'human_request',
    );
    expect(
      strongSignalCodes('I was told the meter delivery was free. Now I see ¥1,100 shipping on the invoice.'),
    ).toContain('billing_dispute');
    expect(
      strongSignalCodes(
        "Excuse me but the discount code I used isn't reflected on the bill, I paid the full price",
      ),
    ).toContain('billing_dispute');
    expect(
      strongSignalCodes('The invoice for our clinic shows 4 visits, we had 3. Please correct.'),
    ).toContain('billing_dispute');
    expect(strongSignalCodes('訪問料金、当日その場で払いましたけど、後日カードにも請求がきてる')).toContain(
      'billing_dispute',
    );
  });

  it('leaves their look-alikes alone', () => {
    expect(strongSignalCodes('Can I get a refund if the engineer doesnt show?')).not.toContain(
      'refund_request',
    );
    expect(strongSignalCodes('Will the discount code be applied to the bill?')).not.toContain(
      'billing_dispute',
    );
    expect(strongSignalCodes('当日その場で払いましたけど、領収書はもらえますか')).not.toContain(
      'billing_dispute',
    );
    expect(strongSignalCodes('担当者の方、親切でした')).not.toContain('human_request');
  });
});

describe('review r17: requests left from the intent round', () => {
  it('reads a denial as reaching no further than its own part of the clause', () => {
    expect(
      strongSignalCodes('i dont want a credit for next time, i want an actual refund to my card'),
    ).toContain('refund_request');
    expect(strongSignalCodes("don't need the meter anymore, cancel the rental pls")).toContain(
      'cancellation_request',
    );
    // The denial that governs the object still cancels it.
    expect(strongSignalCodes('Not asking for a refund, just want to understand the invoice')).not.toContain(
      'refund_request',
    );
    expect(strongSignalCodes("I don't want a refund, please just fix the sensor.")).not.toContain(
      'refund_request',
    );
  });

  it('reads a cancellation form to send, a refund accepted and chased, and a hand check as requests', () => {
    expect(strongSignalCodes('解約届、郵送で出せますか？出したいので')).toContain('cancellation_request');
    expect(strongSignalCodes('返金してもらえるなら、それでいいです。手続きお願いします')).toContain(
      'refund_request',
    );
    expect(strongSignalCodes('ﾍﾝｷﾝﾏﾀﾞ?')).toContain('refund_request');
    expect(strongSignalCodes('返金まだ？手続きしてから3週間たつんですけど')).toContain('refund_request');
    expect(strongSignalCodes('Can a staff member check my report manually?')).toContain('human_request');
    expect(strongSignalCodes('Can you check my report manually? The summary makes no sense.')).toContain(
      'human_request',
    );
  });

  it('keeps the look-alike questions mild', () => {
    expect(strongSignalCodes('解約届って出したいときどうすればいいですか？')).toEqual([]);
    expect(strongSignalCodes('返金はまだ先ですか？')).toEqual([]);
    expect(strongSignalCodes('Can a technician check the sensor during the visit?')).toEqual([]);
    expect(strongSignalCodes('Does a staff member check the reports?')).toEqual([]);
  });
});

describe('round 18: cancellations asked for in short, mixed or dialect words', () => {
  it('reads them as requests', () => {
    expect(strongSignalCodes('やめます')).toContain('cancellation_request');
    expect(strongSignalCodes('もういい、やめる。解約だ。こったな会社さ金払うのもったいねぇ。')).toContain(
      'cancellation_request',
    );
    expect(strongSignalCodes('今のplan、cancelしたいです。来月からはno contractでOK')).toContain(
      'cancellation_request',
    );
    expect(
      strongSignalCodes(
        'Our café is closing permanently, so please end our business plan at the end of the month.',
      ),
    ).toContain('cancellation_request');
    expect(
      strongSignalCodes(
        "Actually you know what, just cancel the whole subscription. I'll sort it out myself.",
      ),
    ).toContain('cancellation_request');
    expect(
      strongSignalCodes('母の契約ば解約したかとです。母が施設に入ることになったけん、手続き教えてください。'),
    ).toContain('cancellation_request');
  });

  it('keeps questions with the same words as none', () => {
    expect(strongSignalCodes('やめますか？')).not.toContain('cancellation_request');
    expect(strongSignalCodes('やめるって言ったら違約金かかりますか？')).not.toContain('cancellation_request');
    expect(strongSignalCodes('解約だと違約金かかりますか')).not.toContain('cancellation_request');
    expect(strongSignalCodes('cancelってどうやるんですか')).not.toContain('cancellation_request');
    expect(strongSignalCodes('今のplanをcancelする場合、違約金はかかりますか？')).not.toContain(
      'cancellation_request',
    );
    expect(strongSignalCodes('What happens at the end of our business plan?')).not.toContain(
      'cancellation_request',
    );
    expect(strongSignalCodes('You know what, how do I cancel?')).not.toContain('cancellation_request');
    expect(strongSignalCodes('母の契約ば解約するとどうなるとですか')).not.toContain('cancellation_request');
  });
});

describe('round 18: a charge for an item never ordered or a visit our side cancelled', () => {
  it('reads it as a billing dispute', () => {
    expect(
      strongSignalCodes('請求書に「追加測定 ¥5,500」って項目があるけど、追加なんて頼んでないです'),
    ).toContain('billing_dispute');
    expect(
      strongSignalCodes(
        '発注していないオプション（夜間測定）が請求に含まれています。削除のうえ再発行してください。',
      ),
    ).toContain('billing_dispute');
    expect(
      strongSignalCodes(
        'We received invoice 3320 for a mediation session your mediator cancelled. Please remove the charge.',
      ),
    ).toContain('billing_dispute');
    expect(
      strongSignalCodes(
        "We've been charged a cancellation fee for a visit that YOUR side cancelled. Reverse it.",
      ),
    ).toContain('billing_dispute');
  });

  it('keeps an invoice not yet asked for and a fee for the customer’s own cancellation as none', () => {
    expect(strongSignalCodes('請求書の発行はまだ頼んでないです')).not.toContain('billing_dispute');
    expect(
      strongSignalCodes('I cancelled the visit myself, so the fee on the invoice is fine.'),
    ).not.toContain('billing_dispute');
  });
});
