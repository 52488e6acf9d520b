import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize';

describe('tokenize', () => {
  it('makes character bigrams of Japanese and words of English', () => {
    expect(tokenize('キャンセル料')).toEqual(['きゃ', 'ゃん', 'んせ', 'せる', 'る料']);
    expect(tokenize('What is the refund policy?')).toEqual(['what', 'refund', 'policy']);
  });

  it('keeps a one-character Japanese run and splits at punctuation', () => {
    expect(tokenize('音。夜間')).toEqual(['音', '夜間']);
  });
});
