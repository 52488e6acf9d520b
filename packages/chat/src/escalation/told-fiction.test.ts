import { describe, expect, it } from 'vitest';
import { lexiconCodesWithStrength } from '../test-utils/lexicon-codes';
import { normalizeText } from '../text/normalize-text';
import { isToldOfFiction } from './told-fiction';

describe('isToldOfFiction: a feeling felt at a story', () => {
  it('reads a fear felt at a drama as no anxiety', () => {
    const text = normalizeText('ドラマの中の隣人トラブル、怖かったな〜📺 うちは平和です');
    expect(isToldOfFiction(text, text.indexOf('怖'))).toBe(true);
    expect(lexiconCodesWithStrength('ドラマの中の隣人トラブル、怖かったな〜📺 うちは平和です')).toEqual([]);
    // A fear of the customer's own beside a story still counts.
    expect(lexiconCodesWithStrength('ドラマみたいなことが本当に起きて怖いです')).toContain('anxiety:strong');
    expect(lexiconCodesWithStrength('ニュースで見たような事件になりそうで本当に怖いです')).toContain(
      'anxiety:strong',
    );
    expect(
      lexiconCodesWithStrength(
        'I watched a documentary on noise and now I am terrified it will happen to us',
      ),
    ).toContain('anxiety:strong');
  });
});
