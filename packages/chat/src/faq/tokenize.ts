import { normalizeText } from '../text/normalize-text';

const englishStopWords = new Set([
  'a',
  'an',
  'the',
  'is',
  'are',
  'was',
  'be',
  'to',
  'of',
  'and',
  'or',
  'in',
  'on',
  'at',
  'for',
  'it',
  'i',
  'my',
  'me',
  'you',
  'your',
  'we',
  'do',
  'does',
  'can',
  'could',
  'would',
  'will',
  'this',
  'that',
  'with',
  'about',
  'please',
  'there',
]);
const wordOrWide = /[a-z0-9]+|[^\s!-~、。・「」『』（）()【】！？!?,.]+/gu;

/**
 * Splits text into search terms after normalisation: English words (stop words dropped) and
 * character bigrams of Japanese runs (a one-character run is kept as a unigram). Bigrams need no
 * dictionary and match across okurigana and kana/kanji variation.
 *
 * @example
 * ```ts
 * tokenize('キャンセル料は？'); // ['きゃ', 'ゃん', 'んせ', 'せる', 'る料', '料は']
 * tokenize('What is the refund policy'); // ['what', 'refund', 'policy']
 * ```
 */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const match of normalizeText(text).matchAll(wordOrWide)) {
    const run = match[0];
    if (/^[a-z0-9]/.test(run)) {
      if (!englishStopWords.has(run)) terms.push(run);
      continue;
    }
    if (run.length === 1) {
      terms.push(run);
      continue;
    }
    for (let index = 0; index + 1 < run.length; index += 1) terms.push(run.slice(index, index + 2));
  }
  return terms;
}
