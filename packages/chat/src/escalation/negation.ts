const japaneseNegation =
  /^([ぁ-んー]{0,8}?)(ない|ねえ|ねー|ません|なかった|無い|わけでは|わけじゃ|わけではない|へん|ひん)([かのと]|\?|でしょ|です(?:か|よね)|だろ|なら|ければ)?/u;
// Glue that turns a following negative into an intensifier or a polite request, not a negation:
// 不安でたまらない, 腹が立ってしょうがない, 怒りがおさまらない, 返してもらえませんか.
const intensifierGlue =
  /(いけ|たまら|たまり|しょうが|しかたが?|とまら|とまり|おさまら|おさまり|わから|でき|いられ|ねむれ|なら|たえられ|かまわ|しれ|すぎ|もらえ|いただけ|くれ)$/u;
const clauseEnd = /[。!?\n]/u;

// A noun that stands for the feeling or act, then its denial: 怖い思いはしていない, 怖い話じゃない,
// 腹が立ってるとかは一切ない, 人につないでもらうほどじゃない (round 16); and "no need to":
// 代わってもらわなくて大丈夫, 電話しなくていい.
const japaneseNominalNegation =
  /^[ぁ-ん]{0,6}?(?:思い|気持ち|感じ|話|訳|事|こと|もの|とか|など|なんて|ほど)(?:は|も|が|って|とか|では|じゃ)?(?:全然|全く|まったく|別に|特に|一切|いっさい|少しも|ちっとも|そこまで|そんなに)?(?:して|し|あり|ござい|で|じゃ)?(?:ない|なく|ありません|ません|ございません|なかった)|^[ぁ-ん]{0,8}?なく(?:て|ても)(?:大丈夫|いい|良い|結構|平気|かまい|構い|かまわ|構わ)|^[ぁ-ん]{0,4}?(?:は|の)?(?:必要|用)(?:は|も)?(?:ない|ありません|ございません|なし)/u;

/** True when a negative follows a Japanese expression in the same clause ("怒っているわけではない"). */
export function isNegatedJapanese(text: string, end: number): boolean {
  let window = text.slice(end, end + 24);
  const stop = window.search(clauseEnd);
  if (stop >= 0) window = window.slice(0, stop);
  if (japaneseNominalNegation.test(window)) return true;
  window = window.slice(0, 16);
  const match = japaneseNegation.exec(window);
  if (match === null) return false;
  if (match[3] !== undefined) return false;
  // Kansai へん negates (怒ってへん), but not in たいへん (大変).
  if (match[2] === 'へん' && (match[1] ?? '').endsWith('たい')) return false;
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
// Speed (r18): the clause and its words are read by hand, backwards from `start`, with no regular
// expression, slice or array of the whole window. The words are those of the clause within the 40
// characters before `start`: a clause breaks after one of . , ! ? ; : or after a whole word (ASCII
// letters, digits and _, cut at the window's edge) that is and, but, so, because, though or
// although; words are separated by white space (what \s matches).
const clauseBreakWords = new Set(['and', 'but', 'so', 'because', 'though', 'although']);

function isAsciiWord(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95
  );
}

/** True for the characters that `\s` matches (and `trim` removes). */
export function isWhiteSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return (
    code === 160 ||
    code === 5760 ||
    (code >= 8192 && code <= 8202) ||
    code === 8232 ||
    code === 8233 ||
    code === 8239 ||
    code === 8287 ||
    code === 12288 ||
    code === 65279
  );
}

/** Where the clause that holds `start` begins, looking back no further than 40 characters. */
function clauseStartBefore(text: string, start: number): number {
  const low = Math.max(0, start - 40);
  let index = start - 1;
  while (index >= low) {
    const code = text.charCodeAt(index);
    // . , ! ? ; :
    if (code === 46 || code === 44 || code === 33 || code === 63 || code === 59 || code === 58)
      return index + 1;
    if (isAsciiWord(code)) {
      let first = index;
      while (first > low && isAsciiWord(text.charCodeAt(first - 1))) first -= 1;
      const length = index + 1 - first;
      if (length >= 2 && length <= 8 && clauseBreakWords.has(text.slice(first, index + 1))) return index + 1;
      index = first - 1;
    } else index -= 1;
  }
  return low;
}

/** The words of the clause before `start`, last word last. */
export function precedingWords(text: string, start: number, count: number): string[] {
  const low = clauseStartBefore(text, start);
  const words: string[] = [];
  let index = start - 1;
  while (words.length < count) {
    while (index >= low && isWhiteSpace(text.charCodeAt(index))) index -= 1;
    if (index < low) break;
    const end = index + 1;
    while (index >= low && !isWhiteSpace(text.charCodeAt(index))) index -= 1;
    words.push(text.slice(index + 1, end));
  }
  return words.reverse();
}

/**
 * True when one of the three words before an English expression negates it ("I'm not angry"), or
 * its clause opens with "not that" ("not that I am upset").
 */
export function isNegatedEnglish(text: string, start: number): boolean {
  const words = precedingWords(text, start, 5);
  for (let index = Math.max(0, words.length - 3); index < words.length; index += 1)
    if (englishNegators.has(words[index]!)) return true;
  // "not that I'm upset, …": the denial opens the clause.
  return words.length >= 3 && words[0] === 'not' && words[1] === 'that';
}

const openQuote = /["“「『‘]/u;
const closeQuoteAfter = /^[^\s"”」』’。.,!?]{0,16}["”」』’]/u;

/** True when the word at [start, end) of normalised text sits inside quotes: mentioned, not used. */
export function isQuoted(text: string, start: number, end: number): boolean {
  return start > 0 && openQuote.test(text[start - 1]!) && closeQuoteAfter.test(text.slice(end, end + 17));
}
