import { describe, expect, it } from 'vitest';
import { classifyEscalation } from './classify-escalation';

const codes = (message: string) =>
  classifyEscalation({ message }, { learnedModel: false }).reasons.map((reason) => reason.code);

describe('isLawyerReviewFeature: the lawyer check asked about as a feature (round 17)', () => {
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

describe('isLawyerReviewFeature: the customer\u2019s own lawyer or step next to the plan (review r17)', () => {
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
