import { describe, expect, it } from 'vitest';
import { strongSignalCodes } from '../test-utils/strong-codes';

describe('round 18: refund or cancellation words shouted by a neighbour or a story character', () => {
  it('reads them as no request', () => {
    expect(
      strongSignalCodes(
        '隣の人、夜中に電話で「金返せ！」って怒鳴ってて、それが毎晩なんです。声の大きさって測定できますか？',
      ),
    ).toEqual([]);
    expect(
      strongSignalCodes(
        '昨日ドラマで「契約解除だ！」って叫ぶシーンがあって笑った。ちなみに声の測定もできます？',
      ),
    ).toEqual([]);
    expect(
      strongSignalCodes(
        "Watched a movie last night where the guy screams 'you're cancelled!' at his boss, ha. Anyway — can you measure stomping?",
      ),
    ).toEqual([]);
  });

  it('keeps the customer’s own words, the service’s promise, and a request beside a shouting neighbour', () => {
    expect(strongSignalCodes('正直「金返せ！」って叫びたいです。測定データが全部消えてました。')).toContain(
      'refund_request',
    );
    expect(strongSignalCodes('担当の人が「返金します」と言ってたのに、まだです。返金してください')).toContain(
      'refund_request',
    );
    expect(
      strongSignalCodes('My neighbour keeps shouting all night, I want to cancel my subscription.'),
    ).toContain('cancellation_request');
    expect(strongSignalCodes("I screamed 'cancel it' at the phone. Cancel my plan please.")).toContain(
      'cancellation_request',
    );
  });
});
