/**
 * A refund chased or demanded without the request words (round 18, family "a request that stays an
 * inquiry"): the refund promised or under way and not come after a while ("It's been three weeks since
 * you said the refund was 'processing'. Where is it?", «電話で約束してくださった返金、１か月経っても
 * まだです»), a refund given a deadline ("If I don't get my refund by Friday I'm leaving a review"),
 * and the customer's own money asked back in other words ("How about valuing my ¥15,000 and sending
 * it back?"). Each names no policy: it presses for money owed, so it is a request, not an inquiry.
 *
 * Not: where a refund's form or page is ("The refund form — where is it?"), where a refund is shown
 * ("where is it shown in the app?"), a time asked about in a condition («何日経っても届かない場合は»),
 * a deadline asked as a question ("If I don't get a refund by Friday, can I still…?"), and the rented
 * meter sent back ("do I send it back after?", "How about sending the meter back?"), and the words
 * yelled by someone else ("lots of 'where's my money' type yelling through the wall").
 *
 * Runs on normalised text (lower case, apostrophes dropped, katakana as hiragana).
 */

// "where is it" ending its sentence, with a refund (not its form or page) earlier in the message; or
// "where is my refund / my money".
const englishWhereIsIt =
  /\brefund(?:ed)?\b(?! (?:form|page|link|policy|section|button|option|settings?)\b)[^?!]{0,100}?\bwhere(?:s| is) it\b(?=\s*[.?!]|\s*$)|\bwhere(?:s| is) (?:my|our|the) (?:refund|money)\b(?! (?:form|page|link|policy|section|button|option|settings?|shown|listed)\b)/u;
// A deadline for the refund: "if I don't get my refund by Friday", "if we haven't got our money back
// by Monday".
const englishRefundDeadline =
  /\bif (?:i|we) (?:dont|do not|havent|have not|didnt|did not) (?:get|got|receive|received|see|seen) (?:my|our|the|a) (?:full )?(?:refund|money back)\b[^.?!]{0,20}?\b(?:by|before|within|until)\b/u;
// The customer's own money, sent or given back: "valuing my ¥15,000 and sending it back".
const englishOwnMoneyBack =
  /\b(?:my|our) (?:[¥$£€]\s?\d[\d,.]*|\d[\d,.]*\s?(?:yen|dollars|pounds|euros)|money|cash)\b[^.?!]{0,30}?\b(?:sending|send|giving|give|paying|pay|handing|hand) (?:it|that|them) (?:all )?back\b/u;

export const englishRefundChased = new RegExp(
  `${englishWhereIsIt.source}|${englishRefundDeadline.source}|${englishOwnMoneyBack.source}`,
  'u',
);

// Time gone by and the refund still not come: «返金、１か月経ってもまだです», «返金…２週間経ちますが
// 届いていません».
export const japaneseRefundChased =
  /(?:返金|へんきん|払い?戻し)[^。!?]{0,16}?(?:(?:経って|たって|過ぎて|すぎて)(?:も|る(?:けど|のに)|います(?:が|けど)|ますが)|(?:経ち|たち|過ぎ)ます(?:が|けど)|(?:経った|過ぎた)(?:けど|のに|が))[^。!?]{0,10}?(?:まだ|届い|届か|入って|入ら|振り込まれ|反映され|来て|来な|音沙汰)/u;

// The sentence of the match is a question that hangs on a condition or asks what the customer may do.
const questionAfter = /^[^.?!。]{0,60}\?/u;
const askingLead = /\b(?:can|could|may|should|shall|do|will|would) (?:i|we)\b/u;
const askedBefore = /\b(?:do|should|can|shall|must|could) (?:i|we) (?:\w+ )?(?:send|give|pay|hand)/u;
const japaneseConditionAfter = /^[ぁ-ん]{0,6}?(?:場合|とき|時は|なら|ものですか|ものなの)/u;

// Words yelled by someone: "where's my money type yelling", "screaming where's my money".
const yelledAfter = /^\s?(?:(?:type|kind|sort|style) (?:of )?)?(?:yell|shout|scream|argu)/u;
const yelledBefore = /\b(?:yell|shout|scream|argu)\w*[^.?!]{0,20}$/u;

/** True when the chase at [start, end) of normalised text is only asked about or yelled by others (see the file comment). */
export function isRefundChaseNotMeant(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end);
  if (/^[a-z]/u.test(word)) {
    if (
      yelledAfter.test(text.slice(end, end + 24)) ||
      yelledBefore.test(text.slice(Math.max(0, start - 40), start))
    )
      return true;
    if (word.startsWith('if ')) {
      const rest = text.slice(end, end + 60);
      return questionAfter.test(rest) && askingLead.test(rest.split('?')[0] ?? '');
    }
    if (/\bback$/u.test(word)) return askedBefore.test(word);
    return false;
  }
  return japaneseConditionAfter.test(text.slice(end, end + 12));
}
