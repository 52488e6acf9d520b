import { describe, expect, it } from 'vitest';
import { isNegatedEnglish, isWhiteSpace, precedingWords } from './negation';

describe('precedingWords', () => {
  it('reads the words of the clause before a position, last word last', () => {
    const text = 'i am really not angry';
    expect(precedingWords(text, text.indexOf('angry'), 5)).toEqual(['i', 'am', 'really', 'not']);
    expect(precedingWords(text, text.indexOf('angry'), 2)).toEqual(['really', 'not']);
    expect(precedingWords(text, 0, 5)).toEqual([]);
  });

  it('starts the clause after punctuation and after a joining word', () => {
    const text = 'the visit was fine, i am not angry';
    expect(precedingWords(text, text.indexOf('angry'), 5)).toEqual(['i', 'am', 'not']);
    const joined = 'i called twice but nobody answered';
    expect(precedingWords(joined, joined.indexOf('answered'), 5)).toEqual(['nobody']);
    const although = 'fine although not great';
    expect(precedingWords(although, although.indexOf('great'), 5)).toEqual(['not']);
    // A joining word inside a longer word does not break the clause.
    const inside = 'the brandy sold well';
    expect(precedingWords(inside, inside.indexOf('well'), 5)).toEqual(['the', 'brandy', 'sold']);
    // Punctuation glued to a word breaks there: "x;y" leaves "y".
    const glued = 'a b;c d';
    expect(precedingWords(glued, 7, 5)).toEqual(['c', 'd']);
  });

  it('looks back 40 characters only, and a word cut at that edge counts as a whole word', () => {
    // 40 characters before "angry": "…and" cut to "nd" is no joining word; "so" cut from "also" is.
    const text = `${'x'.repeat(11)}rand ${'y'.repeat(32)} not angry`;
    const start = text.indexOf('angry');
    expect(precedingWords(text, start, 5)).toEqual(['nd', 'y'.repeat(32), 'not']);
    const cut = `${'x'.repeat(11)}also ${'y'.repeat(32)} not angry`;
    expect(precedingWords(cut, cut.indexOf('angry'), 5)).toEqual(['y'.repeat(32), 'not']);
  });

  it('splits on every white space that \\s matches, ideographic space included', () => {
    const text = 'i\u3000am\u00a0not\tangry';
    expect(precedingWords(text, text.indexOf('angry'), 5)).toEqual(['i', 'am', 'not']);
    expect(isWhiteSpace(0x3000)).toBe(true);
    expect(isWhiteSpace(0xfeff)).toBe(true);
    expect(isWhiteSpace(0x2028)).toBe(true);
    expect(isWhiteSpace(0x200b)).toBe(false);
    expect(isWhiteSpace('a'.charCodeAt(0))).toBe(false);
  });
});

describe('isNegatedEnglish', () => {
  it('reads a negator among the three words before', () => {
    const text = 'i am not in any way angry';
    expect(isNegatedEnglish(text, text.indexOf('angry'))).toBe(false);
    const near = 'i am not that angry';
    expect(isNegatedEnglish(near, near.indexOf('angry'))).toBe(true);
    const after = 'i didnt say, i am angry';
    expect(isNegatedEnglish(after, after.indexOf('angry'))).toBe(false);
  });

  it('reads a clause that opens with "not that"', () => {
    const text = 'not that i am angry';
    expect(isNegatedEnglish(text, text.indexOf('angry'))).toBe(true);
    const late = 'well not that i am ever very angry';
    expect(isNegatedEnglish(late, late.indexOf('angry'))).toBe(false);
  });
});
