import { describe, expect, it } from 'vitest';
import { strongSignalCodes } from '../test-utils/strong-codes';

describe('round 18: a refund chased, given a deadline or asked back in other words', () => {
  it('reads the chase as a refund request', () => {
    expect(
      strongSignalCodes("It's been three weeks since you said the refund was 'processing'. Where is it?"),
    ).toContain('refund_request');
    expect(strongSignalCodes('Where is my refund?')).toContain('refund_request');
    expect(strongSignalCodes('電話で約束してくださった返金、１か月経ってもまだです')).toContain(
      'refund_request',
    );
    expect(strongSignalCodes('返金の申請から２週間経ちますが、まだ届いていません')).toContain(
      'refund_request',
    );
    expect(
      strongSignalCodes("If I don't get my refund by Friday I'm leaving a review on every site I can find."),
    ).toContain('refund_request');
    expect(
      strongSignalCodes(
        "Oh great, another 'we value your feedback' email. How about valuing my ¥15,000 and sending it back?",
      ),
    ).toContain('refund_request');
    expect(
      strongSignalCodes('測定の予約、そっちの都合で流れたんやから、お金は返してな。振込先はいつものとこで。'),
    ).toContain('refund_request');
    expect(
      strongSignalCodes(
        'can i get a refund for the night option? measurement got cut short at 9pm so never used it',
      ),
    ).toContain('refund_request');
  });

  it('keeps forms, questions, the meter sent back and words yelled by others as no request', () => {
    expect(strongSignalCodes('The refund form — where is it?')).not.toContain('refund_request');
    expect(strongSignalCodes('返金の申請から1週間経っても届かない場合はどうすればいいですか')).not.toContain(
      'refund_request',
    );
    expect(
      strongSignalCodes("If I don't get a refund by Friday, can I still cancel the visit?"),
    ).not.toContain('refund_request');
    expect(strongSignalCodes('How about sending the meter back?')).not.toContain('refund_request');
    expect(
      strongSignalCodes('I paid my ¥5,000 deposit, should I send it back with the meter?'),
    ).not.toContain('refund_request');
    expect(strongSignalCodes('お金は返してないです')).not.toContain('refund_request');
    expect(strongSignalCodes('what are my refund options?')).not.toContain('refund_request');
    expect(
      strongSignalCodes(
        "My neighbour gets into screaming matches every night — lots of 'where's my money' type yelling through the wall.",
      ),
    ).toEqual([]);
  });
});
