import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lexiconCodesWithStrength } from '../test-utils/lexicon-codes';
import { normalizeText } from '../text/normalize-text';
import { isResolvedPast } from './resolved-past';

/** Whether the first occurrence of `expression` in `message` is told as over. */
const resolvedAt = (message: string, expression: string) => {
  const text = normalizeText(message);
  const start = text.indexOf(expression);
  if (start < 0) throw new Error(`"${expression}" not in "${text}"`);
  return isResolvedPast(text, start, start + expression.length);
};

describe('isResolvedPast', () => {
  it('reads a past emotion followed by a resolution and thanks as over', () => {
    expect(
      resolvedAt('先週はずっと不安でしたが、管理会社が間に入ってくれて今は落ち着いています', '不安'),
    ).toBe(true);
    expect(resolvedAt('I was furious at first, but the second visit fixed it. Thank you', 'furious')).toBe(
      true,
    );
  });

  it('keeps an emotion that is present, or a resolution that is denied or still open', () => {
    expect(resolvedAt('不安で眠れません。ありがとうございます', '不安')).toBe(false); // no past form
    expect(resolvedAt('I was angry last week and nothing was fixed', 'angry')).toBe(false);
    expect(resolvedAt('前回は不安でしたが、解決したと言われたのにまだ音がします', '不安')).toBe(false);
    expect(resolvedAt('I was anxious before, and it is not sorted', 'anxious')).toBe(false);
  });

  it('reads a resolution told in the past, or thanks for a fix before it, as over', () => {
    // "got corrected" is itself past: no other past form is needed.
    expect(resolvedAt('The billing mistake from March got corrected, appreciate it', 'billing')).toBe(true);
    expect(resolvedAt('請求の間違い、訂正されていました。ありがとうございます', '間違い')).toBe(true);
    expect(resolvedAt('Thanks for fixing the double charge on my card', 'double charge')).toBe(true);
    expect(resolvedAt('thank you so much for sorting the wrong date on my report', 'wrong date')).toBe(true);
  });

  it('keeps trouble that came back, was not fixed, or is open after the thanks', () => {
    expect(resolvedAt('The billing mistake got corrected, but now it is wrong again', 'billing')).toBe(false);
    expect(resolvedAt('請求の間違い、訂正されたはずなのにまた同じ金額です', '間違い')).toBe(false);
    expect(
      resolvedAt('Thanks for fixing the double charge, but I was charged again today', 'double charge'),
    ).toBe(false);
    expect(resolvedAt('The billing mistake was never corrected', 'billing')).toBe(false);
  });

  it('reads katakana words of a resolution, folded like the text (カード, ミス), and not «…てません»', () => {
    expect(resolvedAt('先月は二重請求で不安でしたが、私のミスでした', '不安')).toBe(true);
    expect(resolvedAt('先月は二重請求で不安でしたが、そちらのミスでした', '不安')).toBe(false);
    expect(resolvedAt('二重請求で不安でしたが、返金分がカードに反映されてました', '不安')).toBe(true);
    expect(resolvedAt('二重請求で不安でしたが、返金分がまだカードに反映されてません', '不安')).toBe(false);
  });

  it('never reads an expression as over when the message has no resolution after it nor thanks before it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 }), (before, after) => {
        const text = normalizeText(
          `${before.replace(/thank|appreciate/gi, '')}不安${after.replace(/[^a-z ]/g, '')}`,
        );
        const start = text.lastIndexOf('不安');
        const rest = text.slice(start + 2);
        fc.pre(
          !/(?:thank|appreciat|sorted|resolved|fixed|settled|cleared|good now|now|made up|my |misunderstanding|turned out)/.test(
            rest,
          ),
        );
        expect(isResolvedPast(text, start, start + 2)).toBe(false);
      }),
    );
  });
});

describe('review r16, finding 20: a refund that showed up only to go', () => {
  it('is not over', () => {
    expect(resolvedAt('Refund showed up as pending then disappeared. I want my money.', 'refund')).toBe(
      false,
    );
  });

  it('keeps a refund that showed up on the card over', () => {
    expect(resolvedAt('The refund showed up on my card this morning.', 'refund')).toBe(true);
  });

  // The rest of a long message is read through the starts of resolutions found once per message
  // (speed); a resolution right after the expression, far after it, or none read as before.
  it('reads the rest of a long message as a short one', () => {
    const filler = 'あ'.repeat(450);
    expect(resolvedAt(`先月の返金は今朝口座に入ってました。${filler}`, '返金')).toBe(true);
    expect(resolvedAt(`先月は不安でしたが${filler}解決しました`, '不安')).toBe(true);
    expect(resolvedAt(`先月は不安でしたが${filler}`, '不安')).toBe(false);
    expect(resolvedAt(`返金${'まだ来ない。'.repeat(100)}`, '返金')).toBe(false);
    expect(
      resolvedAt(`I was furious at first, ${'and '.repeat(120)}the second visit fixed it.`, 'furious'),
    ).toBe(true);
  });
});

describe('isResolvedPast: a past anger followed by "I am ok"', () => {
  it('reads a past anger followed by "I am ok" as over', () => {
    const text = normalizeText(
      "I was furious about this yesterday, but after sleeping on it I'm ok. Can you tell me how to appeal?",
    );
    const start = text.indexOf('furious');
    expect(isResolvedPast(text, start, start + 7)).toBe(true);
    expect(
      lexiconCodesWithStrength("I was furious about this yesterday, but after sleeping on it I'm ok."),
    ).toEqual([]);
    expect(
      lexiconCodesWithStrength(
        "I was furious yesterday and I'm still furious, I'm ok with nothing you offered",
      ),
    ).toContain('anger:strong');
    expect(
      lexiconCodesWithStrength("I am furious. I'm okay physically but the neighbour keeps banging"),
    ).toContain('anger:strong');
  });
});
