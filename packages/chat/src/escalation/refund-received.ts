/**
 * A refund the customer reports received (round 16). Told as done together with thanks or a word
 * that closes the matter, and with nothing wrong about it — «返金確認できました。ご対応ありがとう
 * ございました», «返金、今日カードに戻ってきてました。お手数おかけしました», «返金の処理してもらったの確認
 * しました。大丈夫です», "The refund hit my account today. Thanks!", "…the refund line on my statement
 * is the one you processed last week, right? Looks correct." — it is neither a request nor a
 * question about the policy, and gives no refund signal at all (an inquiry would escalate for an
 * account at risk). A refund told as done without such a closing stays an inquiry. A refund that
 * came short, wrong or late is still owed, whatever else the message says: «返金されましたが、金額が
 * 足りません», "The refund came through but it's only half" ask for the rest.
 */

import { isResolvedPast } from './resolved-past';

// Thanks, or a word that says the matter is settled; anywhere in the message («ありがとうございます、
// 返金確認できました»).
const closing =
  /ありがと|感謝|お手数(?:を)?おかけ|助かり|大丈夫です|問題(?:ない|ありません)|了解|承知|\bthank|\bthx\b|\bcheers\b|\bappreciate|\ball (?:good|sorted|set)\b|\blooks? (?:correct|right|good|fine)\b|\bperfect\b/u;
// A refund short, wrong or late: read after the refund word, in its sentence and the next one.
const shortOrLate =
  /足りな|足りま|少な(?:い|かった|すぎ|く)|半分(?:しか|だけ)|一部(?:しか|だけ)|(?:円|分|割)しか|(?:金額|額)(?:が|は)?(?:違(?:う|います|って(?:い)?(?:る|ます))|間違って(?:い)?(?:る|ます)|おかしい|合って(?:い)?(?:ない|ません)|合わない|合いません)|遅(?:すぎ|かった)|時間がかかりすぎ|\bonly (?:half|part|a part|a portion|partial|some|\d|[¥$€£])|\b(?:is|was|were|came up|fell) short\b|\bshort by\b|\bless than (?:i|we|what|the|expected|agreed|promised|quoted)\b|\bnot the full\b|\b(?:wrong|incorrect) amount\b|\b(?:too|weeks|months) late\b|\btook (?:over |more than |almost |nearly )?(?:\d+|two|three|four|five|six|several|a few) (?:weeks|months)\b/u;
// Anything after the refund that leaves the matter open keeps the inquiry: "still", «まだ», "but".
const leftOpen = /まだ|未だ|なのに|違|おかし|\bstill\b|\byet\b|\bbut\b|\bhowever\b|\bwrong\b|\bmissing\b/u;
const sentenceStop = /[。!?\n]|\.(?:\s|$)/u;

/** The text from `end` to the end of the sentence after the one it is in. */
function thisAndNextSentence(text: string, end: number): string {
  return text.slice(end).split(sentenceStop, 2).join(' ');
}

// A question about a refund not yet made asks about the policy («返金は全額ですか、それとも一部だけ
// ですか», "Will the refund be less than what I paid?"); one told in the past stays a complaint.
const question = /\?|ますか|ですか|でしょうか/u;
const toldInPast = /た|ました|\b(?:came|went|was|were|got|arrived|received|landed|showed)\b/u;

/** True when the refund word ending at `end` of normalised text is said to have come short, wrong or late. */
export function isRefundShort(text: string, end: number): boolean {
  const window = thisAndNextSentence(text, end);
  if (!shortOrLate.test(window)) return false;
  const rest = text.slice(end);
  const stop = sentenceStop.exec(rest);
  const sentence = stop === null ? rest : rest.slice(0, stop.index + stop[0].length);
  return !(question.test(sentence) && !toldInPast.test(window));
}

/**
 * True when the refund at [start, end) of normalised text is told as done and the message closes
 * it with thanks or "fine", with nothing after it left open.
 */
export function isRefundReceivedAndClosed(text: string, start: number, end: number): boolean {
  return (
    closing.test(text) &&
    !leftOpen.test(text.slice(end)) &&
    !isRefundShort(text, end) &&
    isResolvedPast(text, start, end, true)
  );
}
