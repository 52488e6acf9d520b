import { describe, expect, it } from 'vitest';
import { classifyEscalation } from './classify-escalation';

const codes = (message: string) =>
  classifyEscalation({ message }, { learnedModel: false }).reasons.map((reason) => reason.code);

describe('isLegalStepNotMeant: places, shows, professions, quoted terms, jokes (round 17)', () => {
  it('is no legal step for a place, a show, a profession or jury duty', () => {
    for (const message of [
      'Haha my wife keeps watching that courtroom drama where they sue the noisy neighbours. Anyway, price for a visit?',
      'My office is in the same building as a law firm. Their printer is the loudest thing here lol. Need a measurement for our open-plan area.',
      'My neighbour is a judge, funnily enough, and very quiet. The noise is from the street. Visit Monday?',
      "I'm a court stenographer so I'm used to noise lol. Need an office assessment for my home studio.",
      'Where is your office? Near the district court?',
      '事務所が地方裁判所のすぐ近くなんですが、訪問エリアに入っていますか？',
      '法律事務所の入ってるビルなんですが、入館手続きが必要なので技術者さんのお名前を事前に教えてください',
      '近所の弁護士事務所の看板、夜中も光ってて眩しいんですよね笑 音じゃないからダメか。測定の予約したいです',
      '姉が司法書士なんですけど、それは置いといて、訪問の時間を変えたいです',
      '友達の結婚相手が裁判官らしいです笑 どうでもいい話ですみません。レポートの再発行お願いします',
      '裁判員に選ばれちゃって、その週は予約を全部ずらしたいです',
      '夫のいびきのほうがうるさいので、夫を訴えたいくらいです（笑）それはさておき、騒音計のレンタルは最短いつからですか',
      "People on a forum told me to sue straight away, but I'm not going down that road. I just want a clear report.",
    ])
      expect(codes(message), message).not.toContain('legal');
  });

  it("stays legal for the customer's own step next to the same words", () => {
    for (const message of [
      'I watched a show last night and now I want to sue my neighbour.',
      'The law firm in our building will take the neighbour to court for us.',
      'My neighbour is suing me. Can your report help in court?',
      'The judge asked for a noise report before the hearing.',
      '地方裁判所に訴えを起こしました',
      '弁護士事務所に相談しに行きます',
      '弁護士事務所のビルに行って相談してきました',
      '上の人を訴えたいくらいです笑',
      '裁判官に報告書を出す必要があります',
      'People on a forum told me to sue, and honestly I am thinking about it.',
      '警察にも相談済みなので、測定の方をお願いします。',
    ])
      expect(codes(message), message).toContain('legal');
  });

  it('is no legal step for a quoted term asked about, or general curiosity', () => {
    for (const message of [
      '「示談」ってどういう意味ですか？ニュースで見て。うちは関係ないです',
      '「法的措置」って言葉がレポートに出てきたんですが、どういう意味で書かれてるんですか',
      '「損害賠償」って言葉、利用規約に出てくるんですけど、これって御社が払う側ってこと？単なる質問です',
      '小説で「騒音訴訟」ってタイトルの本読んでて笑いました。さて、更新手続きってどうやるんでしたっけ',
      'How loud is too loud legally-speaking? Just general curiosity, no issue at the moment.',
    ])
      expect(codes(message), message).not.toContain('legal');
  });

  it('stays legal when the quote or the question is about the own case', () => {
    for (const message of [
      '規約に「損害賠償」と書いてあるので、請求します',
      '「示談」ってどういう意味ですか？うちも示談にしたいです',
      'Can I legally make them stop? Just curious, no issue yet.',
      'How loud is too loud legally? My neighbour is unbearable.',
      '「訴えるぞ」って上の人に言われました',
    ])
      expect(codes(message), message).toContain('legal');
  });

  it('is no legal step for a wish to sue given up after talking it out', () => {
    expect(
      codes('上の人を訴えたい気持ちもあったけど、冷静になって話し合いで解決しました。ありがとう'),
    ).not.toContain('legal');
    expect(
      codes('上の人を訴えたい気持ちもあったけど、話し合いで解決しました。でも相手がまた騒いでいます'),
    ).toContain('legal');
    expect(codes('上の人を訴えたい気持ちもあったけど、解決したいので話し合います')).toContain('legal');
  });
});

describe('isLegalStepNotMeant: a place word next to a step of the customer\u2019s own (review r17)', () => {
  it('stays legal when the sentence with the place or the sign also takes a step', () => {
    for (const message of [
      '近所の弁護士事務所の看板を見て、相談に行こうと思ってます。',
      '裁判所のすぐ近くに住んでるので、明日にでも訴状を出しに行きます。',
      '明日訴状を出しに行きます。',
      '法律事務所の入ってるビルに行って、依頼してきます。',
    ])
      expect(codes(message), message).toContain('legal');
  });

  it('is still no legal step for the place or the sign alone', () => {
    for (const message of [
      '近所の弁護士事務所の看板がうるさい色で笑いました。',
      '裁判所のすぐ近くに住んでるので、朝は車が多いです。',
      '法律事務所の入ってるビルの3階がうちの事務所です。',
    ])
      expect(codes(message), message).not.toContain('legal');
  });
});
