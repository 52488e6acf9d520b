import { describe, expect, it } from 'vitest';
import { strongSignalCodes } from '../test-utils/strong-codes';

describe('a cancellation word naming what a refund is for (round 17)', () => {
  it('is no cancellation, and a refund confirmed is nothing', () => {
    expect(strongSignalCodes('前回キャンセルした分の返金、無事確認できました')).toEqual([]);
  });

  it('keeps the refund asked for or still missing', () => {
    expect(strongSignalCodes('キャンセルした分の返金をお願いします')).toContain('refund_request');
    expect(strongSignalCodes('前回キャンセルした分の返金、まだ確認できません')).toContain('refund_request');
  });
});
