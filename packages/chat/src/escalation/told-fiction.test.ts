import { describe, expect, it } from 'vitest';
import { lexiconCodesWithStrength } from '../test-utils/lexicon-codes';
import { strongSignalCodes } from '../test-utils/strong-codes';
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

describe('isToldOfFiction: a character of a story feels it (round 18)', () => {
  it.each([
    'ミステリー小説を書いてて、主人公が夜中の物音に怯えるシーンがあるんですが、実際の騒音ってどのくらいのデシベルなんでしょう',
    'I am writing a novel and the protagonist is terrified of the noise upstairs. How loud is a typical footstep?',
  ])('reads «%s» as no anxiety', (message) => {
    expect(strongSignalCodes(message)).not.toContain('anxiety');
  });

  it('reads the anger of a character in a drama as no anger', () => {
    expect(
      strongSignalCodes(
        '昨日のドラマで主人公が「ふざけるな！」って隣人に怒鳴り込むシーンがあって、リアルすぎて笑いました。',
      ),
    ).not.toContain('anger');
  });

  it.each([
    'I feel like the main character in a nightmare, I’m terrified of my neighbour.',
    '主人公みたいに強くないので、夜中の物音が本当に怖いです',
    'ドラマの主人公の気持ちがわかります。ふざけるなと言いたいです、毎晩うるさくて。',
  ])('still reads «%s» as the customer’s own feeling', (message) => {
    const codes = strongSignalCodes(message);
    expect(codes.includes('anxiety') || codes.includes('anger')).toBe(true);
  });
});

describe('review r18 M2: the customer’s own clause after a character’s', () => {
  it.each([
    'ドラマの主人公が怯えるシーンを見て、自分も同じ状況で怖いです',
    '小説の主人公が怖がる感じじゃなくて、本当に私が怖いんです',
    'ドラマの主人公が怒鳴るシーンを見て、隣の人が毎晩怖いです',
    'The protagonist of the film was scared, and honestly I am terrified of my neighbour too.',
  ])('still reads «%s» as the customer’s own fear', (message) => {
    expect(strongSignalCodes(message)).toContain('anxiety');
  });
});
