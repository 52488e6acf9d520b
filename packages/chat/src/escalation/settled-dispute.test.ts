import { describe, expect, it } from 'vitest';
import { classifyEscalation } from './classify-escalation';

const codes = (message: string) =>
  classifyEscalation({ message }, { learnedModel: false }).reasons.map((reason) => reason.code);

describe('isSettledBeforeStep: a dispute settled before a legal step (round 16)', () => {
  it('is no legal step when the dispute was settled first, in the past, with nothing open', () => {
    for (const message of [
      '以前、騒音で揉めて簡易裁判までいきかけましたけど、結局は示談で話がつきました。今回は新居での相談です',
      '隣との件は去年、弁護士を入れる前に話し合いで片付きました',
      '以前、上の階と揉めたときは、調停の前に話し合いで解決しました',
      '一時は本気で弁護士に頼もうかと思ったこともあるんです。でも結局、管理組合の理事長さんが間に入ってくれて、話し合いでおさまりました',
      '隣との揉め事、裁判になる前に話し合いで解決しました',
      'We settled things with the neighbour before it ever got near a court.',
    ])
      expect(codes(message), message).not.toContain('legal');
  });

  it('stays legal for a settlement hoped for, denied, or with something open after it', () => {
    for (const message of [
      '調停になる前に和解したいです',
      '弁護士を入れる前に話し合いで解決したいです',
      '調停の前に話し合いで解決しましたか？',
      '簡易裁判までいきかけましたけど、結局は示談で話がつきました。でも相手がお金を払いません',
      '裁判までいきかけましたが、結局話し合いでは解決しませんでした',
      '一時は本気で弁護士に頼もうかと思ったこともあるんです。でも結局、話し合いでおさまりました。ところがまた最近うるさくて',
      '弁護士に頼もうかと思っています。結局話し合いで解決しませんでした',
      '示談で話がついたと思ったのに、また騒音が始まりました',
      'We never settled things before it got near a court.',
      "We settled things with the neighbour before it ever got near a court, but they're at it again.",
    ])
      expect(codes(message), message).toContain('legal');
  });

  it('stays legal when the trouble came back after the settlement (review r16)', () => {
    for (const message of [
      '一時は本気で弁護士に頼もうかと思ったこともあるんです。でも結局、話し合いでおさまりました。ところが今月に入って再発しています',
      '隣との件は去年、弁護士を入れる前に話し合いで片付きました。相手が約束を破って、また夜中にうるさいです',
    ])
      expect(codes(message), message).toContain('legal');
  });
});

describe('isSettledBeforeStep: a claim of the customer\u2019s own after the settlement (review r17)', () => {
  it('stays legal when a new claim follows the settled wish', () => {
    for (const message of [
      '上の人を訴えたい気持ちもあったけど、話し合って解決しました。ただ御社の報告書が遅れたせいで損害が出たので、その分は請求します。',
      '上の人を訴えたい気持ちもあったけど、話し合って解決しました。それとは別に、御社に賠償を求めます。',
    ])
      expect(codes(message), message).toContain('legal');
  });
});
