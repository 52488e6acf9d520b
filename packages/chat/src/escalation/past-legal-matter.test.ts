import { describe, expect, it } from 'vitest';
import { classifyEscalation } from './classify-escalation';
import { isPastLegalMatter } from './past-legal-matter';

const codes = (message: string) =>
  classifyEscalation({ message }, { learnedModel: false }).reasons.map((reason) => reason.code);

describe('isPastLegalMatter: a legal step of long ago, over and unrelated (round 17)', () => {
  it('is no legal step when it is long past and said to be over', () => {
    for (const message of [
      'We had a lawsuit with the previous owner about ten years ago, long over. Just mentioning because the building history came up. Can you come Tuesday?',
      'Back in 2019 I went to court over a rental deposit, unrelated to noise. Do you need my previous addresses for the account?',
      '父が昔、騒音で裁判やったことあるんですよ（もう20年前の話です）。それで興味があって。メーターのレンタル期間は最長何日ですか',
      '3年前に裁判して勝ったんですけど、今は別の家です。今回は普通にメーターをレンタルしたいだけです',
      '去年は管理会社と揉めて、弁護士にも相談しました。今はもう引っ越して解決済みです。新居でも念のためメーター借りたいです',
      '去年の騒音トラブルの件、結局調停になって終わりました。ほんとにお世話になりました',
    ])
      expect(codes(message), message).not.toContain('legal');
  });

  it('stays legal when anything is open after it, or the step is now', () => {
    for (const message of [
      '3年前に裁判して勝ったのに、また同じ騒音が始まりました',
      '去年弁護士に相談しましたが、まだ解決していません',
      'We went to court years ago and it is over, but now they are at it again.',
      'Two years ago I took your company to court and it was settled, unrelated to this.',
      '昔裁判やったことがあるので、今回も訴えるつもりです',
      'Years ago I went to court over noise. I am going to court again.',
      '去年から弁護士に相談しています',
    ])
      expect(codes(message), message).toContain('legal');
  });

  it('needs a past time, a past step and the matter over', () => {
    const text = 'we had a lawsuit ten years ago, long over.';
    const at = text.indexOf('lawsuit');
    expect(isPastLegalMatter(text, at, at + 7)).toBe(true);
    const now = 'we have a lawsuit now, long over soon i hope.';
    const nowAt = now.indexOf('lawsuit');
    expect(isPastLegalMatter(now, nowAt, nowAt + 7)).toBe(false);
  });
});

describe('isPastLegalMatter: the matter reopened in the next sentence (review r17)', () => {
  it('stays legal when a later sentence says it is back or ignored', () => {
    for (const message of [
      "We went to court with the neighbour 2 years ago and the judge ordered him to keep it down, it was all settled. He's ignoring the order now and the noise is worse than ever. What can I do?",
      "Back in 2022 I consulted a lawyer about the upstairs tenant, it's all done. He moved back in last month and it's starting over.",
      '3年前に裁判して勝ったんですけど、もう昔の話です。最近また同じ騒音が始まりました。',
    ])
      expect(codes(message), message).toContain('legal');
  });
});

describe('isPastLegalMatter and isSettledBeforeStep: round 18', () => {
  it('takes back a case of an earlier home, of another kind, or settled out of court', () => {
    for (const message of [
      '前に住んでたアパートで騒音訴訟をしたことがあります（もう終わってます）。今の家は静かなので測定ってできますか',
      '以前は弁護士さんに入ってもらっていましたが、和解が成立して今は落ち着いています。今回は別件です',
      '昔、前に住んでたところで家賃のことで裁判したことがあって、それ以来記録を残すのが大事だと思ってるんです。',
      'Our case last year settled out of court, thanks partly to your report. New apartment now — can we book?',
    ])
      expect(codes(message), message).not.toContain('legal');
  });

  it('keeps one still open', () => {
    for (const message of [
      '前の家で騒音の裁判をやって和解したのに、また同じ騒音が始まりました',
      '昔家賃のことで裁判したことがあって、今回も同じ大家さんです。また訴えます',
      'We want to settle out of court, can your report help?',
      'Our case settled out of court but they still haven’t paid.',
    ])
      expect(codes(message), message).toContain('legal');
  });
});

describe('isPastLegalMatter: a settlement broken since (review r18, M4)', () => {
  it('stays legal when the other side no longer keeps the settlement', () => {
    for (const message of [
      '以前は弁護士さんに入ってもらっていましたが、和解が成立して今は落ち着いています。ただ最近、隣の人が和解の条件を守らなくなってきました。',
      '昔、騒音で裁判して和解しました。もう終わりました。でも相手が和解の内容に違反しています。',
    ])
      expect(codes(message), message).toContain('legal');
  });

  it('still takes back a settlement that holds', () => {
    expect(
      codes(
        '以前は弁護士さんに入ってもらっていましたが、和解が成立して今は落ち着いています。ルールは守られています。',
      ),
    ).not.toContain('legal');
  });
});
