import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldKana, normalizeText } from './normalize-text';

describe('normalizeText', () => {
  it('folds full-width and half-width forms, case and katakana', () => {
    expect(normalizeText('ﾍﾝｷﾝ　ＲＥＦＵＮＤ')).toBe('へんきん refund');
    expect(normalizeText('キャンセル')).toBe('きゃんせる');
  });

  it('removes spacing and light punctuation between Japanese characters', () => {
    expect(normalizeText('返 金、し・て')).toBe('返金して');
    expect(normalizeText('r e f u n d please')).toBe('refund please');
  });

  it('shortens runs of one character and drops apostrophes', () => {
    expect(normalizeText("I DON'T want it!!!!!")).toBe('i dont want it!!');
  });

  it('reads an underscore as a space, so a word after it starts a word', () => {
    expect(normalizeText('so_ANGRY  about   lawyer__letter')).toBe('so angry about lawyer letter');
  });

  it('is idempotent on Japanese and English text', () => {
    const characters = fc.constantFrom(
      ..."あいうアイウｱｲｳ返金解約 　、。!！?？abcABC123１２３-・'_😡".split(''),
    );
    fc.assert(
      fc.property(fc.array(characters, { maxLength: 40 }), (parts) => {
        const once = normalizeText(parts.join(''));
        expect(normalizeText(once)).toBe(once);
      }),
    );
  });
});

describe('foldKana', () => {
  it('maps katakana to hiragana and leaves everything else', () => {
    expect(foldKana('カタカナ and 漢字')).toBe('かたかな and 漢字');
  });
});
