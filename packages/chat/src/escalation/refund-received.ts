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

import { lastMatchStart, oncePerMessage } from './once-per-message';
import { isResolvedPast } from './resolved-past';
import { sentenceEnd } from './sentence-around';

// Thanks, or a word that says the matter is settled (round 17: "You can close the ticket", «無事確認でき
// ました»); anywhere in the message («ありがとうございます、
// 返金確認できました»).
const closing =
  /ありがと|感謝|お手数(?:を)?おかけ|助かり|大丈夫です|問題(?:ない|ありません)|了解|承知|\bthank|\bthx\b|\bcheers\b|\bappreciate|\ball (?:good|sorted|set)\b|\blooks? (?:correct|right|good|fine)\b|\bperfect\b|\b(?:you can|feel free to|please|go ahead and) close (?:the|this|my) (?:ticket|case|chat|request)\b|無事(?:に)?(?:確認|届|入|戻|着金)/u;
// A refund short, wrong or late (round 17: not "Sorry I was short with you earlier!"; review r17: half
// or part of it after a «ただ» or «でも», «ただ金額が半分でした»): read after the refund word, in its sentence and the next one for
// the refund still owed; anywhere after it for the closing (review r16: «返金確認できました。ありがと
// うございます。ただ時間かかりすぎですね。»).
const shortOrLate =
  /(?:(?<!い)ただ(?!いま)|でも|しかし|ですが|けど)[^。!?]{0,12}?(?:半分|不足|一部)|足りな|足りま|少な(?:い|かった|すぎ|く)|半分(?:しか|だけ)|一部(?:しか|だけ)|(?:円|分|割)しか|(?:金額|額)(?:が|は)?(?:違(?:う|います|って(?:い)?(?:る|ます))|間違って(?:い)?(?:る|ます)|おかしい|合って(?:い)?(?:ない|ません)|合わない|合いません)|遅(?:すぎ|かった)|時間(?:が)?かかりすぎ|\bonly (?:half|part|a part|a portion|partial|some|\d|[¥$€£])|\b(?:is|was|were|came up|fell) short\b(?! with\b)|\bshort by\b|\bless than (?:i|we|what|the|expected|agreed|promised|quoted)\b|\bnot the full\b|\b(?:wrong|incorrect) amount\b|\b(?:too|weeks|months) late\b|\btook (?:over |more than |almost |nearly )?(?:\d+|two|three|four|five|six|several|a few) (?:weeks|months)\b/u;
// Anything after the refund that leaves the matter open keeps the inquiry: "still", «まだ», "but";
// review r16: "although", «ただ» (not «いただ», «ただいま»).
const leftOpen =
  /まだ|未だ|なのに|違|おかし|(?<!い)ただ(?!いま)|\bstill\b|\byet\b|\bbut\b|\bhowever\b|\b(?:al)?though\b|\bwrong\b|\bmissing\b/u;
/** How far after the refund word its sentence and the next are read (a bounded window keeps it linear). */
const window = 300;

/** The text from `end` to the end of the sentence after the one it is in, within the window. */
function thisAndNextSentence(text: string, end: number): string {
  return text
    .slice(end, end + window)
    .split(sentenceEnd, 2)
    .join(' ');
}

// Found once per message (review r16: a long message of refunds had been read in quadratic time).
const lastLeftOpen = lastMatchStart(leftOpen);
const lastShortOrLate = lastMatchStart(shortOrLate);
const hasClosing = oncePerMessage((text) => closing.test(text));

// A question about a refund not yet made asks about the policy («返金は全額ですか、それとも一部だけ
// ですか», "Will the refund be less than what I paid?"); one told in the past stays a complaint. A
// Japanese past is a verb's た (not «また», «あなた», «ただ», nor «借りたい»), «でした» or «だった».
const question = /\?|ますか|ですか|でしょうか/u;
const toldInPast =
  /[っんいしきちにみりぎびじえけせてでねべめれ]た(?![らりだい])|でした|だった|\b(?:came|went|was|were|got|arrived|received|landed|showed)\b/u;

/** True when the refund word ending at `end` of normalised text is said to have come short, wrong or late. */
export function isRefundShort(text: string, end: number): boolean {
  const sentences = thisAndNextSentence(text, end);
  if (!shortOrLate.test(sentences)) return false;
  const rest = text.slice(end, end + window);
  const stop = sentenceEnd.exec(rest);
  const sentence = stop === null ? rest : rest.slice(0, stop.index + stop[0].length);
  return !(question.test(sentence) && !toldInPast.test(sentences));
}

/**
 * True when the refund at [start, end) of normalised text is told as done and the message closes
 * it with thanks or "fine", with nothing after it left open, short or late.
 */
export function isRefundReceivedAndClosed(text: string, start: number, end: number): boolean {
  return (
    hasClosing(text) &&
    lastLeftOpen(text) < end &&
    lastShortOrLate(text) < end &&
    isResolvedPast(text, start, end, true)
  );
}
