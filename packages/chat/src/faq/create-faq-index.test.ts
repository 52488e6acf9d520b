import { KizunaValidationError } from '@kizuna/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFaqIndex } from './create-faq-index';
import { faqCalibrationSet } from './faq-calibration-set';
import { noiseServiceFaq } from './noise-service-faq';

const faq = createFaqIndex(noiseServiceFaq);

describe('createFaqIndex', () => {
  it('answers the FAQ questions themselves with a confidence above 0.9', () => {
    for (const entry of noiseServiceFaq) {
      const [best] = faq.search(entry.question);
      expect(best?.entry.id, entry.question).toBe(entry.id);
      expect(best?.confidence, entry.question).toBeGreaterThan(0.9);
    }
  });

  it('finds paraphrases through character bigrams and kana folding', () => {
    expect(faq.search('ｷｬﾝｾﾙ料はいくらですか')[0]?.entry.id).toBe('cancel');
    expect(faq.search('ブーンという低音も測定できますか')[0]?.entry.id).toBe('low-frequency');
  });

  it('indexes English words', () => {
    const english = createFaqIndex([
      { id: 'refund', question: 'What is your refund policy?', answer: 'Full refund when we fail.' },
      { id: 'hours', question: 'How long does a measurement take?', answer: 'Two hours.' },
    ]);
    expect(english.search('refund policy please')[0]?.entry.id).toBe('refund');
    expect(english.search('how long is the measurement')[0]?.entry.id).toBe('hours');
  });

  it('is calibrated on the labelled queries: above 0.9 it is right, and the Brier score is low', () => {
    let brier = 0;
    let confident = 0;
    let confidentRight = 0;
    for (const { query, expectedId } of faqCalibrationSet) {
      const [best] = faq.search(query);
      const right = best !== undefined && best.entry.id === expectedId ? 1 : 0;
      const confidence = best?.confidence ?? 0;
      brier += (confidence - right) ** 2;
      if (confidence > 0.9) {
        confident += 1;
        confidentRight += right;
      }
    }
    expect(confidentRight / confident).toBeGreaterThanOrEqual(0.95);
    expect(brier / faqCalibrationSet.length).toBeLessThan(0.15);
  });

  it('returns nothing for a query with no known term, and confidences within [0, 1]', () => {
    expect(faq.search('')).toEqual([]);
    expect(faq.search('xyzzy')).toEqual([]);
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (query) => {
        for (const match of faq.search(query)) {
          expect(match.confidence).toBeGreaterThanOrEqual(0);
          expect(match.confidence).toBeLessThanOrEqual(1);
        }
        expect(faq.search(query)).toEqual(faq.search(query));
      }),
    );
  });

  it('re-ranks candidates by embedding similarity when an embed function is given', async () => {
    const entries = [
      { id: 'a', question: '料金について', answer: 'a' },
      { id: 'b', question: '料金の支払い', answer: 'b' },
    ];
    // A fake embedding that puts the query next to entry b.
    const embed = async (texts: readonly string[]) =>
      texts.map((text) => (text.includes('支払') || text.includes('カード') ? [0, 1] : [1, 0]));
    const plain = createFaqIndex(entries);
    const reranked = createFaqIndex(entries, { embed, rerankWeight: 0.9 });
    expect(plain.search('料金 カード')[0]?.entry.id).toBe('a');
    expect((await reranked.searchWithRerank('料金 カード'))[0]?.entry.id).toBe('b');
    expect((await plain.searchWithRerank('料金 カード'))[0]?.entry.id).toBe('a');
  });

  it('rejects invalid entries and duplicate ids naming the field', () => {
    expect(() => createFaqIndex([{ id: 'x', question: '', answer: 'a' }])).toThrow(/question/);
    expect(() =>
      createFaqIndex([
        { id: 'x', question: 'q', answer: 'a' },
        { id: 'x', question: 'q2', answer: 'a' },
      ]),
    ).toThrow(KizunaValidationError);
  });
});
