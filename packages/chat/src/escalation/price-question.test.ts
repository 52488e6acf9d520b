import { describe, expect, it } from 'vitest';
import { strongSignalCodes } from '../test-utils/strong-codes';
import { classifyEscalation } from './classify-escalation';

// Rules alone: the billing rules decide these, whatever the text model reads.
const disputes = (message: string) =>
  classifyEscalation({ message }, { learnedModel: false }).reasons.some(
    (reason) => reason.code === 'billing_dispute',
  );

describe('billing disputes and questions about the price (round 15)', () => {
  it('reads a question about the price list as no dispute', () => {
    expect(disputes('Is the report included in the price or extra?')).toBe(false);
    expect(disputes('One more: are visits on public holidays charged extra too?')).toBe(false);
    expect(disputes('Do I get charged if I cancel during the free trial?')).toBe(false);
    expect(disputes("Nothing wrong, I'm perfectly calm 🙂 — what's the premium price?")).toBe(false);
    expect(disputes('How do chargebacks work with you if the service is not delivered?')).toBe(false);
    expect(disputes('法人契約と個人契約って、料金が違うんですか？')).toBe(false);
    expect(disputes('平日と土日で料金は違いますか？')).toBe(false);
  });

  it('reads a Japanese question comparing two kinds of visit or booking as no dispute (round 16)', () => {
    expect(disputes('関東と関西で料金って違いますか？出張費とか。')).toBe(false);
    expect(disputes('「キャンセル」と「日程変更」って、料金の扱い違いますか？')).toBe(false);
    expect(disputes('料金が見積もりと違います')).toBe(true);
    expect(disputes('先月と今月で金額が違いますか？請求書を見て驚きました')).toBe(true);
  });

  it('keeps a charge of the customer own that is wrong a dispute, questions included', () => {
    expect(disputes('I got charged extra for the report, is that right?')).toBe(true);
    expect(disputes('Why were visits on public holidays charged extra on my invoice?')).toBe(true);
    expect(disputes('I was charged during the free trial.')).toBe(true);
    expect(disputes('Why was I charged twice?')).toBe(true);
    expect(disputes('Was I charged twice?')).toBe(true);
    expect(disputes('Did you charge me twice this month?')).toBe(true);
    expect(disputes('Is this charge a mistake?')).toBe(true);
    expect(disputes('Is the amount on my invoice wrong?')).toBe(true);
    expect(disputes('Is there a reason the invoice shows the wrong amount?')).toBe(true);
    expect(disputes('Why am I still being charged after I cancelled?')).toBe(true);
    expect(disputes('Why is there a charge for a plan I never ordered?')).toBe(true);
    expect(disputes('Are you charging me for a plan I never ordered?')).toBe(true);
    expect(disputes('Something is wrong with the price on my bill')).toBe(true);
    expect(disputes('見積もりと請求された料金が違うんですか？')).toBe(true);
    expect(disputes('先月と今月で金額が違うんですが')).toBe(true);
  });

  it('reads "not disputing" as a denial, and a fee only as a fee (not "feedback", not "feels")', () => {
    expect(disputes('I\'m not disputing the charge, just want to know what "service fee" covers.')).toBe(
      false,
    );
    expect(disputes("I'm disputing the charge, I want to know what the service fee covers.")).toBe(true);
    expect(
      disputes("This isn't a complaint, just feedback: the booking form asks for my address twice."),
    ).toBe(false);
    expect(disputes("This isn't a complaint: the booking fee was taken twice.")).toBe(true);
    expect(disputes('I feel it more than hear it, a low rumble.')).toBe(false);
  });

  it('review r15 H7: a charge of the customer own asked about in other words stays a dispute', () => {
    for (const message of [
      "How come I'm charged extra every month?",
      "Are we being charged extra for the second site even though the contract says it's included?",
      'Is there a reason the price is higher than what you quoted me?',
      'How can the invoice be higher than the quote?',
      'Does the amount look higher than agreed to you too?',
      'What is the extra ¥3,000 for on the invoice?',
      "What's the extra 2,000 yen on the invoice? It was never mentioned.",
      'Do you think it is acceptable to charge customers extra without telling them?',
      'Is it normal to get charged extra when the technician shows up 2 hours late?',
    ])
      expect(disputes(message), message).toBe(true);
    // The price list asked about in the same words stays a question.
    expect(disputes('Are weekend visits charged extra?')).toBe(false);
    expect(disputes("What's the extra fee for a second site?")).toBe(false);
  });
});

describe('review r16, finding 14: two of the customer own visits or years compared', () => {
  it('stays a dispute', () => {
    expect(disputes('1回目と2回目で料金って違うんですか？同じ内容なのに。')).toBe(true);
    expect(disputes('この前と今回で金額が違うんですか？')).toBe(true);
    expect(disputes('去年と今年で料金が違うんですか？何の連絡もなかったですけど')).toBe(true);
  });

  it('keeps two kinds of visit compared, mornings included, a question about the price list', () => {
    expect(disputes('午前と午後で料金って違いますか？')).toBe(false);
    expect(disputes('関東と関西で料金って違いますか？出張費とか。')).toBe(false);
  });
});

describe('round 17: the price list asked about', () => {
  it('is no billing dispute', () => {
    expect(strongSignalCodes('Is there an extra charge for a Sunday visit?')).toEqual([]);
    expect(
      strongSignalCodes('怒ってるんじゃないですよ、純粋な疑問です。なんで訪問料金は地域で違うんですか'),
    ).not.toContain('billing_dispute');
  });

  it('keeps a charge of the customer', () => {
    expect(strongSignalCodes('Why is there an extra charge for Sunday on my invoice?')).toContain(
      'billing_dispute',
    );
    expect(strongSignalCodes('Is there an extra charge on my card for the Sunday visit?')).toContain(
      'billing_dispute',
    );
    expect(strongSignalCodes('なんで訪問料金が見積もりと違うんですか')).toContain('billing_dispute');
    expect(strongSignalCodes('なんで私だけ訪問料金が地域で違うんですか、前回と違います')).toContain(
      'billing_dispute',
    );
  });
});
