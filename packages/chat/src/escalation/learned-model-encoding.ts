/**
 * The compact text form of the learned model's weights: for each non-zero int8 weight, the gap
 * from the previous non-zero bucket as an unsigned LEB128 varint, then the weight as one byte;
 * the bytes in base64. A model of a few thousand weights over 65,536 buckets takes a few kilobytes.
 */

/** Encodes int8 weights (mostly zero) to the compact base64 form. */
export function encodeModelWeights(levels: Int8Array): string {
  const bytes: number[] = [];
  let previous = -1;
  levels.forEach((level, bucket) => {
    if (level === 0) return;
    let gap = bucket - previous;
    previous = bucket;
    while (gap >= 0x80) {
      bytes.push((gap & 0x7f) | 0x80);
      gap >>>= 7;
    }
    bytes.push(gap, level & 0xff);
  });
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Decodes the compact base64 form to `size` int8 weights. */
export function decodeModelWeights(encoded: string, size: number): Int8Array {
  const binary = atob(encoded);
  const levels = new Int8Array(size);
  let bucket = -1;
  let index = 0;
  while (index < binary.length) {
    let gap = 0;
    let shift = 0;
    let byte = binary.charCodeAt(index++);
    while (byte & 0x80) {
      gap |= (byte & 0x7f) << shift;
      shift += 7;
      byte = binary.charCodeAt(index++);
    }
    gap |= byte << shift;
    bucket += gap;
    levels[bucket] = (binary.charCodeAt(index++) << 24) >> 24;
  }
  return levels;
}
