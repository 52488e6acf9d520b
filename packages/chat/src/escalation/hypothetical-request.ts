/**
 * A refund or cancellation placed inside the condition of a question is asked about, not asked
 * for (round 15): «もし今後、返金をお願いすることになったら、どういう流れになりますか？», "If I did
 * decide to cancel my subscription at some point, would I keep access to old reports?", "What
 * happens with the payment if … I need to cancel last minute?". The request word must sit inside the
 * condition — after «もし» or "if" and before «たら», «なら», «場合» or, in English, before the
 * clause ends — and the sentence must end as a question. A condition on something else with the
 * request in the main clause stays a request ("If you can't fix it, I want to cancel my
 * subscription.", «直らないなら返金してください»), and so does a request before the condition ("I want
 * to cancel if you can't fix it by Friday?").
 */

const requestWord =
  /返金|へんきん|払い?戻|解約|かいやく|退会|きゃんせる|取り?消|\brefund|\bcancel|\bterminat|\bend (?:the|my|our)\b/u;
const japaneseIf = /(?:もし|仮に|万が一|万一)[^。!?]*$/u;
const japaneseThen = /^[^。!?]{0,24}?(?:たら|なら|場合)/u;
// "if" with no clause break up to the word: "if i did decide to cancel", "if … and i need to cancel".
const englishIf = /\b(?:if|in case)\b[^,;:.!?]*$/u;
// "if" meaning "whether" asks the company what it will do, so the request stands (review r15): "please
// let me know if you can refund me today?", "could you check if you can cancel my contract…?".
const englishWhether =
  /\b(?:know|check|tell (?:me|us)|see|ask|find out|confirm)\s+(?:if|whether)\b|\bif you(?:re| are)? (?:can|could|will|would|going|able|please)\b/u;
const sentenceEnd = /[。!?\n]|\.(?:\s|$)/u;
const questionEnd = /(?:\?|ますか|ですか|でしょうか|ますかね)\s*$/u;

/** True when the request word at or after `start` of normalised text sits inside the condition of a question. */
export function isInsideConditionOfQuestion(text: string, start: number): boolean {
  const found = requestWord.exec(text.slice(start, start + 80));
  if (found === null) return false;
  const at = start + found.index;
  const sentenceStart = Math.max(
    text.lastIndexOf('。', at - 1),
    text.lastIndexOf('?', at - 1),
    text.lastIndexOf('!', at - 1),
    text.lastIndexOf('\n', at - 1),
  );
  const before = text.slice(sentenceStart + 1, at);
  const rest = text.slice(at);
  const stop = sentenceEnd.exec(rest);
  const sentence = stop === null ? rest : rest.slice(0, stop.index + (stop[0] === '?' ? 1 : 0));
  if (!questionEnd.test(sentence)) return false;
  if (japaneseIf.test(before) && japaneseThen.test(rest.slice(found[0].length))) return true;
  return englishIf.test(before) && !englishWhether.test(before);
}
