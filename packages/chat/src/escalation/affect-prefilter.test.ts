import { describe, expect, it } from 'vitest';
import { normalizeText } from '../text/normalize-text';
import { complaintPrefilter, complaintRequiredFragments } from './affect-prefilter';
import { findAffectSignals, mergedAffectRules } from './affect-rules';

/** Index after the group that opens at `open` (source[open] === '('). */
function groupEnd(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let index = open; index < source.length; index += 1) {
    const character = source[index];
    if (character === '\\') index += 1;
    else if (inClass) inClass = character !== ']';
    else if (character === '[') inClass = true;
    else if (character === '(') depth += 1;
    else if (character === ')') {
      depth -= 1;
      if (depth === 0) return index + 1;
    }
  }
  throw new Error(`unbalanced: ${source}`);
}

/** The top-level alternatives of a source, groups that are a whole alternative opened up. */
function alternatives(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let index = 0; index < source.length; index += 1) {
    const character = source[index];
    if (character === '\\') index += 1;
    else if (inClass) inClass = character !== ']';
    else if (character === '[') inClass = true;
    else if (character === '(') depth += 1;
    else if (character === ')') depth -= 1;
    else if (character === '|' && depth === 0) {
      parts.push(source.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(source.slice(start));
  return parts.flatMap((part) => {
    const open = part.startsWith('(?:') ? 0 : part.startsWith('\\b(?:') ? 2 : -1;
    if (open >= 0 && groupEnd(part, open) === part.length) return alternatives(part.slice(open + 3, -1));
    return [part];
  });
}

/**
 * Whether every match of `alternative` contains a match of `fragment` at `at`: the fragment is not
 * inside a class, a look-around, a group with another branch or a group (or last atom) that may be
 * skipped.
 */
function isRequiredAt(alternative: string, fragment: string, at: number): boolean {
  const open: number[] = [];
  let inClass = false;
  for (let index = 0; index < at; index += 1) {
    const character = alternative[index];
    if (character === '\\') index += 1;
    else if (inClass) inClass = character !== ']';
    else if (character === '[') inClass = true;
    else if (character === '(') open.push(index);
    else if (character === ')') open.pop();
  }
  if (inClass) return false;
  const optional = (after: string) => /^(?:\?|\*|\{0,)/u.test(after);
  if (optional(alternative.slice(at + fragment.length))) return false;
  for (const start of open) {
    const end = groupEnd(alternative, start);
    if (/^\(\?<?[=!]/u.test(alternative.slice(start))) return false;
    if (optional(alternative.slice(end))) return false;
    const inner = alternative.slice(alternative.startsWith('(?:', start) ? start + 3 : start + 1, end - 1);
    if (alternatives(`(?:${inner})`).length > 1 && !(start === at && end === at + fragment.length))
      return false;
  }
  return true;
}

/** The fragments of one line of the list: the line as a group, or each of its branches. */
function candidates(line: string): string[] {
  return [`(?:${line})`, ...alternatives(line)];
}

describe('complaint prefilter (speed, no change in behaviour)', () => {
  const groups = mergedAffectRules.filter((rule) => rule.prefilter !== undefined);

  it('covers the English and the Japanese complaint expressions', () => {
    expect(groups.map((rule) => `${rule.language} ${rule.code}`).sort()).toEqual([
      'en complaint',
      'ja complaint',
    ]);
  });

  for (const rule of groups) {
    it(`names, for each ${rule.language} alternative, a fragment every match contains`, () => {
      const lines = complaintRequiredFragments[rule.language];
      const missing: string[] = [];
      for (const alternative of alternatives(rule.pattern.source)) {
        const found = lines.some((line) =>
          candidates(line).some((fragment) => {
            for (let at = alternative.indexOf(fragment); at >= 0; at = alternative.indexOf(fragment, at + 1))
              if (isRequiredAt(alternative, fragment, at)) return true;
            return false;
          }),
        );
        if (!found) missing.push(alternative);
      }
      expect(missing).toEqual([]);
      expect(rule.prefilter).toBe(complaintPrefilter[rule.language]);
    });
  }

  it('rejects what is not required', () => {
    expect(isRequiredAt('a(?:b)?c', 'b', 4)).toBe(false);
    expect(isRequiredAt('a(?:b|d)c', 'b', 4)).toBe(false);
    expect(isRequiredAt('a(?=b)c', 'b', 4)).toBe(false);
    expect(isRequiredAt('a[b]c', 'b', 2)).toBe(false);
    expect(isRequiredAt('a(?:x(?:b|d))c', '(?:b|d)', 5)).toBe(true);
    expect(isRequiredAt('ab?c', 'b', 1)).toBe(false);
  });

  it('still finds the complaints (examples of each language)', () => {
    const codes = (message: string) => findAffectSignals(normalizeText(message)).map((signal) => signal.code);
    expect(codes('Ah, I see. So thats what 30,000 yen gets you.')).toContain('complaint');
    expect(codes('I was on hold 25 minutes')).toContain('complaint');
    expect(codes('2時間来ていただいて、この内容なんですね')).toContain('complaint');
    expect(codes('いい勉強代になりました')).toContain('complaint');
    expect(complaintPrefilter.en.test(normalizeText('When is my next visit?'))).toBe(false);
    expect(complaintPrefilter.ja.test(normalizeText('次の訪問はいつですか'))).toBe(false);
  });
});
