/**
 * The compact text form of the learned model's weights, written so that gzip compresses it well:
 * one character per symbol, from a 64-character URL-safe alphabet. For each non-zero weight, the
 * gap from the previous non-zero bucket in base-32 digits — least significant first, characters
 * 32–63 of the alphabet for a digit with more to follow, 0–31 for the last — then the weight
 * itself as one character (alphabet index = weight + 32, so weights lie in −31…31).
 */

const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
const indexOf = new Map([...alphabet].map((character, index) => [character, index]));

/** The largest weight magnitude the encoding can hold. */
export const largestEncodableLevel = 31;

/**
 * Encodes integer weights (mostly zero, each within ±{@link largestEncodableLevel}) to the compact
 * text form.
 *
 * @throws RangeError when a weight is out of range
 */
export function encodeModelWeights(levels: Int8Array): string {
  let encoded = '';
  let previous = -1;
  levels.forEach((level, bucket) => {
    if (level === 0) return;
    if (Math.abs(level) > largestEncodableLevel)
      throw new RangeError(`weight ${level} at ${bucket} is out of range`);
    let gap = bucket - previous;
    previous = bucket;
    while (gap >= 32) {
      encoded += alphabet[32 + (gap & 31)];
      gap >>>= 5;
    }
    encoded += alphabet[gap]! + alphabet[level + 32]!;
  });
  return encoded;
}

/**
 * Decodes the compact text form to `size` weights.
 *
 * @throws RangeError when the text holds a character outside the alphabet
 */
export function decodeModelWeights(encoded: string, size: number): Int8Array {
  const levels = new Int8Array(size);
  const digit = (position: number) => {
    const value = indexOf.get(encoded[position]!);
    if (value === undefined) throw new RangeError(`unexpected character at ${position} of the model weights`);
    return value;
  };
  let bucket = -1;
  let index = 0;
  while (index < encoded.length) {
    let gap = 0;
    let shift = 0;
    let value = digit(index++);
    while (value >= 32) {
      gap += (value - 32) * 2 ** shift;
      shift += 5;
      value = digit(index++);
    }
    bucket += gap + value * 2 ** shift;
    levels[bucket] = digit(index++) - 32;
  }
  return levels;
}
