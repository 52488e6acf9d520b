// Without the u flag on purpose: much faster, and emoji runs (surrogate pairs) are left as they are.
const repeatedCharacter = /(.)\1{2,}/g;
// An underscore separates words like a space ("so_angry", "lawyer_letter"), so that patterns can
// start at a word boundary.
const whitespace = /[\s_]+/g;

const space = 0x20;
const underscore = 0x5f;

/**
 * True for every character `\s` matches (and for the other ASCII control characters, which only
 * costs the slow path): tab, line breaks, no-break and ideographic spaces, the byte order mark, ….
 */
function isSpaceLike(code: number): boolean {
  if (code < 0x80) return code <= space;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Speed (r18): whether {@link collapseRunsAndSpaces} could change `text`: a character three times in
 * a row, or spacing other than single plain spaces (an underscore, a tab, a line break, two spaces,
 * a wide space). Most messages have none, and one loop over the characters costs less than the two
 * regular expressions that find out by replacing.
 */
export function hasRunsOrSpacing(text: string): boolean {
  let before = -1;
  let twoBefore = -1;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === before && code === twoBefore) return true;
    if (code === underscore || (code === space ? before === space : isSpaceLike(code))) return true;
    twoBefore = before;
    before = code;
  }
  return false;
}

/**
 * Runs of one character shortened to two (`!!!!!` → `!!`; line breaks and the halves of an emoji are
 * left to the next step), then every run of whitespace and underscores one space: the two steps of
 * `normalizeText` in that order, skipped when {@link hasRunsOrSpacing} says they change nothing:
 * `'so_ANGRY!!!!  now'` becomes `'so ANGRY!! now'` (an internal helper, not exported by the package).
 */
export function collapseRunsAndSpaces(text: string): string {
  if (!hasRunsOrSpacing(text)) return text;
  return text.replace(repeatedCharacter, '$1$1').replace(whitespace, ' ');
}
