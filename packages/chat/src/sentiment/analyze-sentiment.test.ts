import { KizunaValidationError } from '@kizuna/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeSentiment } from './analyze-sentiment';
import { sentimentRisk } from './sentiment-risk';

describe('analyzeSentiment', () => {
  it('labels Japanese and English text', () => {
    expect(analyzeSentiment('とても丁寧で助かりました。ありがとうございます').label).toBe('POSITIVE');
    expect(analyzeSentiment('対応が遅くて残念です').label).toBe('NEGATIVE');
    expect(analyzeSentiment('測定は来週の火曜日です').label).toBe('NEUTRAL');
    expect(analyzeSentiment('Thanks, the report was really helpful').label).toBe('POSITIVE');
    expect(analyzeSentiment('This is the worst service, I want a refund').label).toBe('NEGATIVE');
    expect(analyzeSentiment('The technician arrives at 10').label).toBe('NEUTRAL');
  });

  it('flips a negated positive and neutralises a negated negative', () => {
    expect(analyzeSentiment('満足していません').label).toBe('NEGATIVE');
    expect(analyzeSentiment('I am not happy with it').label).toBe('NEGATIVE');
    expect(analyzeSentiment('not bad').label).toBe('NEUTRAL');
  });

  it('reads width and kana variants', () => {
    expect(analyzeSentiment('ｻｲｱｸ').label).toBe('NEGATIVE');
    expect(analyzeSentiment('ｸﾚｰﾑです').label).toBe('NEGATIVE');
  });

  it('applies configured thresholds', () => {
    expect(analyzeSentiment('良かった', { positiveThreshold: 0.9 }).label).toBe('NEUTRAL');
  });

  it('keeps the score in [-1, 1] and agrees with the label', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 80 }),
        fc.constantFrom('最悪', '満足', 'good', 'bad', '怒', ''),
        (text, word) => {
          const result = analyzeSentiment(text + word);
          expect(result.score).toBeGreaterThanOrEqual(-1);
          expect(result.score).toBeLessThanOrEqual(1);
          expect(Number.isFinite(result.score)).toBe(true);
          if (result.label === 'POSITIVE') expect(result.score).toBeGreaterThan(0);
          if (result.label === 'NEGATIVE') expect(result.score).toBeLessThan(0);
        },
      ),
    );
  });

  it('throws KizunaValidationError for text that is not a string', () => {
    expect(() => analyzeSentiment(42 as never)).toThrow(KizunaValidationError);
  });
});

describe('sentimentRisk', () => {
  it('follows the seed thresholds on the negative ratio', () => {
    expect(sentimentRisk(['NEGATIVE', 'NEGATIVE', 'POSITIVE', 'NEUTRAL']).riskLevel).toBe('high');
    expect(sentimentRisk(['NEGATIVE', 'POSITIVE', 'NEUTRAL']).riskLevel).toBe('medium');
    expect(sentimentRisk(['NEGATIVE', 'POSITIVE', 'NEUTRAL', 'POSITIVE']).riskLevel).toBe('low');
    expect(sentimentRisk([])).toMatchObject({ negativeRatio: 0, riskLevel: 'low' });
  });
});
