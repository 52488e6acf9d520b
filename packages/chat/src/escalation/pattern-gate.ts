import { rarity, requiredLiterals } from './required-literals';

/**
 * Speed (r18): which of many expressions may match a text, read in one pass over the text. Each
 * expression needs one of its required words (required-literals.ts) in the text; each word is
 * represented by one pair of its characters (or its only character), and the pairs of the text are
 * looked up in a table that names the expressions each pair may let through. An expression that is
 * not let through cannot match, so it need not run: the classifier runs some 80 lexicon
 * expressions over every message, and a short message lets few of them through.
 *
 * The table is hashed: two pairs that share a slot let each other's expressions through too, which
 * costs a needless run, never a missed match. An expression without required words always runs.
 */

// Slots of the hash table (a power of two): at most half of them are filled.
const slotBits = 14;
const slotShift = 32 - slotBits;
// Words are represented by up to this many characters: longer pieces let fewer texts through.
const longestPiece = 4;

/** The hash of a piece of text, extended by one character (the same for the words and the text). */
const extend = (hash: number, code: number) => (Math.imul(hash ^ code, 0x9e3779b1) + 0x7f4a7c15) | 0;
const seed = 0x2545f491;

/**
 * Where the rarest piece of `length` adjacent characters of a word starts (UTF-16 code units, as the
 * text is read): the piece found in the fewest words of all the expressions (common words such as
 * "your" or "want" recur in many), then the one of the rarest characters.
 */
function rarestPiece(word: string, length: number, seen: ReadonlyMap<string, number>): number {
  let best = 0;
  let bestCount = Number.POSITIVE_INFINITY;
  let bestRarity = -1;
  for (let start = 0; start + length <= word.length; start += 1) {
    const count = seen.get(word.slice(start, start + length)) ?? 0;
    let value = 0;
    for (let index = start; index < start + length; index += 1) value += rarity(word[index]!);
    if (count < bestCount || (count === bestCount && value > bestRarity))
      [best, bestCount, bestRarity] = [start, count, value];
  }
  return best;
}

/** In how many of the words each piece of up to {@link longestPiece} characters is found. */
function pieceCounts(words: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of words) {
    const pieces = new Set<string>();
    const length = Math.min(word.length, longestPiece);
    for (let start = 0; start + length <= word.length; start += 1)
      pieces.add(word.slice(start, start + length));
    for (const piece of pieces) counts.set(piece, (counts.get(piece) ?? 0) + 1);
  }
  return counts;
}

/** Bit `index` of a set of expressions made by {@link PatternGate.candidates}. */
export function mayMatch(candidates: Int32Array, index: number): boolean {
  return (candidates[index >>> 5]! & (1 << (index & 31))) !== 0;
}

/** See the file comment. */
export class PatternGate {
  private readonly words: number;
  private readonly always: Int32Array;
  /**
   * Open addressing by the hash of a piece: at `2 × slot` the hash, at `2 × slot + 1` 0 for an empty
   * slot, else 1 + the row of the expressions the piece lets through.
   */
  private readonly slots = new Int32Array(2 << slotBits);
  /** The rows, `words` numbers each (bit `index` of the row: expression `index`). */
  private readonly rows: Int32Array;
  /** The longest piece used. */
  private readonly longest: number;

  constructor(patterns: readonly RegExp[]) {
    const words = Math.max(1, Math.ceil(patterns.length / 32));
    this.words = words;
    this.always = new Int32Array(words);
    const literals = patterns.map((pattern) => requiredLiterals(pattern));
    const counts = pieceCounts(new Set(literals.flatMap((required) => required ?? [])));
    const rows: number[] = [];
    let longest = 0;
    patterns.forEach((_pattern, index) => {
      const word = index >>> 5;
      const bit = 1 << (index & 31);
      const required = literals[index];
      if (required === undefined || required.length === 0 || required.some((literal) => literal === '')) {
        this.always[word]! |= bit;
        return;
      }
      for (const literal of required) {
        const length = Math.min(literal.length, longestPiece);
        longest = Math.max(longest, length);
        const start = rarestPiece(literal, length, counts);
        let hash = seed;
        for (let at = start; at < start + length; at += 1) hash = extend(hash, literal.charCodeAt(at));
        const row = this.rowOf(hash, rows);
        rows[row * words + word]! |= bit;
      }
    });
    this.rows = Int32Array.from(rows);
    this.longest = longest;
  }

  /** The row of a piece's hash, made when new. */
  private rowOf(hash: number, rows: number[]): number {
    const mask = (1 << slotBits) - 1;
    for (let slot = hash >>> slotShift; ; slot = (slot + 1) & mask) {
      const row = this.slots[2 * slot + 1]!;
      if (row !== 0 && this.slots[2 * slot] === hash) return row - 1;
      if (row === 0) {
        if (rows.length / this.words >= 1 << (slotBits - 1)) throw new Error('pattern gate: too many words');
        this.slots[2 * slot] = hash;
        this.slots[2 * slot + 1] = rows.length / this.words + 1;
        for (let fill = 0; fill < this.words; fill += 1) rows.push(0);
        return this.slots[2 * slot + 1]! - 1;
      }
    }
  }

  /**
   * The expressions that may match somewhere in `text` (read with {@link mayMatch}, by their index in
   * the list given to the constructor); every one that matches is among them. A new set on each call.
   */
  candidates(text: string): Int32Array {
    const { words, slots, rows, longest } = this;
    const result = this.always.slice();
    const length = text.length;
    const mask = (1 << slotBits) - 1;
    for (let start = 0; start < length; start += 1) {
      let hash = seed;
      const end = Math.min(length, start + longest);
      for (let at = start; at < end; at += 1) {
        hash = extend(hash, text.charCodeAt(at));
        for (let slot = hash >>> slotShift; ; slot = (slot + 1) & mask) {
          const row = slots[2 * slot + 1]!;
          if (row === 0) break;
          if (slots[2 * slot] !== hash) continue;
          const first = (row - 1) * words;
          for (let word = 0; word < words; word += 1) result[word]! |= rows[first + word]!;
          break;
        }
      }
    }
    return result;
  }
}
