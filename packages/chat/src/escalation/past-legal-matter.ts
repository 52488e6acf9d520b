import { sentenceAround } from './sentence-around';

/**
 * A legal step of long ago, over and unrelated, told in passing, is no legal step now (round 17):
 * "We had a lawsuit with the previous owner about ten years ago, long over. … Can you come Tuesday?",
 * "Back in 2019 I went to court over a rental deposit, unrelated to noise.", «父が昔、騒音で裁判やった
 * ことあるんですよ（もう20年前の話です）», «3年前に裁判して勝ったんですけど、今は別の家です»,
 * «去年は管理会社と揉めて、弁護士にも相談しました。今はもう引っ越して解決済みです», «去年の騒音トラブル
 * の件、結局調停になって終わりました。ほんとにお世話になりました» (6 of the round's false alarms).
 *
 * All three are needed: a time long past next to the word, the step told in the past, and the matter
 * said to be over or unrelated (long over, unrelated, «もう…前の話», «今は別の家», «解決済み», «終わりまし
 * た»). Anything open after it keeps the step: «3年前に裁判して勝ったのに、また同じ騒音が始まりました»,
 * «去年弁護士に相談しましたが、まだ解決していません», "we went to court years ago and it is over, but
 * now they are at it again", and a step against the service itself («御社», "your company").
 */

// Round 18: also an earlier home or «以前» («前に住んでたアパートで騒音訴訟をしたことがあります（もう終わって
// ます）», «前の家で騒音の裁判をやって和解したことがある», «以前は弁護士さんに入ってもらっていましたが、和解が
// 成立して今は落ち着いています»).
const pastTime =
  /(?:\d+|一|二|三|十|二十|数|何)年前|昔|去年|昨年|以前|前に住んで(?:た|いた)|前の(?:家|部屋|あぱーと|まんしょん|住まい)|\b(?:years?|months?) ago\b|\bback in (?:19|20)\d\d\b|\bin (?:19|20)\d\d\b|\blong ago\b/u;
// The step in the past: Japanese, a past form soon after the word in its sentence; English, a past verb
// in the sentence.
const japanesePastAfter = /^[^。!?]{0,16}?(?:た|ました|でした)(?![いくからりろ])/u;
const englishPastVerb = /\b(?:had|went|was|were|did|won|lost|hired|consulted|took|used|got)\b/u;
const overOrUnrelated =
  /\blong over\b|\bunrelated\b|\bnothing to do with\b|\b(?:its|it is|it was|all) (?:over|done|settled|behind (?:me|us))\b|(?:もう|既に|すでに)[^。!?]{0,12}?(?:前の話|昔の話|終わ|解決済|引っ越)|今は(?:もう)?別の(?:家|部屋|ところ|所|場所|まんしょん|あぱーと)|解決済み|終わりました|和解(?:が成立|した(?:こと|ので)|しました)|示談が成立|今は落ち着いて/u;
// Round 18: …or a case of another kind named before the word: a traffic accident, a divorce, the
// rent («昔交通事故で裁判したことがあって», «昔、前に住んでたところで家賃のことで裁判したことがあって»).
const otherKindBefore = /(?:交通事故|離婚|相続|遺産|家賃|敷金|仕事|職場)(?:の(?:こと)?で|で|の)?$/u;
const stillOpen =
  /まだ|また|再び|再発|のに|今回も|今度も|御社|貴社|おたく|\b(?:again|still|this time|but now|now (?:they|he|she|the)|you|your company)\b/u;
// Review r17: …and in the sentences after it, the matter back or the ruling ignored: "…it was all
// settled. He's ignoring the order now and the noise is worse than ever.", "…it's all done. He moved
// back in last month and it's starting over.", «…もう昔の話です。最近また同じ騒音が始まりました». Not
// "you" there: "…, unrelated to noise. Do you need my previous addresses?" asks the service something.
const reopenedLater =
  /\b(?:again|still|ignor\w*|worse|breach\w*|broke|broken|violat\w*|back (?:again|at it)|(?:moved|came|comes|come|coming|is|are|was|were|hes|shes|theyre|its) back|start\w* (?:over|again|up again)|resum\w*|returned|not over|isnt over|(?:now|lately|recently|this (?:week|month|year)) (?:he|she|they|the|it|its|hes|shes|theyre)|(?:he|she|they|hes|shes|theyre) (?:is|are|was|were)? ?(?:doing|at) it)\b|まだ|また(?!お願い|よろしく|連絡|ご)|再び|再発|戻って|破|続いて|始まっ|始まり|ぶり返|守らな|守って(?:くれ)?(?:ない|いない|ません)|違反|ただ最近/u;
// Review r18 (M4): …or the settlement no longer kept («ただ最近、隣の人が和解の条件を守らなくなってきました»,
// «相手が和解の内容に違反しています»).
// How far after the word the rest of the matter is read: a bounded window keeps a long message linear.
const readAfter = 320;
// How far each side of the word its sentence is looked for.
const sentenceWindowHere = 200;

/** True when the legal word at [start, end) of normalised text is a step of long ago, over and unrelated. */
export function isPastLegalMatter(text: string, start: number, end: number): boolean {
  // The cheap reading first (review r17): most legal words have no "over" after them, and the sentence
  // is then never looked for.
  const rest = text.slice(end, end + readAfter);
  const found = overOrUnrelated.exec(rest.slice(0, 160));
  const otherKind = found === null && otherKindBefore.test(text.slice(Math.max(0, start - 12), start));
  if (found === null && !otherKind) return false;
  const over = found ?? { index: 0, 0: '' };
  const { sentence } = sentenceAround(text, start, end, sentenceWindowHere);
  if (!pastTime.test(sentence)) return false;
  const japanese = /[^\s!-~]/u.test(text.slice(start, end));
  const past = japanese ? japanesePastAfter.test(text.slice(end, end + 24)) : englishPastVerb.test(sentence);
  if (!past || stillOpen.test(sentence)) return false;
  // Read up to the end of the sentence that says it is over: "…, unrelated to noise. do you need…" asks
  // the service something else; after it, only the matter reopened counts.
  const overEnd = over.index + over[0].length;
  const stop = rest.slice(overEnd).search(/[.!?。]/u);
  const sentenceEnd = stop < 0 ? rest.length : overEnd + stop;
  return !stillOpen.test(rest.slice(0, sentenceEnd)) && !reopenedLater.test(rest.slice(sentenceEnd));
}
