import { describe, expect, it } from 'vitest';
import { createEscalationClassifier } from './classify-escalation';

const rules = createEscalationClassifier({ learnedModel: false });
const codesOf = (message: string, history: { role: 'user' | 'assistant'; content: string }[] = []) =>
  rules({ message, history }).reasons.map((reason) => reason.code);

describe('isOwnApology', () => {
  it('reads 失礼 in the customer’s own apology as no complaint', () => {
    expect(codesOf('携帯のこういうのは慣れておりませんで、失礼がありましたらごめんなさい。')).toEqual([]);
    expect(codesOf('うちの社員が御社の技術者に失礼なことを言ったみたいで、申し訳ありませんでした')).toEqual(
      [],
    );
  });

  it('keeps a rudeness done to the customer', () => {
    expect(codesOf('失礼な対応をされました')).toContain('complaint');
    expect(codesOf('技術者の態度が失礼すぎる')).toContain('complaint');
    expect(codesOf('失礼なことを言われて、申し訳ないと思わないんですか')).toContain('complaint');
  });

  it('reads asking again, told as the customer’s own fault, as no complaint or repeat', () => {
    expect(codesOf('すみません、何度も同じことを聞いてしまって。歳のせいか覚えられなくて')).toEqual([]);
    expect(
      codesOf(
        "Sorry, I know I already asked, but what time exactly is the visit? The email just says 'morning'.",
        [
          { role: 'user', content: 'When is my visit?' },
          { role: 'assistant', content: 'Your visit is scheduled for Tuesday the 14th.' },
        ],
      ),
    ).toEqual([]);
  });

  it('keeps asking again that went unanswered', () => {
    expect(codesOf('何度も同じことを聞いてるのに返事がない')).toContain('complaint');
    expect(codesOf('何度も問い合わせています')).toContain('complaint');
    expect(codesOf('Sorry, I already asked this yesterday and nobody replied')).toContain(
      'repeated_question',
    );
    expect(codesOf('I already asked this yesterday')).toContain('repeated_question');
  });
});

describe('round 16 lexicon look-alikes', () => {
  it('reads feelings and words that are not the customer’s complaint as nothing', () => {
    expect(codesOf('質問なんですが、報告書に隣人の名前とか載ったりしませんよね？')).toEqual([]);
    expect(codesOf('患者さんのお子さんが怖がって泣いてしまうことがあり、対応を検討しております')).toEqual([]);
    expect(
      codesOf(
        'お隣の赤ちゃんの夜泣き、毎晩すごいです。でも赤ちゃんなので仕方ないし、文句を言うつもりはありません。',
      ),
    ).toEqual([]);
    expect(codesOf('前回はお騒がせしました。ご心配おかけしました')).toEqual([]);
  });

  it('keeps the look-alikes that escalate', () => {
    expect(codesOf('なんでいつも遅れるんですか')).toContain('complaint');
    expect(codesOf('怖がって泣いてしまうほどです')).toContain('anxiety');
    expect(codesOf('苦情というほどではないのですが、技術者の方が遅刻しました')).toContain('complaint');
  });

  it('reads a past hesitation that is over, the sound hard to hear and late at night as no concern at risk', () => {
    const atRisk = (message: string) =>
      rules({ message, account: { healthBand: 'red' } }).reasons.map((reason) => reason.code);
    expect(
      atRisk('他社さんも検討しましたが、結局こちらに戻ってきました笑　またよろしくお願いします。'),
    ).toEqual([]);
    expect(atRisk('正直、最初は他社と迷ってたんですよね。でも今は満足してます。')).toEqual([]);
    expect(atRisk('暗騒音が高い部屋だと、対象の音は分かりにくくなるってことですか？')).toEqual([]);
    expect(atRisk('When should I set the device up? The noise is mostly late at night.')).toEqual([]);
    expect(atRisk('他社と迷っています')).toContain('dissatisfaction');
    expect(atRisk('報告書が分かりにくいです')).toContain('dissatisfaction');
    expect(atRisk('The technician was late again.')).toContain('dissatisfaction');
    expect(atRisk('心配です')).toContain('anxiety');
  });
});

describe('isOwnApology and apologisesForAsking: review r16', () => {
  it('keeps a repeat that went unanswered, said any way', () => {
    for (const message of [
      "Sorry, I already asked but I haven't heard back. When will my report be ready?",
      "Sorry I know I already asked, but it's been 10 days. Where is my report?",
      'Sorry, I already asked about my report, any news?',
    ])
      expect(codesOf(message), message).toContain('repeated_question');
  });

  it('keeps a rudeness of the service softened by «申し訳ないのですが»', () => {
    expect(
      codesOf(
        '技術者さんが少々失礼な方で、こんなこと言って申し訳ないのですが、次回は別の方にしていただけますか。',
      ),
    ).toContain('complaint');
    expect(codesOf('失礼なことを申し上げてしまい、申し訳ありません。')).toEqual([]);
  });
});
