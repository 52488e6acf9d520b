import { describe, expect, it } from 'vitest';
import { strongSignalCodes } from '../test-utils/strong-codes';
import { createEscalationClassifier } from './classify-escalation';

// Rules alone, for an account at risk: there even a refund inquiry escalates, so a refund received
// with thanks must give no signal at all (a decision that does not escalate lists no reasons then).
const classify = createEscalationClassifier({ learnedModel: false });
const atRisk = { healthBand: 'red' as const };
const codes = (message: string) =>
  classify({ message, account: atRisk }).reasons.map((reason) => reason.code);

describe('a refund the customer reports received (round 16)', () => {
  it('gives no signal when the refund is told as done with thanks or "fine"', () => {
    for (const message of [
      'Refund came through, thank you for sorting it.',
      'The refund hit my account today. Thanks!',
      'The refund showed up on my card this morning. Thanks for sorting it so fast!',
      '返金確認できました。ご対応ありがとうございました。',
      '返金、今日カードに戻ってきてました。お手数おかけしました',
      '返金の処理してもらったの確認しました。大丈夫です',
      'Just confirming: the refund line on my statement is the one you processed last week, right? Looks correct.',
    ])
      expect(codes(message), message).toEqual([]);
    expect(classify({ message: 'The refund hit my account today. Thanks!' }).escalate).toBe(false);
  });

  it('keeps a refund told as done without a closing an inquiry', () => {
    expect(codes('The refund came through yesterday. Now, can I book a new visit for next month?')).toContain(
      'refund_inquiry',
    );
  });

  it('keeps a refund left open after the thanks', () => {
    expect(codes('Refund came through, thanks. Still waiting on the report though.')).toContain(
      'refund_inquiry',
    );
  });

  it('reads a refund received short, wrong or late as a refund still owed, without an account at risk', () => {
    for (const message of [
      '返金されましたが、金額が足りません',
      "The refund came through but it's only half",
      'Thanks, I got the refund but it is short by 2,000 yen',
      '返金ありがとうございます。ただ半分しか戻ってきていません',
      'The refund finally came through, thanks, but it took three weeks',
    ]) {
      const decision = classify({ message });
      expect(decision.escalate, message).toBe(true);
      expect(decision.reasons.map((reason) => reason.code)).toContain('refund_request');
    }
  });

  it('keeps a question about the amount of a refund to come an inquiry', () => {
    expect(codes('返金は全額ですか、それとも一部だけですか？')).toEqual(['refund_inquiry', 'account_risk']);
    expect(classify({ message: 'Will the refund be less than the full fee?' }).escalate).toBe(false);
    expect(
      classify({ message: 'Any chance of a partial refund? Only half the measurement data was saved.' })
        .escalate,
    ).toBe(true);
  });

  it('still escalates a refund not received', () => {
    expect(classify({ message: "I still haven't received my refund" }).escalate).toBe(true);
    // Review r17: a refund chased, still not come, is a request (it had been an inquiry).
    expect(codes('返金がまだ届いていません')).toContain('refund_request');
  });
});

describe('review r16, finding 20: a refund received with a reservation after the thanks', () => {
  it('stays an inquiry, and escalates for an account at risk', () => {
    for (const message of [
      'The refund hit my account today. Thanks! Although it took three weeks.',
      '返金確認できました。ありがとうございます。ただ時間かかりすぎですね。',
    ])
      expect(codes(message), message).toContain('refund_inquiry');
  });

  it('keeps «いただき» and a refund received with thanks closed', () => {
    expect(codes('返金確認できました。ご対応いただきありがとうございました。')).toEqual([]);
    expect(codes('The refund hit my account today. Thanks!')).toEqual([]);
  });
});

describe('round 17: a refund received and closed', () => {
  it('is no refund request', () => {
    expect(strongSignalCodes('Refund done, and my card shows it. You can close the ticket.')).toEqual([]);
    expect(strongSignalCodes('Got the refund, thank you. Sorry I was short with you earlier!')).toEqual([]);
  });

  it('keeps a refund still missing or short', () => {
    expect(strongSignalCodes('Refund done? I still see nothing on my card, please refund me.')).toContain(
      'refund_request',
    );
    expect(strongSignalCodes('Got the refund, thank you. But it was short by 2000 yen.')).toContain(
      'refund_request',
    );
    expect(strongSignalCodes('Refund the money, I was short changed.')).toContain('refund_request');
  });
});

describe('review r17: a refund received, but half of it', () => {
  it('keeps the rest owed', () => {
    expect(strongSignalCodes('返金無事確認できました。ただ金額が半分でした。')).toContain('refund_request');
    expect(
      strongSignalCodes('返金確認できました、ありがとうございます。でも一部しか戻ってきていません'),
    ).toContain('refund_request');
  });

  it('still reads a refund closed with thanks as none', () => {
    expect(strongSignalCodes('返金無事確認できました。ありがとうございました')).toEqual([]);
  });
});
