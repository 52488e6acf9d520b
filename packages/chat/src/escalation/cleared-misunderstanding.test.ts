import { describe, expect, it } from 'vitest';
import { normalizeText } from '../text/normalize-text';
import { findSignals } from './classify-escalation';

// The rules alone: the strong codes found in a message.
const strong17 = (message: string) =>
  findSignals(normalizeText(message), message)
    .filter((signal) => signal.strength === 'strong')
    .map((signal) => signal.code);

describe('round 17: a billing worry thought and cleared', () => {
  it('is no billing dispute', () => {
    expect(
      strong17('My husband thought we were charged twice, but it was two different visits. All fine!'),
    ).toEqual([]);
    expect(strong17("Thought I'd been overcharged but I'd forgotten the delivery fee, my mistake")).toEqual(
      [],
    );
    expect(strong17('請求金額が先月と違うのは、延長したからですよね？')).toEqual([]);
  });

  it('keeps a worry found true', () => {
    expect(strong17('I thought it was a mistake but it was not, you charged me twice.')).toContain(
      'billing_dispute',
    );
    expect(strong17('I thought I was charged twice, and I was. Please fix it.')).toContain('billing_dispute');
    expect(strong17('Turns out I was charged twice.')).toContain('billing_dispute');
    expect(strong17('請求金額が先月と違うのは、延長したからですか？延長した覚えはないです。')).toContain(
      'billing_dispute',
    );
    expect(strong17('今月の請求、先月と違います。延長もしてないのに')).toContain('billing_dispute');
  });
});
