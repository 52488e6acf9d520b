/**
 * Hashed text features of normalised text for the learned escalation model: character unigrams
 * and bigrams of each run of Japanese (non-ASCII) characters, for ASCII words the word itself
 * and the pair of adjacent words, and each run of question and exclamation marks by its first mark
 * and length (1, 2, 3 or more) — added in round 3, when leaving out batches 23–30, 29–30 and 30 in
 * turn raised the model's recall at a 5 % false-alarm rate from 0.63 / 0.77 / 0.86 to 0.64 / 0.80 /
 * 0.90. Tried and dropped on two unseen batches: character 3-grams of
 * English words (they fitted the training sets and lost a tenth of the recall), Japanese 3- and
 * 4-grams (no better than bigrams, half again as many weights; tried again in round 3 on the same three
 * splits, with and without English stop words and word triples: AUC within ±0.01, recall at a 5 %
 * false-alarm rate lower on two of three), English suffix stemming (no gain). The hash
 * is 32-bit FNV-1a of the feature's characters (with a kind marker), folded to `bucketBits` bits.
 * Training (scripts/train-escalation-model.ts) and scoring use this one function, so they agree.
 *
 * Round 17: the service's own product names that are written with legal characters («調停サービス»,
 * «弁護士監修») are one feature each, not character bigrams, so the text model does not read the
 * product («AI調停サービスって何ですか») as the legal words it contains («調停», «弁護»). The
 * rules' legal lexicon makes the same exception.
 */

const fnvOffset = 0x811c9dc5;
const fnvPrime = 0x01000193;

function hashRange(text: string, start: number, end: number, seed: number): number {
  let hash = seed;
  for (let index = start; index < end; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, fnvPrime);
  }
  return hash >>> 0;
}

// Different kinds of feature over the same characters hash differently.
const japaneseSeed = fnvOffset;
const wordSeed = Math.imul(fnvOffset ^ 0x57, fnvPrime) >>> 0;
const wordPairSeed = Math.imul(fnvOffset ^ 0x50, fnvPrime) >>> 0;
const punctuationSeed = Math.imul(fnvOffset ^ 0x3f, fnvPrime) >>> 0;
const productSeed = Math.imul(fnvOffset ^ 0x70, fnvPrime) >>> 0;

/** The service's product names with legal characters, as `normalizeText` writes them. */
const productNames = ['調停さーびす', '弁護士監修'];

/** The length of the product name that starts at `start` in `text`, or 0. */
function productNameAt(text: string, start: number): number {
  for (const name of productNames) {
    if (text.charCodeAt(start) === name.charCodeAt(0) && text.startsWith(name, start)) return name.length;
  }
  return 0;
}

/** Receives one feature: its bucket and the span of normalised text it was read from. */
export type FeatureVisitor = (bucket: number, start: number, end: number) => void;

function isAsciiWordCharacter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

/**
 * Calls `visit` for every feature of normalised text (see the file comment). A feature may occur
 * more than once; the model counts each feature once.
 *
 * @param text - text returned by `normalizeText`
 * @param bucketBits - the number of hash bits kept (the model has `2 ** bucketBits` weights)
 * @param visit - receives the bucket and the span [start, end) of each feature
 */
export function visitTextFeatures(text: string, bucketBits: number, visit: FeatureVisitor): void {
  const mask = (1 << bucketBits) - 1;
  const length = text.length;
  // Most messages name no product: then no character needs the look-up below.
  const hasProduct = productNames.some((name) => text.includes(name));
  let previousWordStart = -1;
  let previousWordEnd = -1;
  let index = 0;
  while (index < length) {
    const code = text.charCodeAt(index);
    if (code > 0x7e) {
      // A run of Japanese (or other non-ASCII) characters: character unigrams and bigrams.
      let end = index;
      while (end < length && text.charCodeAt(end) > 0x7e) end += 1;
      let productEnd = index;
      for (let start = index; start < end; start += 1) {
        if (hasProduct && start >= productEnd) {
          const productLength = productNameAt(text, start);
          if (productLength > 0) {
            productEnd = start + productLength;
            visit(hashRange(text, start, productEnd, productSeed) & mask, start, productEnd);
          }
        }
        if (start < productEnd) continue;
        // No bigram reads into a product name.
        const limit =
          start + 1 < end && (!hasProduct || productNameAt(text, start + 1) === 0) ? start + 2 : start + 1;
        let hash = japaneseSeed;
        for (let stop = start + 1; stop <= limit; stop += 1) {
          hash ^= text.charCodeAt(stop - 1);
          hash = Math.imul(hash, fnvPrime) >>> 0;
          visit(hash & mask, start, stop);
        }
      }
      previousWordStart = -1;
      index = end;
    } else if (isAsciiWordCharacter(code)) {
      let end = index;
      while (end < length && isAsciiWordCharacter(text.charCodeAt(end))) end += 1;
      visit(hashRange(text, index, end, wordSeed) & mask, index, end);
      if (previousWordStart >= 0) {
        let pair = hashRange(text, previousWordStart, previousWordEnd, wordPairSeed);
        pair = Math.imul(pair ^ 0x20, fnvPrime) >>> 0;
        pair = hashRange(text, index, end, pair);
        visit(pair & mask, previousWordStart, end);
      }
      previousWordStart = index;
      previousWordEnd = end;
      index = end;
    } else if (code === 0x3f || code === 0x21) {
      // A run of question and exclamation marks ("?", "??", "?!"): how a sentence is said.
      let end = index + 1;
      while (end < length && (text.charCodeAt(end) === 0x3f || text.charCodeAt(end) === 0x21)) end += 1;
      let hash = Math.imul(punctuationSeed ^ code, fnvPrime);
      hash = Math.imul(hash ^ Math.min(end - index, 3), fnvPrime) >>> 0;
      visit(hash & mask, index, end);
      previousWordStart = -1;
      index = end;
    } else {
      // Sentence punctuation ends a word pair; spaces and apostrophes do not.
      if (code !== 0x20) previousWordStart = -1;
      index += 1;
    }
  }
}
