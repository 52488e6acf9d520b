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

describe('isLawyerReviewFeature: the lawyer check asked about as a feature', () => {
  it('is no legal step for the feature of the plan', () => {
    for (const message of [
      'What exactly does the lawyer check in the Premium plan cover?',
      "Does the Premium report come with a lawyer's signature or just a comment?",
      'Do you partner with any particular law firm for the Premium check, or is it random?',
      "Which plan includes the lawyer look-over? I couldn't find it on the comparison page.",
      'What time does the Premium lawyer usually respond — same day?',
      'Is the lawyer check done in Japanese only?',
      'The Premium lawyer check was very helpful, thank you, we have everything we need.',
      'And does that include the lawyer check?',
      'Is the lawyer check in Premium done by a Japanese or English-speaking lawyer?',
      'I think the whole point of Premium for us is the lawyer check. Is it done before or after the report goes live?',
      'プレミアムの弁護士チェックって、どんな弁護士さんがやってくれるんですか',
      'プレミアムの弁護士チェックと、普通の弁護士相談って何が違うんですか',
    ])
      expect(codes(message), message).not.toContain('legal');
  });

  it("stays legal for the customer's own step or a charge", () => {
    for (const message of [
      'Can the Premium lawyer check be used as evidence against my neighbour?',
      'Does the lawyer check in Premium help my case in court?',
      "We're being charged for a lawyer check on a Standard plan.",
      'I upgraded to Premium. My lawyer will contact you about the report.',
      'Premium is fine, but I need a lawyer to sue the landlord.',
      'プレミアムの弁護士チェックで、どんな弁護士さんが隣人との裁判を担当してくれますか',
      'プレミアムは高い。普通の弁護士に相談します',
    ])
      expect(codes(message), message).toContain('legal');
  });
});

describe('isLawyerReviewFeature: the customer\u2019s own lawyer or step next to the plan', () => {
  it('stays legal when the plan is named elsewhere, the lawyer is the customer\u2019s, or a step is asked', () => {
    for (const message of [
      "We're on the premium plan. My lawyer read your lawyer check and wants a call with your team.",
      'Which plan was I on in March? My lawyer wants to look at the lawyer review you did before we file.',
      'Can the premium lawyer check be used to send a warning letter to my neighbour?',
      'Premium plan here. Our attorney says the lawyer check supports our claim.',
      'Can the lawyer check in the Premium plan be filed with the council?',
    ])
      expect(codes(message), message).toContain('legal');
  });
});

describe('isLawyerReviewFeature: round 18', () => {
  it('takes back lawyer words of a question that names the feature, the partner firm and «弁護士確認»', () => {
    for (const message of [
      '弁護士レビューの報告書には、弁護士さんの名前と登録番号も載りますか？',
      '弁護士レビューをしてくれる弁護士さんって、どこの事務所の方ですか？',
      '提携の法律事務所って東京だけですか？大阪の物件なんですが、プレミアムで対応できますか',
      'プレミアムにアップグレードするといつから弁護士確認の報告書になりますか？',
      'How does the lawyer-reviewed report in Premium work? Like does the lawyer just sign off on it or do they add comments?',
    ])
      expect(codes(message), message).not.toContain('legal');
  });

  it('keeps the review ordered for the customer’s own dispute, and a step in the question', () => {
    for (const message of [
      'プレミアムの弁護士レビュー、今回の測定結果でお願いします。来月、相手方との話し合いで使う予定です',
      'プレミアムの弁護士レビュー、お願いします。管理会社に提出します',
      '弁護士レビューの弁護士さんに、隣との裁判のことも相談できますか？',
      'How does the lawyer review work? Can the lawyer represent me against my landlord?',
    ])
      expect(codes(message), message).toContain('legal');
  });
});

describe('isLawyerReviewFeature: a case handed to the feature’s or the partner’s lawyer (review r18, H5)', () => {
  it('stays legal when the customer asks the partner firm or the review’s lawyer to take a case', () => {
    for (const message of [
      '提携先の法律事務所に、この件をお願いしたいです。',
      '弁護士レビューの弁護士さんに、そのまま依頼することはできますか？',
      '提携の弁護士さんを紹介してもらえますか？隣人とのトラブルで',
      '提携の法律事務所に頼むことはできますか？',
    ])
      expect(codes(message), message).toContain('legal');
  });

  it('still takes back questions about the partner firm and the review', () => {
    for (const message of [
      '提携の法律事務所って東京だけですか？大阪の物件なんですが、プレミアムで対応できますか',
      '弁護士レビューをしてくれる弁護士さんって、どこの事務所の方ですか？',
      '弁護士レビュー、お願いできますか？',
    ])
      expect(codes(message), message).not.toContain('legal');
  });
});
