/**
 * Someone else's refund or cancellation, reported and asked about (round 17, family "someone
 * else's policy question", 2 of the listed Japanese false alarms; the English "My landlord asked
 * whether you give refunds… Do you?" is read as a policy question by the intent rule's "whether"):
 * «妹が返金してもらったって言ってたんですけど、それってどういう条件なんでしょう», «友達がキャンセル
 * したいって言ってるんですけど、本人じゃないと無理ですか？». The word is another person's («妹が…って
 * 言ってた»), and the customer asks only about the conditions. A request of the customer's own in the
 * message keeps the signal: «夫が解約したいって言ってるので、手続きお願いします», «母が返金してもらった
 * って言ってたんですけど、私もお願いできますか» (a request word after), and a statement without a
 * question («友達がキャンセルしたいって言ってます») is left to the rules as before.
 *
 * Runs on normalised text (katakana folded, commas dropped).
 */

// The other person, as subject, shortly before the word in the same sentence.
const otherPersonBefore =
  /(?:妹|姉|兄|弟|母|父|親|夫|妻|旦那|主人|嫁|息子|娘|友達|友人|知人|同僚|隣人|隣の人|大家|家族|彼氏|彼女|知り合い)(?:さん)?(?:が|は|も)[^。!?]{0,16}$/u;
// …whose words these are: «…って言ってた», «…と言ってる», «…って聞いた».
const reportedAfter = /^[^。!?]{0,12}?(?:って|と)(?:言って|言われ|聞い|話して)/u;
// The customer asks about the conditions…
const conditionQuestion =
  /(?:条件|無理|可能|でき(?:ます|る)(?:か|の|んですか)|必要|どういう|どうすれば|どうしたら|本人)[^。!?]{0,20}?(?:\?|か|でしょう)/u;
// …and asks for nothing.
const ownRequest = /お願い|おねがい|ください|下さい|もらえ|いただけ|頂け|ほしい|欲しい|たいです|します/u;

/** How far around the word the person and the question are read (bounded, so linear). */
const window = 120;

/** True when the refund or cancellation word at [start, end) of normalised text is someone else's, asked about. */
export function isSomeoneElsesQuestion(text: string, start: number, end: number): boolean {
  if (!otherPersonBefore.test(text.slice(Math.max(0, start - 24), start))) return false;
  const after = text.slice(end, end + window);
  const reported = reportedAfter.exec(after);
  if (reported === null) return false;
  const rest = after.slice(reported.index + reported[0].length);
  return conditionQuestion.test(rest) && !ownRequest.test(rest);
}
