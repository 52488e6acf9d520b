import { describe, expect, it } from 'vitest';
import { normalizeText } from '../text/normalize-text';
import { createEscalationClassifier, findSignals } from './classify-escalation';

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

// Round 17: the rules alone, the strong codes found in a message.
const strong17 = (message: string) =>
  findSignals(normalizeText(message), message)
    .filter((signal) => signal.strength === 'strong')
    .map((signal) => signal.code);

describe('round 17: requests the rules missed', () => {
  it('escalates them', () => {
    expect(
      strong17('could i get a refund for the premium upgrade? i didnt realise basic was enough'),
    ).toContain('refund_request');
    expect(strong17('日曜のやつ、キャンセルでおねしゃす')).toContain('cancellation_request');
    expect(strong17('ほんならもう解約や。やっとられへん')).toContain('cancellation_request');
    expect(strong17('担当者の直通番号ありますか？急ぎで話したいことがあります')).toContain('human_request');
    expect(
      strong17('I was told the meter delivery was free. Now I see ¥1,100 shipping on the invoice.'),
    ).toContain('billing_dispute');
    expect(
      strong17("Excuse me but the discount code I used isn't reflected on the bill, I paid the full price"),
    ).toContain('billing_dispute');
    expect(strong17('The invoice for our clinic shows 4 visits, we had 3. Please correct.')).toContain(
      'billing_dispute',
    );
    expect(strong17('訪問料金、当日その場で払いましたけど、後日カードにも請求がきてる')).toContain(
      'billing_dispute',
    );
  });

  it('leaves their look-alikes alone', () => {
    expect(strong17('Can I get a refund if the engineer doesnt show?')).not.toContain('refund_request');
    expect(strong17('Will the discount code be applied to the bill?')).not.toContain('billing_dispute');
    expect(strong17('当日その場で払いましたけど、領収書はもらえますか')).not.toContain('billing_dispute');
    expect(strong17('担当者の方、親切でした')).not.toContain('human_request');
  });
});

describe('review r17: requests left from the intent round', () => {
  it('reads a denial as reaching no further than its own part of the clause', () => {
    expect(strong17('i dont want a credit for next time, i want an actual refund to my card')).toContain(
      'refund_request',
    );
    expect(strong17("don't need the meter anymore, cancel the rental pls")).toContain('cancellation_request');
    // The denial that governs the object still cancels it.
    expect(strong17('Not asking for a refund, just want to understand the invoice')).not.toContain(
      'refund_request',
    );
    expect(strong17("I don't want a refund, please just fix the sensor.")).not.toContain('refund_request');
  });

  it('reads a cancellation form to send, a refund accepted and chased, and a hand check as requests', () => {
    expect(strong17('解約届、郵送で出せますか？出したいので')).toContain('cancellation_request');
    expect(strong17('返金してもらえるなら、それでいいです。手続きお願いします')).toContain('refund_request');
    expect(strong17('ﾍﾝｷﾝﾏﾀﾞ?')).toContain('refund_request');
    expect(strong17('返金まだ？手続きしてから3週間たつんですけど')).toContain('refund_request');
    expect(strong17('Can a staff member check my report manually?')).toContain('human_request');
    expect(strong17('Can you check my report manually? The summary makes no sense.')).toContain(
      'human_request',
    );
  });

  it('keeps the look-alike questions mild', () => {
    expect(strong17('解約届って出したいときどうすればいいですか？')).toEqual([]);
    expect(strong17('返金はまだ先ですか？')).toEqual([]);
    expect(strong17('Can a technician check the sensor during the visit?')).toEqual([]);
    expect(strong17('Does a staff member check the reports?')).toEqual([]);
  });
});
