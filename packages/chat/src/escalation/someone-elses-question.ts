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
 * Review r17: the customer asking for the same («妹が返金してもらったって言ってたんですけど、私も
 * できますか？», «…私が代わりに手続きすることは可能ですか？») is the customer's own matter, and so is a
 * relative's or the landlord's wish or order about the household's contract («夫が解約したいって言って
 * るんですけど、どうすればいいですか？», «大家さんが解約しろって言ってるんですけど…», «母が返金して
 * ほしいと言っています…»): only a friend, acquaintance, colleague or neighbour (whose contract is their
 * own) may want it and be asked about, and a relative only for something already done («妹が返金して
 * もらったって言ってた»).
 *
 * Runs on normalised text (katakana folded, commas dropped).
 */

// The other person, as subject, shortly before the word in the same sentence.
const otherPersonBefore =
  /(?:妹|姉|兄|弟|母|父|親|夫|妻|旦那|主人|嫁|息子|娘|友達|友人|知人|同僚|隣人|隣の人|大家|家族|彼氏|彼女|知り合い)(?:さん)?(?:が|は|も)[^。!?]{0,16}$/u;
// Review r17: someone with a contract of their own (not the household's, nor the landlord's).
const ownContractPerson = /(?:友達|友人|知人|同僚|隣人|隣の人|知り合い)(?:さん)?(?:が|は|も)[^。!?]{0,16}$/u;
// …who alone may be reported wanting or ordering it (したい, してほしい, しろ): from a relative or the
// landlord that is the customer's contract.
const wishOrOrder = /たい|たく|ほし|欲し|しろ|せよ|すべき|なさい|しな(?:きゃ|いと)|して(?:くれ|くだ|$)/u;
// The customer in the question: «私もできますか», «私が代わりに», «うちも».
const customerSelf = /私|わたし|自分|僕|ぼく|俺|うち(?:も|が|の|で|は)|こちら(?:も|で)|我が家/u;
// …whose words these are: «…って言ってた», «…と言ってる», «…って聞いた».
const reportedAfter = /^([^。!?]{0,12}?)(?:って|と)(?:言って|言われ|聞い|話して)/u;
// The customer asks about the conditions…
const conditionQuestion =
  /(?:条件|無理|可能|でき(?:ます|る)(?:か|の|んですか)|必要|どういう|どうすれば|どうしたら|本人)[^。!?]{0,20}?(?:\?|か|でしょう)/u;
// …and asks for nothing.
const ownRequest = /お願い|おねがい|ください|下さい|もらえ|いただけ|頂け|ほしい|欲しい|たいです|します/u;

/** How far around the word the person and the question are read (bounded, so linear). */
const window = 120;

/** True when the refund or cancellation word at [start, end) of normalised text is someone else's, asked about. */
export function isSomeoneElsesQuestion(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 24), start);
  if (!otherPersonBefore.test(before)) return false;
  const after = text.slice(end, end + window);
  const reported = reportedAfter.exec(after);
  if (reported === null) return false;
  // The lexicon's match may take in the wish (解約したい), the intent rule's not (解約).
  if (wishOrOrder.test(text.slice(start, end) + (reported[1] ?? '')) && !ownContractPerson.test(before))
    return false;
  const rest = after.slice(reported[0].length);
  return conditionQuestion.test(rest) && !ownRequest.test(rest) && !customerSelf.test(rest);
}
