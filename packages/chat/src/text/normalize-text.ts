import { collapseRunsAndSpaces } from './runs-and-spaces';

const katakanaStart = 0x30a1;
const katakanaEnd = 0x30f6;
const katakanaToHiragana = 0x60;

// Between two non-ASCII characters, spaces and light punctuation are noise ("返 金", "解約、したい").
const spacingBetweenWide = /(?<=[^\s!-~])[\s、,・･.．\-_~〜*/|]+(?=[^\s!-~])/gu;
// Letter-spaced English ("r e f u n d") is joined back into a word.
const letterSpaced = /\b(?:[a-z] ){2,}[a-z]\b/g;
const katakana = /[\u30a1-\u30f6]+/g;
const nonAscii = /[^\s!-~]/;
const compatibilityCharacters =
  /[\u00a0-\u00ff\u2000-\u2bff\u3000\u3099-\u309c\u3200-\u33ff\uf900-\ufaff\ufb00-\ufffd]/;
const apostrophes = /['’‘`´]/g;
// Apostrophes and, in wide text, variation selectors and zero-width characters: dropped in one pass.
const droppedWide = /[\ufe0e\ufe0f\u200b-\u200d\u2060'’‘`´]/g;

/**
 * Folds katakana to hiragana (`キャンセル` → `きゃんせる`), leaving every other character as it is.
 * Used to write lexicon patterns in natural Japanese and match them against normalised text.
 *
 * @example
 * ```ts
 * foldKana('キャンセル'); // 'きゃんせる'
 * ```
 */
export function foldKana(text: string): string {
  return text.replace(katakana, (run) => {
    let folded = '';
    for (let index = 0; index < run.length; index += 1) {
      const code = run.charCodeAt(index);
      folded +=
        code >= katakanaStart && code <= katakanaEnd
          ? String.fromCharCode(code - katakanaToHiragana)
          : run[index];
    }
    return folded;
  });
}

/**
 * Normalises customer text for matching: Unicode NFKC (full-width letters and digits, half-width
 * katakana), lower case, katakana folded to hiragana, apostrophes dropped (`don't` → `dont`),
 * spacing and light punctuation between Japanese characters removed, letter-spaced words joined,
 * runs of one character shortened to two, and whitespace and underscores collapsed to one space. Emoji are kept, so a lexicon
 * can match them. Pure and deterministic.
 *
 * @example
 * ```ts
 * normalizeText('ﾍﾝｷﾝ　ｼﾃ！！！'); // 'へんきんして!!'
 * normalizeText("I DON'T want a  refund"); // 'i dont want a refund'
 * ```
 */
export function normalizeText(text: string): string {
  // ASCII is already NFKC and has no kana or wide characters: skip those passes.
  const wide = nonAscii.test(text);
  // NFKC only changes compatibility characters (full- and half-width forms, the ideographic
  // space, circled and squared letters, combining kana marks): skip it for text without any.
  const composed = compatibilityCharacters.test(text) ? text.normalize('NFKC') : text;
  const folded = wide
    ? foldKana(composed.toLowerCase()).replace(droppedWide, '').replace(spacingBetweenWide, '')
    : text.toLowerCase().replace(apostrophes, '');
  return collapseRunsAndSpaces(folded)
    .replace(letterSpaced, (match) => match.replaceAll(' ', ''))
    .trim();
}
