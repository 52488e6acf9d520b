/**
 * The source of a pattern written as regular-expression literals, several of them concatenated in
 * order. The rules are written as literals rather than strings: no doubled backslashes, and a
 * bundler keeps a literal's Japanese as UTF-8 where a string's becomes `\u` escapes, which gzip
 * compresses worse (2.3 kB of the package's 55 kB gzip budget).
 */
export function patternSource(parts: RegExp | readonly RegExp[]): string {
  return parts instanceof RegExp ? parts.source : parts.map((part) => part.source).join('');
}
