import { oncePerMessage } from './once-per-message';
import { sentenceAround } from './sentence-around';

/**
 * A legal word read or heard about in general, not in the customer's own case, is no legal step
 * (round 16): quoted from a book or an article («「損害賠償が認められた判例」って本に書いてあったんですけ
 * ど»), a general example raised at a meeting («総会で「騒音問題で調停になった例もある」という話が出て»),
 * or a general question the customer says is not their situation ("if a neighbour dispute ever went
 * to court, would your report be something people use? Not my situation, just read about it.").
 *
 * The customer's own step stays legal: «本に「訴えたほうがいい」と書いてあったので訴えます» (the second
 * «訴え» is no quote), "if the neighbour keeps this up, I'll take him to court", "not my situation yet".
 */

// The word inside a quote that is not closed before it.
const insideQuote = /[「『][^」』]*$/u;
// The quote closes and a book, an article, a site or a programme is where it was read: «」って本に書い
// てあった», «」と記事に載っていた».
const readInAfter =
  /^[^」』。]{0,30}[」』](?:って|と|という)?(?:本|記事|さいと|ねっと|番組|てれび|にゅーす|新聞|論文|資料|教科書)(?:に|で)[^。!?]{0,6}?(?:書いて|載って|出て|紹介|読)/u;
// A meeting, a class or a book named before the quote, the quote a general example («…例もある»,
// «判例», «事例», «ケース»), and the quote reported as something said there: «総会で「…例もある」という話が
// 出て».
const sourceBeforeQuote =
  /(?:総会|会議|会合|説明会|勉強会|集会|理事会|授業|講義|せみなー|本|記事|番組|にゅーす|新聞)(?:で|に|には|では|でも)[「『][^」』]*$/u;
const generalExampleAfter =
  /^[^」』。]{0,30}?(?:例|判例|事例|けーす|場合)[^」』。]{0,8}[」』](?:という|って|との)(?:話|意見|説明)(?:が|も)?(?:出|あ)/u;

// Review r16: …but not a quote the customer then applies to their own case: «…ってネットに書いてあった
// ので、うちも請求したいです», «…って記事に載ってたんですが、うちのケースもいけますか？», «…という話が出て、
// うちもそうするべきか迷っています».
const ownCaseAfterQuote =
  /(?:うち|私|わたし|自分|我が家)(?:も|でも)|うちの(?:けーす|場合|件)|そうする|したい|いけますか|できますか|取れますか|使えますか|請求し|払って|払わせ|訴え|相談し/u;

// English: the word in a general condition ("if a dispute ever went to court"), with no "I", "we" or
// "my" in it, in a message that says, without "yet", it is not the customer's situation.
const generalConditionBefore =
  /\bif (?:a|an|someone|somebody|anyone|people|one)\b(?:(?!\b(?:i|im|ive|id|ill|we|were|my|our)\b)[^.?!])*$/u;
const notMySituation =
  /\b(?:not (?:my|our) (?:situation|case|problem|dispute)|nothing to do with (?:me|us)|not (?:about|for) (?:me|us))\b(?! yet)/u;

// Round 17: a quoted word asked about as a word: what it means, a title, or a term written in the
// service's report or terms («「示談」ってどういう意味ですか？ニュースで見て», «「法的措置」って言葉がレポー
// トに出てきたんですが», «「損害賠償」って言葉、利用規約に出てくるんですけど», «レポートの最後に「訴訟での
// 使用を保証するものではありません」ってありますけど、これはただの定型文ですか», «小説で「騒音訴訟」ってタイ
// トルの本読んでて笑いました»; 5 of the round's false alarms). The customer's own case after it
// (ownCaseAfterQuote) keeps the step, and so does a quote said to the customer («「訴えるぞ」って上の人に
// 言われた»: not asked as a word).
const askedAsWordAfter =
  /^[^」』。!?]{0,40}[」』](?:って|という|との|の)(?:どういう意味|意味|何|なん|言葉|文言|一文|表現|たいとる|題名)|^[^」』。!?]{0,40}[」』](?:って|と)(?:あります|書いてあ)[^。!?]{0,12}?(?:定型文|意味|どういう)/u;
const documentBeforeQuote =
  /(?:れぽーと|報告書|規約|契約書|約款|小説|本|漫画|まんが)(?:の最後|の中|の末尾)?(?:に|で|には|では)[「『][^」』]*$/u;
// English: "How loud is too loud legally-speaking? Just general curiosity, no issue at the moment."
// The word in a question with no "I", "we", "my" or "our", in a message that says it is only
// curiosity and not the customer's issue.
const justCuriosity =
  /\b(?:just (?:general )?curiosity|just (?:curious|wondering)|out of (?:general )?(?:interest|curiosity))\b[^.?!]{0,40}\bno (?:issue|problem|dispute)\b(?! yet)/u;
const ownInSentence = /\b(?:i|im|ive|id|ill|we|were|my|our|me|us)\b/u;
// Review r17: and nothing else in the message tells a situation: every other sentence is a question
// with no "I", "we" or "my" in it, or a thanks, and the curiosity sentence itself names no one. "Just
// curious, no problem really. Can you sue a neighbour for noise at 2am? He does it every night." tells
// the customer's own case. Read once per message: a long message of many legal words would otherwise
// be scanned once per word.
const someoneInSentence =
  /\b(?:i|im|ive|id|ill|we|were|my|our|me|us|mine|ours|s?he|hes|shes|they|theyre|them|him|her)\b/u;
const pleasantry = /^(?:thanks?(?: you)?(?: so much)?|cheers|ta|ok|okay|haha|lol)?$/u;
const curiosityOnly = oncePerMessage((text) => {
  const curiosity = justCuriosity.exec(text);
  if (curiosity === null) return false;
  let at = 0;
  for (const sentence of text.split(/(?<=[.!?。\n])/u)) {
    const from = at;
    at += sentence.length;
    const words = sentence.replace(/[.!?。\n\s]+$/u, '').trim();
    if (from <= curiosity.index && curiosity.index < at) {
      if (someoneInSentence.test(words.replace(curiosity[0], ''))) return false;
    } else if (sentence.trimEnd().endsWith('?')) {
      if (ownInSentence.test(words)) return false;
    } else if (!pleasantry.test(words)) return false;
  }
  return true;
});
const notMySituationInMessage = oncePerMessage((text) => notMySituation.test(text));

/** True when the legal word at [start, end) of normalised text is read or heard about in general. */
export function isReportedFromSource(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 48), start);
  const after = text.slice(end, end + 48);
  if (insideQuote.test(before) && !ownCaseAfterQuote.test(text.slice(end, end + 120))) {
    if (readInAfter.test(after)) return true;
    if (sourceBeforeQuote.test(before) && generalExampleAfter.test(after)) return true;
    if (askedAsWordAfter.test(after) || documentBeforeQuote.test(before)) return true;
  }
  if (curiosityOnly(text)) {
    const { sentence, question } = sentenceAround(text, start, end);
    if (question && !ownInSentence.test(sentence)) return true;
  }
  return (
    generalConditionBefore.test(text.slice(Math.max(0, start - 80), start)) && notMySituationInMessage(text)
  );
}
