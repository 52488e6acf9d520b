const japaneseNegation =
  /^([ぁ-んー]{0,8}?)(ない|ねえ|ねー|ません|なかった|無い|わけでは|わけじゃ|わけではない)([かのと]|\?|でしょ|です(?:か|よね)|だろ|なら|ければ)?/u;
// Glue that turns a following negative into an intensifier or a polite request, not a negation:
// 不安でたまらない, 腹が立ってしょうがない, 怒りがおさまらない, 返してもらえませんか.
const intensifierGlue =
  /(いけ|たまら|たまり|しょうが|しかたが?|とまら|とまり|おさまら|おさまり|わから|でき|いられ|ねむれ|なら|たえられ|かまわ|しれ|すぎ|もらえ|いただけ|くれ)$/u;
const clauseEnd = /[。!?\n]/u;

/** True when a negative follows a Japanese expression in the same clause ("怒っているわけではない"). */
export function isNegatedJapanese(text: string, end: number): boolean {
  let window = text.slice(end, end + 16);
  const stop = window.search(clauseEnd);
  if (stop >= 0) window = window.slice(0, stop);
  const match = japaneseNegation.exec(window);
  if (match === null) return false;
  if (match[3] !== undefined) return false;
  return !intensifierGlue.test(match[1] ?? '');
}

const englishNegators = new Set([
  'not',
  'never',
  'no',
  'dont',
  'didnt',
  'doesnt',
  'isnt',
  'arent',
  'wasnt',
  'werent',
  'wont',
  'nothing',
  'without',
  'hardly',
]);
const englishClauseBreak = /[.,!?;:]|\b(?:and|but|so|because|though|although)\b/g;

/** The words of the clause before `start`, last word last. */
export function precedingWords(text: string, start: number, count: number): string[] {
  const before = text.slice(Math.max(0, start - 40), start);
  let clauseStart = 0;
  for (const match of before.matchAll(englishClauseBreak)) clauseStart = match.index + match[0].length;
  const words = before.slice(clauseStart).trim().split(/\s+/).filter(Boolean);
  return words.slice(-count);
}

/** True when one of the three words before an English expression negates it ("I'm not angry"). */
export function isNegatedEnglish(text: string, start: number): boolean {
  return precedingWords(text, start, 3).some((word) => englishNegators.has(word));
}
