import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { visitTextFeatures } from './text-features';

const spansOf = (text: string) => {
  const spans: string[] = [];
  visitTextFeatures(text, 16, (_bucket, start, end) => spans.push(text.slice(start, end)));
  return spans;
};

describe('visitTextFeatures', () => {
  it('reads character unigrams and bigrams of Japanese runs, not across ASCII', () => {
    // Three starts, at most two lengths each, cut at the run's end.
    expect(spansOf('あいう')).toEqual(['あ', 'あい', 'い', 'いう', 'う']);
    expect(spansOf('あ い')).toEqual(['あ', 'い']);
  });

  it('reads a product name with legal characters as one feature, with no bigram into or out of it', () => {
    expect(spansOf('ai調停さーびすを')).toEqual(['ai', '調停さーびす', 'を']);
    expect(spansOf('の弁護士監修')).toEqual(['の', '弁護士監修']);
    // The legal words themselves keep their bigrams.
    expect(spansOf('調停を')).toEqual(['調', '調停', '停', '停を', 'を']);
    expect(spansOf('弁護士に')).toContain('弁護');
  });

  it('reads English words and pairs of adjacent words, but no pair across punctuation', () => {
    expect(spansOf('no way')).toEqual(['no', 'way', 'no way']);
    expect(spansOf('no. way')).toEqual(['no', 'way']);
  });

  it('reads each run of question and exclamation marks as one feature, by its first mark and length', () => {
    expect(spansOf('why??')).toEqual(['why', '??']);
    expect(spansOf('no! way')).toEqual(['no', '!', 'way']);
    expect(spansOf('まだ?!')).toEqual(['ま', 'まだ', 'だ', '?!']);
    const bucketOf = (text: string, span: string) => {
      let found = -1;
      visitTextFeatures(text, 16, (bucket, start, end) => {
        if (text.slice(start, end) === span) found = bucket;
      });
      return found;
    };
    // The same mark and length anywhere give one feature; another length or first mark another.
    expect(bucketOf('a??', '??')).toBe(bucketOf('??b', '??'));
    expect(bucketOf('a??', '??')).not.toBe(bucketOf('a?', '?'));
    expect(bucketOf('a?!', '?!')).not.toBe(bucketOf('a!?', '!?'));
    expect(bucketOf('a?!?', '?!?')).toBe(bucketOf('a?!?!', '?!?!'));
  });

  it('gives the same feature the same bucket wherever it occurs, and different kinds different buckets', () => {
    const bucketsOf = (text: string) => {
      const buckets = new Map<string, number>();
      visitTextFeatures(text, 16, (bucket, start, end) => buckets.set(text.slice(start, end), bucket));
      return buckets;
    };
    expect(bucketsOf('返金して').get('返金')).toBe(bucketsOf('全額返金').get('返金'));
    expect(bucketsOf('refund now').get('refund')).toBe(bucketsOf('a refund').get('refund'));
    // A word and a Japanese n-gram of the same characters are different features.
    const word = bucketsOf('ab').get('ab');
    const pair = bucketsOf('a b').get('a b');
    expect(word).not.toBe(pair);
  });

  it('keeps every bucket in range and every span inside the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.integer({ min: 4, max: 18 }), (text, bits) => {
        visitTextFeatures(text, bits, (bucket, start, end) => {
          expect(bucket).toBeGreaterThanOrEqual(0);
          expect(bucket).toBeLessThan(2 ** bits);
          expect(start).toBeGreaterThanOrEqual(0);
          expect(end).toBeGreaterThan(start);
          expect(end).toBeLessThanOrEqual(text.length);
        });
      }),
    );
  });
});
