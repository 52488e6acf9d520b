import { sentenceAround } from './sentence-around';

/**
 * The premium plan's lawyer review, named as a feature of the plan, is the service's own lawyer and
 * no legal step: "does the lawyer review mean a lawyer will contact my neighbour?" (round 15),
 * «プレミアムプランの弁護士レビューって、具体的にどんなことを見てもらえるんですか？», «プレミアムにしとけば
 * 弁護士の先生に報告書みてもらえるってことでいいんだよね？», «弁護士さんのコメントって、何日くらいで付くん
 * ですか？», «レポートのテンプレートに「弁護士」という欄がありますが…» (round 16). Only the lawyer, and
 * only when nothing in the sentence is a step of the customer's own: «弁護士レビューの結果を使って隣人を
 * 訴えたい», «プレミアムの弁護士さんに、隣との裁判のことも相談できますか？», "does the lawyer review mean
 * I can sue them?" or "…represent me against my landlord?" stay legal.
 */

// In English the feature is asked about in a question. Round 17: also «lawyer check», «look-over»,
// «comment», «sign-off», «the Premium lawyer», «a lawyer's signature» and «the Premium check», and not
// only in a question when the plan is named in the message (11 of the round's 13 English false
// alarms on the feature: "What exactly does the lawyer check in the Premium plan cover?", "Which plan
// includes the lawyer look-over?", "The Premium lawyer check was very helpful, thank you", "Do you
// partner with any particular law firm for the Premium check, or is it random?").
const englishFeature =
  /\blawyer[- ](?:review|check|look[- ]?over|comment|sign[- ]?off)|\b(?:reviewed|checked|supervised) by (?:a |the )?lawyers?\b|\bpremium (?:plan )?(?:lawyer|check)\b|\blawyers signature\b/u;
const englishLawyer = /^(?:lawyers?|attorneys?|law firm)$/u;
// Review r17: the plan named in the word's own sentence, not anywhere in the message: "We're on the
// premium plan. My lawyer read your lawyer check and wants a call with your team." is the customer's
// lawyer, a sentence after the plan.
const englishPlanInSentence = /\bpremium\b|\b(?:plan|tier)s?\b/u;
// Review r17: …and never the customer's own lawyer ("my lawyer", "our attorney", "my own lawyer").
const englishOwnLawyerBefore =
  /\b(?:my|our|his|her|their|mine|ours)(?: (?:own|family|personal|private|new|current))? $/u;
// Round 17: …and a charge for it is a dispute ("We're being charged for a lawyer check on a Standard
// plan"). Review r15: a lawyer acting against someone in the question is the customer's own step: "does the
// lawyer review mean a lawyer will represent me against my landlord?", "…take my landlord on for me?".
// Review r17: a letter, a warning or a filing is one too ("Can the premium lawyer check be used to send
// a warning letter to my neighbour?", "…before we file"), and so is the neighbour or the landlord as
// the one written to, told or acted on ("to my neighbour"). "…a lawyer will contact my neighbour?"
// (round 15) stays the feature asked about.
const englishStepInSentence =
  /\b(?:represent\w*|against|dispute|claim|case|take [a-z ]{0,30}\bon\b|court|sue|suing|evidence|tribunal|hearing|mediation|compensation|damages|charged|billed|charging|letters?|warn\w*|file|filed|filing|police|(?:to|at|on|with|for|about) (?:my|our|the) (?:[a-z]+ )?(?:neighbou?rs?|landlord|tenants?|upstairs|downstairs))\b/u;

// In Japanese the feature is named right after the word («弁護士レビュー», «弁護士チェック», «弁護士さん
// のコメント»), or the premium plan before it and the report read after it («プレミアムにしとけば弁護士
// の先生に報告書みてもらえる»), in a question or not («まあ弁護士チェックが付いてるなら妥当か»)…
// Round 18: «弁護士確認の報告書» too.
const japaneseFeatureAfter = /^(?:さん|の先生)?(?:の)?(?:れびゅー|ちぇっく|こめんと|確認の)/u;
// Review r16: a lawyer's comment or check is the plan's only when the plan or an option is named in
// the message, the feature is called by its name («弁護士レビュー»), or it is the topic of a question
// («弁護士さんのコメントって、何日くらいで付くんですか？»). «弁護士さんのチェックを受けたら、報告書に不備が
// あると言われました» is the customer's own lawyer.
const japaneseFeatureName = /^れびゅー/u;
const planInMessage = /ぷれみあむ|premium|ぷらん|おぷしょん/u;
const japaneseFeatureTopicAfter = /^(?:さん|の先生)?(?:の)?(?:れびゅー|ちぇっく|こめんと)(?:って|は)/u;
// …and never a lawyer of the customer's own: «うちの弁護士», «顧問弁護士», «知り合いの弁護士».
const ownLawyerBefore =
  /(?:うちの|顧問|知り合いの|私の|わたしの|こちらの|自分の|友人の|友達の|当社の|弊社の)$/u;
// Round 17: in a question about the plan's feature, another lawyer word of the same sentence that asks
// which lawyer or compares with an ordinary one («プレミアムの弁護士チェックって、どんな弁護士さんがやっ
// てくれるんですか», «プレミアムの弁護士チェックと、普通の弁護士相談って何が違うんですか»).
const japaneseFeatureInSentence =
  /(?:ぷれみあむ|premium)[^。!?]{0,16}弁護士(?:さん|の先生)?の?(?:れびゅー|ちぇっく|こめんと)/u;
const whichLawyerBefore = /(?:どんな|どの|どういう|普通の|一般の|通常の|ほかの|他の)$/u;
const japaneseQuestionInSentence = /何が違|違い|どんな|どの|どういう|ですか|ますか/u;
const japanesePlanBefore = /(?:ぷれみあむ|premium)[^。!?]{0,16}$/u;
const japaneseReportReadAfter =
  /^(?:さん|の先生)?(?:に|が)[^。!?]{0,8}?(?:報告書|れぽーと)を?(?:見|み|ちぇっく|確認|目を通)/u;
// …or the word is a field of the report's template: «「弁護士」という欄», «「弁護士」の項目».
const japaneseFieldAfter = /^[」』](?:という|って|の)?(?:欄|項目|記入欄)/u;
// …with no step of the customer's own in the sentence: a suit, a court or its date («来週の期日に間に
// 合わせたいので、Premiumの弁護士レビューを急ぎで»), evidence, a dispute, the other party, a claim or a
// letter to them.
// Round 18: not the service's mediation named with the review («弁護士チェックとか調停とか付くなら»,
// «調停と弁護士レビューって、どっちが先»).
const japaneseStepInSentence =
  /訴|裁判|調停(?!と弁護士|とか弁護士|とか付|(?:が|も)付|員)|示談|賠償|慰謝料|法的|内容証明|期日|証拠|請求|交渉|代理|揉め|争|相手|隣|大家|管理会社に|警告/u;

// Round 18: in a question whose sentence names the feature («弁護士レビューの報告書には、弁護士さんの名前と
// 登録番号も載りますか？», «弁護士レビューをしてくれる弁護士さんって、どこの事務所の方ですか？», «弁護士監修
// って、実際に弁護士さんと話せるわけではないんですよね？»), every lawyer word of it is the feature's lawyer.
const japaneseFeatureNamedInSentence = /弁護士(?:さん)?の?(?:れびゅー|ちぇっく)|弁護士監修/u;
// Round 18: the service's partner firm or lawyer («提携の法律事務所って東京だけですか？»).
const partnerBefore = /提携(?:先)?の?$/u;
// Review r18 (H5): …but a case handed to the partner's or the review's lawyer is a step: «提携先の法律事務所
// に、この件をお願いしたいです», «弁護士レビューの弁護士さんに、そのまま依頼することはできますか？», «提携の弁護士
// さんを紹介してもらえますか？». Read with the partner and the feature-question forms only: «弁護士レビュー、
// お願いできますか？» orders the feature itself.
const caseHandedInSentence = /依頼|お願い|頼(?:み|ん|む|め)|この件|紹介/u;
// Round 18: …but the review ordered for the customer's own dispute is a legal step, in any sentence
// after the word: «プレミアムの弁護士レビュー、今回の測定結果でお願いします。来月、相手方との話し合いで使う
// 予定です» (a miss of round 17).
const ownDisputeUseAfter =
  /(?:相手|隣|大家|管理会社|管理組合|話し合い|交渉)[^。!?]{0,16}?(?:使|出(?:す|し)|提出|見せ)/u;

// How far each side of the lawyer word its sentence is looked for (review r17: a long message with a
// lawyer word every few words stays fast).
const featureWindow = 160;

/** True when the lawyer word at [start, end) of normalised text names the premium plan's lawyer review. */
export function isLawyerReviewFeature(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end);
  if (word === '法律事務所') {
    if (!partnerBefore.test(text.slice(Math.max(0, start - 8), start))) return false;
    const { sentence } = sentenceAround(text, start, end, featureWindow);
    return !japaneseStepInSentence.test(sentence) && !caseHandedInSentence.test(sentence);
  }
  if (!englishLawyer.test(word) && word !== '弁護士' && word !== 'べんごし') return false;
  const { sentence, question } = sentenceAround(text, start, end, featureWindow);
  if (englishLawyer.test(word))
    return (
      (question || englishPlanInSentence.test(sentence)) &&
      !englishOwnLawyerBefore.test(text.slice(Math.max(0, start - 24), start)) &&
      // Round 18: or the sentence before it in a question ("How does the lawyer-reviewed report in
      // Premium work? Like does the lawyer just sign off on it…?").
      (englishFeature.test(sentence) ||
        (question && englishFeature.test(text.slice(Math.max(0, start - featureWindow), start)))) &&
      !englishStepInSentence.test(sentence)
    );
  const before = text.slice(Math.max(0, start - 24), start);
  const after = text.slice(end, end + 32);
  if (ownLawyerBefore.test(before) || ownDisputeUseAfter.test(text.slice(end, end + 120))) return false;
  const featureOfPlan =
    japaneseFeatureAfter.test(after) &&
    (japaneseFeatureName.test(after) ||
      planInMessage.test(text) ||
      (question && japaneseFeatureTopicAfter.test(after)));
  const whichLawyer =
    whichLawyerBefore.test(before) &&
    japaneseFeatureInSentence.test(sentence) &&
    (question || japaneseQuestionInSentence.test(sentence));
  const named =
    featureOfPlan ||
    whichLawyer ||
    japaneseFieldAfter.test(after) ||
    (japanesePlanBefore.test(before) && japaneseReportReadAfter.test(after));
  const partnerOrAsked =
    partnerBefore.test(before) || (question && japaneseFeatureNamedInSentence.test(sentence));
  if (!named && !partnerOrAsked) return false;
  if (japaneseStepInSentence.test(sentence)) return false;
  return named || !caseHandedInSentence.test(sentence);
}
