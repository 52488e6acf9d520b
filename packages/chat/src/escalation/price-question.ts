/**
 * An English question about what something costs is no billing dispute (round 15): "Is the report
 * included in the price or extra?", "are visits on public holidays charged extra too?", "Do I get
 * charged if I cancel during the free trial?". It asks about the price list, not about a charge the
 * customer got. A question about the customer's own charge stays a dispute, however it is asked:
 * "why was I charged twice?", "Did you charge me twice?", "Is this charge a mistake?", "Why is
 * there a charge on my card for a plan I never ordered?". Round 16: the same in Japanese for two
 * kinds compared («関東と関西で料金って違いますか？»).
 */

import { sentenceAround, sentenceStop, sentenceWindow } from './sentence-around';

// The sentence opens as a question: an auxiliary or "what", after a greeting or a lead-in.
const questionOpening =
  /^(?:(?:and|also|so|ok(?:ay)?|hi|hey|hello|quick question|one more(?: thing| question)?|sorry|btw)\b[\s,.:;!-]*)*(?:is|are|does|do|will|would|can|could|should|whats|what|which|how)\b/u;
// …and names no charge of the customer's own, nothing in the past and no reason to ask "why".
// Review r15: also "how come", "I'm / we're being charged", "even though", "higher than quoted",
// "the extra ¥3,000", "without telling", "the invoice", "is it normal / acceptable to…", a quote.
const ownCharge =
  /\b(?:how come|even though|always|quot(?:e|ed)|the invoice|on the invoice|without (?:telling|asking|notice|warning|informing)|(?:normal|acceptable|fair|okay|ok|legal|allowed) (?:to|that|for))\b|\b(?:i|we|im|were) (?:am |are )?(?:being )?(?:charged|billed)\b|\b(?:higher|more) than (?:what|agreed|the|expected|promised|advertised)\b|\bthe extra (?:[¥$€£]|\d)|\b(?:why|did|was|were|been|got|gotten)\b|\b(?:charged|billed|debited|taken|paid) (?:me|us)\b|\b(?:charge|bill) (?:me|us)\b|\b(?:my|our) (?:card|bill|invoice|statement|account|bank|payment|receipt|subscription)\b|\b(?:this|that|these|those)\b|\b(?:twice|double|duplicate|two times|wrong|incorrect|mistake|error|overcharg\w*|unauthori\w*|never|didnt|still|already|again|after i|after we)\b/u;

// Round 16: a Japanese question comparing two kinds of visit, area or booking — «関東と関西で料金って
// 違いますか？», «「キャンセル」と「日程変更」って、料金の扱い違いますか？» — asks about the price list.
// Compared with the estimate, last month or what was said («料金が見積もりと違います», «先月と金額が
// 違いませんか») it stays a dispute; and so (review r16) does one of the customer's own visits or years
// compared («1回目と2回目で料金って違うんですか», «この前と今回で», «去年と今年で»).
const japaneseComparison =
  /と[^。!?]{1,14}?(?:で|って|では|とで)[^。!?]{0,8}?(?:料金|金額|値段|費用)[^。!?]{0,6}?(?:違|ちが)(?:いますか|うんですか|うのですか|うの|いがありますか|いはありますか|う\?|います\?)/u;
const ownReference =
  /見積|前回|先月|先週|請求|明細|いつも|聞い|言われ|説明|案内|表示|記載|書いて|予定|回目|この前|今回|去年|今年|昨年|以前|(?<!午)前(?:の|と|は)/u;

// Round 17: the price list said to differ by area, day or time («純粋な疑問です。なんで訪問料金は地域で
// 違うんですか»): the kinds compared are named by «地域で», not by «AとBで».
const japaneseByKind =
  /(?:料金|金額|値段|費用)(?:は|が|って|も)?(?:地域|えりあ|地方|曜日|時間帯|季節|ぷらん|場所|住所)(?:で|によって|ごと(?:に|で))(?:違|ちが|変わ)/u;

/** True when a clause of normalised text asks whether two kinds of visit or booking cost differently. */
export function isJapanesePriceComparison(clause: string): boolean {
  return (japaneseComparison.test(clause) || japaneseByKind.test(clause)) && !ownReference.test(clause);
}

/**
 * True when the English sentence around `start` of normalised text asks what something costs (read
 * within a window of the word: see sentence-around.ts).
 */
export function isEnglishPriceQuestion(text: string, start: number): boolean {
  const around = sentenceAround(text, start, start);
  if (!around.question) return false;
  const sentence = around.sentence.replace(/^[\s\p{P}\p{S}]+/u, '');
  // The next sentence can name the charge as the customer's own: "…on the invoice? It was never mentioned."
  const next = text
    .slice(around.stopAt + 1, start + sentenceWindow)
    .split(sentenceStop, 2)
    .slice(0, 2)
    .join(' ');
  return questionOpening.test(sentence) && !ownCharge.test(sentence) && !ownCharge.test(next);
}
