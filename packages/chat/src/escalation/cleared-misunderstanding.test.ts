import { describe, expect, it } from 'vitest';
import { strongSignalCodes } from '../test-utils/strong-codes';

describe('round 17: a billing worry thought and cleared', () => {
  it('is no billing dispute', () => {
    expect(
      strongSignalCodes(
        'My husband thought we were charged twice, but it was two different visits. All fine!',
      ),
    ).toEqual([]);
    expect(
      strongSignalCodes("Thought I'd been overcharged but I'd forgotten the delivery fee, my mistake"),
    ).toEqual([]);
    expect(strongSignalCodes('請求金額が先月と違うのは、延長したからですよね？')).toEqual([]);
  });

  it('keeps a worry found true', () => {
    expect(strongSignalCodes('I thought it was a mistake but it was not, you charged me twice.')).toContain(
      'billing_dispute',
    );
    expect(strongSignalCodes('I thought I was charged twice, and I was. Please fix it.')).toContain(
      'billing_dispute',
    );
    expect(strongSignalCodes('Turns out I was charged twice.')).toContain('billing_dispute');
    expect(
      strongSignalCodes('請求金額が先月と違うのは、延長したからですか？延長した覚えはないです。'),
    ).toContain('billing_dispute');
    expect(strongSignalCodes('今月の請求、先月と違います。延長もしてないのに')).toContain('billing_dispute');
  });
});

describe('review r17: a worry the words after the "but" confirm', () => {
  it('stays a billing dispute', () => {
    for (const message of [
      'I thought I was overcharged, but it was actually more than that - I was charged twice!',
      "I was sure I'd been overcharged, but that is exactly what happened, the invoice is too high.",
      'My husband thought we were charged twice, but it is worse: we were charged three times.',
    ])
      expect(strongSignalCodes(message), message).toContain('billing_dispute');
  });

  it('still reads a worry explained away as none', () => {
    expect(
      strongSignalCodes(
        'My husband thought we were charged twice, but it was two different visits. All fine!',
      ),
    ).toEqual([]);
    expect(
      strongSignalCodes('I thought I was charged twice, but it was the deposit and the fee. My mistake.'),
    ).toEqual([]);
  });
});
