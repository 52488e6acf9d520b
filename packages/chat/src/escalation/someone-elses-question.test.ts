import { describe, expect, it } from 'vitest';
import { strongSignalCodes } from '../test-utils/strong-codes';

describe('a refund or cancellation of someone else, asked about (round 17)', () => {
  it('is no request', () => {
    expect(
      strongSignalCodes('妹が返金してもらったって言ってたんですけど、それってどういう条件なんでしょう'),
    ).toEqual([]);
    expect(
      strongSignalCodes('友達がキャンセルしたいって言ってるんですけど、本人じゃないと無理ですか？'),
    ).toEqual([]);
    expect(
      strongSignalCodes("My landlord asked whether you give refunds, I told him I'd ask. Do you?"),
    ).toEqual([]);
  });

  it('keeps a request of the customer beside it', () => {
    expect(strongSignalCodes('夫が解約したいって言ってるので、手続きお願いします')).toContain(
      'cancellation_request',
    );
    expect(
      strongSignalCodes('母が返金してもらったって言ってたんですけど、私も返金お願いできますか'),
    ).toContain('refund_request');
    expect(
      strongSignalCodes('友達がキャンセルしたいって言ってます。本人の代わりにキャンセルしてください'),
    ).toContain('cancellation_request');
    expect(strongSignalCodes('my landlord said you must refund me, so please do')).toContain(
      'refund_request',
    );
  });
});

describe('review r17: the customer asking for the same, and the household contract', () => {
  it('keeps the customer asking for the same', () => {
    expect(strongSignalCodes('妹が返金してもらったって言ってたんですけど、私もできますか？')).toContain(
      'refund_request',
    );
    expect(
      strongSignalCodes('母が返金してほしいと言っています。私が代わりに手続きすることは可能ですか？'),
    ).toContain('refund_request');
  });

  it('keeps a relative or the landlord wanting or ordering the household contract cancelled', () => {
    expect(strongSignalCodes('夫が解約したいって言ってるんですけど、どうすればいいですか？')).toContain(
      'cancellation_request',
    );
    expect(
      strongSignalCodes('大家さんが解約しろって言ってるんですけど、解約って今日中にできますか？'),
    ).toContain('cancellation_request');
  });

  it('still reads a friend or colleague and their own contract as their question', () => {
    expect(strongSignalCodes('友達が返金してもらったって言ってたんですけど、どういう条件ですか')).toEqual([]);
    expect(strongSignalCodes('同僚が解約したいって言ってるんですけど、本人じゃないと無理ですか？')).toEqual(
      [],
    );
  });
});
