import { describe, expect, it } from 'vitest';
import { classifyEscalation } from './classify-escalation';

const codes = (message: string) =>
  classifyEscalation({ message }, { learnedModel: false }).reasons.map((reason) => reason.code);

describe('isLawyerReviewFeature: the premium plan lawyer review asked about in Japanese (round 16)', () => {
  it('is no legal step when the feature is named and nothing in the sentence is a step', () => {
    for (const message of [
      'プレミアムプランの弁護士レビューって、具体的にどんなことを見てもらえるんですか？',
      'プレミアムにしとけば弁護士の先生に報告書みてもらえるってことでいいんだよね？料金差はいくら？',
      '「弁護士レビュー」ってプレミアムだけ？スタンダードにオプションで付けられる？',
      '弁護士レビュー付きのプランって、個人でも入れますか？',
      'プレミアムの弁護士レビュー、まだ一度も使ってないんですが、どうやって申し込むんですか',
      'Premiumってもうちょっと特典あると思ってました。まあ弁護士チェックが付いてるなら妥当か',
      '弁護士さんのコメントって、何日くらいで付くんですか？',
      'レポートのテンプレートに「弁護士」という欄がありますが、Standardプランでも何か関係ありますか？',
    ])
      expect(codes(message), message).not.toContain('legal');
  });

  it("stays legal for a step of the customer's own, in the sentence or without the feature", () => {
    for (const message of [
      '弁護士レビューの結果を使って隣人を訴えたい',
      'プレミアムの弁護士さんに、隣との裁判のことも相談できますか？',
      '弁護士に相談します',
      'プレミアムの弁護士レビューで、相手に内容証明を送ってもらえますか？',
      '来週の期日に間に合わせたいので、Premiumの弁護士レビューを急ぎでお願いできますか',
      'プレミアムにしたら、弁護士の先生に隣人と交渉してもらえますか？',
      '「弁護士」に相談するしかないと思っています',
    ])
      expect(codes(message), message).toContain('legal');
  });

  it('keeps the round-15 English reading', () => {
    expect(codes('does the lawyer review mean a lawyer will contact my neighbour?')).not.toContain('legal');
    expect(codes('does the lawyer review mean I can sue my neighbour?')).toContain('legal');
    expect(codes('After the lawyer review I want a lawyer to contact my neighbour.')).toContain('legal');
  });

  it("stays legal for the customer's own lawyer, whose comment or check is no feature (review r16)", () => {
    for (const message of [
      'うちの弁護士のコメントを添付しますので、ご確認ください。',
      '顧問弁護士のコメントをもらいました。内容を確認してください。',
      '弁護士さんのチェックを受けたら、報告書に不備があると言われました。',
      '知り合いの弁護士のチェックって、プレミアムの代わりになりますか？',
    ])
      expect(codes(message), message).toContain('legal');
  });
});
