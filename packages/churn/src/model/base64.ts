const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const lookup = new Int16Array(128).fill(-1);
for (let index = 0; index < alphabet.length; index += 1) lookup[alphabet.charCodeAt(index)] = index;

/**
 * Standard base64 (RFC 4648, with padding) of bytes. Written here so the engine runs in browsers
 * and Node alike without `Buffer`.
 *
 * @example
 * ```ts fragment
 * encodeBase64(new Uint8Array([1, 2, 3])); // 'AQID'
 * ```
 */
export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  for (let index = 0; index < bytes.length; index += 3) {
    const a = bytes[index]!;
    const b = index + 1 < bytes.length ? bytes[index + 1]! : 0;
    const c = index + 2 < bytes.length ? bytes[index + 2]! : 0;
    const triple = (a << 16) | (b << 8) | c;
    chunk +=
      alphabet[(triple >> 18) & 63]! +
      alphabet[(triple >> 12) & 63]! +
      (index + 1 < bytes.length ? alphabet[(triple >> 6) & 63]! : '=') +
      (index + 2 < bytes.length ? alphabet[triple & 63]! : '=');
    if (chunk.length >= 4096) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}

/**
 * Decodes standard base64; returns `null` when the text is not valid base64.
 *
 * @example
 * ```ts fragment
 * decodeBase64('AQID'); // Uint8Array [1, 2, 3]
 * ```
 */
export function decodeBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let write = 0;
  for (let index = 0; index < text.length; index += 4) {
    let triple = 0;
    for (let offset = 0; offset < 4; offset += 1) {
      const code = text.charCodeAt(index + offset);
      const isPadding = code === 61 && index + 4 === text.length && offset >= 4 - padding;
      const digit = isPadding ? 0 : code < 128 ? lookup[code]! : -1;
      if (digit < 0) return null;
      triple = (triple << 6) | digit;
    }
    if (write < bytes.length) bytes[write++] = (triple >> 16) & 255;
    if (write < bytes.length) bytes[write++] = (triple >> 8) & 255;
    if (write < bytes.length) bytes[write++] = triple & 255;
  }
  return bytes;
}
