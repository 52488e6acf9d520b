import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../text/normalize-text';
import { createHashedTextModel } from './hashed-text-model';
import { encodeModelWeights } from './learned-model-encoding';
import { visitTextFeatures } from './text-features';

// Every one of the 16 buckets weighs one step: a message's log-odds is the bias plus one step per
// distinct bucket its features land in.
const everyBucketOneStep = createHashedTextModel({
  bucketBits: 4,
  scale: 0.5,
  bias: -2,
  weights: encodeModelWeights(new Int8Array(16).fill(1)),
});

describe('createHashedTextModel', () => {
  it('scores the bias for text without features and one step for a single word', () => {
    expect(everyBucketOneStep.logOdds('')).toBe(-2);
    expect(everyBucketOneStep.logOdds('   ')).toBe(-2);
    // "hello" is one feature (the word): -2 + 0.5.
    expect(everyBucketOneStep.logOdds('hello')).toBe(-1.5);
  });

  it('counts a repeated feature once', () => {
    // "hello hello hello": the word and the pair "hello hello", each once, in two buckets of 16.
    const buckets = new Set<number>();
    visitTextFeatures('hello hello hello', 4, (bucket) => buckets.add(bucket));
    expect(everyBucketOneStep.logOdds('hello hello hello')).toBe(-2 + 0.5 * buckets.size);
    expect(everyBucketOneStep.logOdds('hello hello hello')).toBe(everyBucketOneStep.logOdds('hello hello'));
  });

  it('reads the weight of each bucket, with its sign', () => {
    // Two words in different buckets of 2^10: +3 steps for "refund", −2 for "thanks".
    const bucketOf = (word: string) => {
      let found = -1;
      visitTextFeatures(word, 10, (bucket) => {
        found = bucket;
      });
      return found;
    };
    const refund = bucketOf('refund');
    const thanks = bucketOf('thanks');
    expect(refund).not.toBe(thanks);
    const levels = new Int8Array(1 << 10);
    levels[refund] = 3;
    levels[thanks] = -2;
    const model = createHashedTextModel({
      bucketBits: 10,
      scale: 0.25,
      bias: 0.5,
      weights: encodeModelWeights(levels),
    });
    expect(model.logOdds('refund')).toBe(0.5 + 0.75);
    expect(model.logOdds('thanks')).toBe(0.5 - 0.5);
    expect(model.logOdds('hello')).toBe(0.5);
  });

  it('names each counted feature with its weight and span', () => {
    const spans: [number, number, number][] = [];
    const logOdds = everyBucketOneStep.logOddsWithSpans('hello', (weight, start, end) =>
      spans.push([weight, start, end]),
    );
    expect(logOdds).toBe(-1.5);
    expect(spans).toEqual([[0.5, 0, 5]]);
  });

  it('gives the same log-odds on both paths, and never depends on the previous call (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }), (first, second) => {
        const text = normalizeText(first);
        const alone = everyBucketOneStep.logOdds(text);
        everyBucketOneStep.logOdds(normalizeText(second));
        let spanSum = -2;
        const withSpans = everyBucketOneStep.logOddsWithSpans(text, (weight) => {
          spanSum += weight;
        });
        expect(everyBucketOneStep.logOdds(text)).toBe(alone);
        expect(withSpans).toBe(alone);
        expect(spanSum).toBeCloseTo(alone, 12);
        expect(alone).toBeGreaterThanOrEqual(-2);
        expect(alone).toBeLessThanOrEqual(-2 + 16 * 0.5);
      }),
    );
  });
});
