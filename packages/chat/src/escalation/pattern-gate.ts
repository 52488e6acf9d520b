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
 *
 * Speed (r18, second pass): the table also holds every beginning of a piece (its first character,
 * its first two, …), so that reading the text from one position stops at the first beginning that
 * is no piece's (most positions stop after one or two characters, not four), and it has as few slots
 * as its pieces need (at most half of them filled), so that it stays in the processor's cache.
 */

// The table never has more slots than this (a power of two).
const mostSlotBits = 20;
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
   * Open addressing by the hash of a piece or of its beginning: at `2 × slot` the hash, at
   * `2 × slot + 1` 0 for an empty slot, else 1 + the row of the expressions the piece lets through
   * (row 0, of no expression, for a beginning that is no piece).
   */
  private readonly slots: Int32Array;
  /** Slots − 1 (the slots are a power of two). */
  private readonly mask: number;
  /** 32 − the bits of a slot number: a hash shifted right by this is its first slot. */
  private readonly shift: number;
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
    // The hashes of each expression's pieces, then of every beginning of a piece.
    const pieces: { readonly hash: number; readonly index: number }[] = [];
    const beginnings = new Set<number>();
    let longest = 0;
    patterns.forEach((_pattern, index) => {
      const required = literals[index];
      if (required === undefined || required.length === 0 || required.some((literal) => literal === '')) {
        this.always[index >>> 5]! |= 1 << (index & 31);
        return;
      }
      for (const literal of required) {
        const length = Math.min(literal.length, longestPiece);
        longest = Math.max(longest, length);
        const start = rarestPiece(literal, length, counts);
        let hash = seed;
        for (let at = start; at < start + length; at += 1) {
          hash = extend(hash, literal.charCodeAt(at));
          if (at < start + length - 1) beginnings.add(hash);
        }
        pieces.push({ hash, index });
      }
    });
    let bits = 4;
    while (bits < mostSlotBits && 1 << (bits - 1) < pieces.length + beginnings.size) bits += 1;
    this.slots = new Int32Array(2 << bits);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
    // Row 0 lets nothing through: the row of a beginning that is no piece.
    const rows: number[] = new Array<number>(words).fill(0);
    for (const { hash, index } of pieces) {
      const slot = this.slotOf(hash);
      if (this.slots[2 * slot + 1] === 0 || this.slots[2 * slot + 1] === 1) {
        this.slots[2 * slot + 1] = rows.length / words + 1;
        for (let fill = 0; fill < words; fill += 1) rows.push(0);
      }
      rows[(this.slots[2 * slot + 1]! - 1) * words + (index >>> 5)]! |= 1 << (index & 31);
    }
    for (const hash of beginnings) {
      const slot = this.slotOf(hash);
      if (this.slots[2 * slot + 1] === 0) this.slots[2 * slot + 1] = 1;
    }
    this.rows = Int32Array.from(rows);
    this.longest = longest;
  }

  /** The slot of a hash: the one that holds it, else the empty one where it goes (then taken). */
  private slotOf(hash: number): number {
    const { slots, mask } = this;
    for (let slot = hash >>> this.shift; ; slot = (slot + 1) & mask) {
      if (slots[2 * slot + 1] === 0) {
        slots[2 * slot] = hash;
        return slot;
      }
      if (slots[2 * slot] === hash) return slot;
    }
  }

  /**
   * The expressions that may match somewhere in `text` (read with {@link mayMatch}, by their index in
   * the list given to the constructor); every one that matches is among them. A new set on each call.
   */
  candidates(text: string): Int32Array {
    const { words, slots, rows, longest, mask, shift } = this;
    const result = this.always.slice();
    const length = text.length;
    for (let start = 0; start < length; start += 1) {
      let hash = seed;
      const end = Math.min(length, start + longest);
      reading: for (let at = start; at < end; at += 1) {
        hash = extend(hash, text.charCodeAt(at));
        for (let slot = hash >>> shift; ; slot = (slot + 1) & mask) {
          const row = slots[2 * slot + 1]!;
          // No piece begins so: neither does one with more characters.
          if (row === 0) break reading;
          if (slots[2 * slot] !== hash) continue;
          if (row > 1) {
            const first = (row - 1) * words;
            for (let word = 0; word < words; word += 1) result[word]! |= rows[first + word]!;
          }
          break;
        }
      }
    }
    return result;
  }
}
