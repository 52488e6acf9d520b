/**
 * A person named in a message that asks for none (round 16): talked to already («あのあと上の方と
 * 話せて、今は静かです»), put off to the day of the visit («担当者と話すのは当日で大丈夫です»), the
 * topic of a remark whose comma normalisation dropped («管理会社の担当者、話は聞いてくれるけど…»
 * becomes «担当者話は…»), and a call already arranged that the customer only asks about ("I was told
 * someone would call me tomorrow — what number will it come from?"). A wish stays a request:
 * «担当者と話したいです», «担当者と話せたらいいのですが», «担当者と話せていません», "I was told
 * someone would call me, nobody did".
 *
 * Runs on normalised text, on the evidence of a human-request match at [start, end).
 */

// 話せて, 話せた, 話せました, 話しました: the talk happened (not 話せたら, 話せていない, 話したい, and since
// review r16 not «話せた方が早い», «話した方が早い»).
const talkedAfter = /^(?:せ(?:て(?!(?:い)?な)|た(?![らいほ方])|まし)|し(?:た(?![いくらほ方])|まし(?!ょう)))/u;
// 話すのは当日で大丈夫です, 話すのは後でいいです: the talk is put off, nothing is asked now.
const putOffAfter =
  /^[ぁ-ん]{0,3}?のは[^。!?]{0,10}?(?:で|でも)(?:大丈夫|いい|良い|結構|構いません|かまいません)/u;
// «担当者話は»: no particle between the person and 話, which is the topic (は) of the remark (not
// «電話で話はできませんか»).
const topicWithoutParticle = /[^とにをへらは接おで]話$/u;
// "I was told someone would call me": the call is arranged by the company.
const arranged =
  /\b(?:told|said|promised|arranged|scheduled|booked|confirmed)\b[^.?!]{0,30}\b(?:would|will|is going to|is to)\b/u;
// …and the customer asks about it: from what number, at what time, when.
const askedAbout = /\b(?:what|which) (?:number|time)\b|\bwhen (?:will|would|should|is)\b/u;
// …and not overdue: "its thursday now", "it has been a week" (review r16).
const notHappened =
  /\b(?:nobody|no one|never|still|yet|didnt|did not|hasnt|has not|havent|have not|its been|it has been|days|weeks?|overdue|\w+day now)\b/u;

/** True when the human request at [start, end) of normalised text asks for no person (see the file comment). */
export function isPersonNotRequested(text: string, start: number, end: number): boolean {
  const evidence = text.slice(start, end);
  const after = text.slice(end, end + 40);
  if (evidence.endsWith('話')) {
    if (talkedAfter.test(after) || putOffAfter.test(after)) return true;
    if (topicWithoutParticle.test(evidence) && after.startsWith('は')) return true;
  }
  return (
    arranged.test(text.slice(Math.max(0, start - 40), end)) &&
    askedAbout.test(text) &&
    !notHappened.test(text)
  );
}
