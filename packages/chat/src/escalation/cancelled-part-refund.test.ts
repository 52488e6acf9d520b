import { describe, expect, it } from 'vitest';
import { normalizeText } from '../text/normalize-text';
import { findSignals } from './classify-escalation';

// The rules alone: the strong codes found in a message.
const strong = (message: string) =>
  findSignals(normalizeText(message), message)
    .filter((signal) => signal.strength === 'strong')
    .map((signal) => signal.code);

describe('a cancellation word naming what a refund is for (round 17)', () => {
  it('is no cancellation, and a refund confirmed is nothing', () => {
    expect(strong('前回キャンセルした分の返金、無事確認できました')).toEqual([]);
  });

  it('keeps the refund asked for or still missing', () => {
    expect(strong('キャンセルした分の返金をお願いします')).toContain('refund_request');
    expect(strong('前回キャンセルした分の返金、まだ確認できません')).toContain('refund_request');
  });
});
