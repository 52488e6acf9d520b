import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseRunsAndSpaces, hasRunsOrSpacing } from './runs-and-spaces';

describe('hasRunsOrSpacing', () => {
  it('is false for words with single plain spaces and pairs of one character', () => {
    expect(hasRunsOrSpacing('i need a refund, soon!!')).toBe(false);
    expect(hasRunsOrSpacing('返金してください')).toBe(false);
    expect(hasRunsOrSpacing('')).toBe(false);
  });

  it('finds a character three times in a row, at the start, middle or end', () => {
    expect(hasRunsOrSpacing('aaab')).toBe(true);
    expect(hasRunsOrSpacing('no!!!')).toBe(true);
    expect(hasRunsOrSpacing('えーーー')).toBe(true);
  });

  it('finds every kind of spacing that is not one plain space', () => {
    for (const spacing of [
      '  ',
      '_',
      '\t',
      '\n',
      '\r',
      '\v',
      '\f',
      '\u00a0',
      '\u2003',
      '\u2028',
      '\u3000',
      '\ufeff',
    ])
      expect(hasRunsOrSpacing(`a${spacing}b`), JSON.stringify(spacing)).toBe(true);
  });
});

describe('collapseRunsAndSpaces', () => {
  it('shortens runs to two and collapses spacing to one space', () => {
    expect(collapseRunsAndSpaces('so_ANGRY!!!!  now')).toBe('so ANGRY!! now');
    expect(collapseRunsAndSpaces('返金\u3000\u3000して')).toBe('返金 して');
    expect(collapseRunsAndSpaces('line\n\n\nbreak')).toBe('line break');
  });

  it('leaves the halves of repeated emoji and text without runs as they are', () => {
    expect(collapseRunsAndSpaces('😡😡😡')).toBe('😡😡😡');
    const plain = 'nothing to do here';
    expect(collapseRunsAndSpaces(plain)).toBe(plain);
  });

  it('gives what the two replacements give on any text', () => {
    const characters = fc.constantFrom(...'ab!あ 　_\t\n\u00a0\u2028\u200b😡'.split(''));
    fc.assert(
      fc.property(fc.array(characters, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(collapseRunsAndSpaces(text)).toBe(text.replace(/(.)\1{2,}/g, '$1$1').replace(/[\s_]+/g, ' '));
      }),
    );
  });
});
