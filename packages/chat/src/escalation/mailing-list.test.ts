import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../text/normalize-text';
import { createEscalationClassifier } from './classify-escalation';
import { isMailingListCancellation } from './mailing-list';

const rulesAlone = createEscalationClassifier({ learnedModel: false });
const codes = (message: string) => rulesAlone({ message }).reasons.map((reason) => reason.code);

/** Whether the cancellation at the first occurrence of `expression` stops a mailing list. */
const mailingListAt = (message: string, expression: string) => {
  const text = normalizeText(message);
  const start = text.indexOf(expression);
  if (start < 0) throw new Error(`"${expression}" not in "${text}"`);
  return isMailingListCancellation(text, start, start + expression.length);
};

describe('isMailingListCancellation', () => {
  it('reads a newsletter, mailing list or notification stopped as no cancellation of the contract', () => {
    expect(mailingListAt('Unsubscribe me from the newsletter please', 'unsubscribe')).toBe(true);
    expect(mailingListAt('please unsubscribe me from all marketing emails', 'unsubscribe')).toBe(true);
    expect(mailingListAt('メルマガの購読を解除したいです', '解除')).toBe(true);
    expect(mailingListAt('お知らせメールの配信停止をお願いします', '停止')).toBe(true);
  });

  it('keeps a cancellation that names the contract, or where the list is not what is stopped', () => {
    // A contract word in the same sentence: the subscription is cancelled too.
    expect(mailingListAt('unsubscribe me from the newsletter and cancel my subscription', 'cancel my')).toBe(
      false,
    );
    expect(mailingListAt('Unsubscribe me from your service', 'unsubscribe')).toBe(false);
    // Emails told of, not stopped.
    expect(mailingListAt('I sent you three emails, cancel it now', 'cancel')).toBe(false);
    expect(mailingListAt('unsubscribe me. from everything. im done', 'unsubscribe')).toBe(false);
  });

  it('reads a sentence of its own: a contract cancelled in the next sentence still counts', () => {
    const message = 'Stop the emails. Cancel my plan too.';
    expect(mailingListAt(message, 'stop the emails')).toBe(true);
    expect(mailingListAt(message, 'cancel my plan')).toBe(false);
    expect(codes(message)).toContain('cancellation_request');
  });

  it('never takes back a cancellation of the contract, whatever list is named beside it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('newsletter', 'emails', 'notifications', 'mailing list'),
        fc.constantFrom('subscription', 'contract', 'account', 'membership'),
        (list, contract) => {
          const message = `unsubscribe me from the ${list} and cancel my ${contract}`;
          expect(codes(message)).toContain('cancellation_request');
        },
      ),
    );
  });
});

describe('the rules on device returns, rates and mailing lists (round 16)', () => {
  it('reads no cancellation into a mailing list stopped', () => {
    expect(codes('Unsubscribe me from the newsletter please')).not.toContain('cancellation_request');
    expect(codes('メルマガの購読を解除したいです')).not.toContain('cancellation_request');
    expect(codes('Unsubscribe me from your service')).toContain('cancellation_request');
  });

  it('reads 返却 as the device returned, not money, unless money is named', () => {
    // 返却 alone is the rented meter going back: no refund word, even for an account at risk.
    const atRisk = { healthBand: 'red', daysUntilRenewal: 200, highValue: false } as const;
    expect(rulesAlone({ message: '測定器の返却方法を教えてください', account: atRisk }).escalate).toBe(false);
    expect(codes('返却日はいつまでですか')).toEqual([]);
    expect(codes('お金を返却してください')).toContain('refund_request');
  });

  it('reads a refund or cancellation rate as a statistic, not a refund or cancellation', () => {
    expect(codes('御社のサービスの返金率はどのくらいですか？')).toEqual([]);
    expect(codes('解約率を教えてください')).toEqual([]);
    expect(codes('解約したいです')).toContain('cancellation_request');
    expect(codes('返金してください')).toContain('refund_request');
  });
});

describe('review r16, finding 8: a contract cancelled beside a mailing list stopped', () => {
  it('keeps the cancellation when it is not the stop verb of the list', () => {
    for (const message of [
      'Stop sending me emails and cancel everything.',
      "Unsubscribe me from all your emails and cancel it all. I'm done.",
      'Please cancel the emails and everything else, we are leaving.',
      'unsubscribe me from the newsletter and cancel',
      'メルマガを解除して、解約もお願いします',
    ])
      expect(codes(message), message).toContain('cancellation_request');
  });

  it('still reads the list stopped alone as no cancellation', () => {
    for (const message of [
      'Please cancel the newsletter emails.',
      'Stop sending me promotional emails please',
      'お知らせメールの配信停止をお願いします',
    ])
      expect(codes(message), message).not.toContain('cancellation_request');
  });
});
