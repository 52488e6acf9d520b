import { describe, expect, it } from 'vitest';
import { escalationEvaluationSet, escalationFrozenSet, escalationHoldoutSet } from '../evaluation';
import { normalizeText } from '../text/normalize-text';
import { escalationLexicon } from './escalation-lexicon';
import { requiredLiterals } from './required-literals';

const sorted = (pattern: RegExp) => {
  const words = requiredLiterals(pattern);
  return words === undefined ? undefined : [...words].sort();
};

describe('requiredLiterals', () => {
  it('lists the words of a plain alternation and the spellings of an optional part', () => {
    expect(sorted(/返金(?:して)?ください|refund/u)).toEqual(['refund', '返金ください', '返金してください']);
    expect(sorted(/おかし[いく]/u)).toEqual(['おかしい', 'おかしく']);
    expect(sorted(/\bcancel(?:ling)? (?:my|the) plan\b/u)).toEqual([
      'cancel my plan',
      'cancel the plan',
      'cancelling my plan',
      'cancelling the plan',
    ]);
  });

  it('leaves out assertions, which match no characters', () => {
    expect(sorted(/(?<!見)返(?:して|せ)(?!ない)/u)).toEqual(['返して', '返せ']);
    expect(sorted(/^\bhelp\b$/u)).toEqual(['help']);
  });

  it('keeps the longest certain run of a sequence with parts that vary', () => {
    expect(sorted(/[^。]{0,4}無駄に.{2}/u)).toEqual(['無駄に']);
    expect(sorted(/a+bc*d/)).toEqual(['b']); // a+, then b and d apart: the rarest letter
    expect(sorted(/(?:を|に)(?:解除し)?(?:たい|ます)/u)).toEqual(
      [
        'にたい',
        'にます',
        'に解除したい',
        'に解除します',
        'をたい',
        'をます',
        'を解除したい',
        'を解除します',
      ].sort(),
    );
    expect(sorted(/(?:を|に)解除し(?:たい|ます)/u)).toEqual(
      ['を解除したい', 'を解除します', 'に解除したい', 'に解除します'].sort(),
    );
    expect(sorted(/(?:を|に)[^。]解除し(?:たい|ます)/u)).toEqual(['解除したい', '解除します']);
    expect(sorted(/(?:を|に)[^。]解除し.(?:たい|ます)/u)).toEqual(['解除し']);
    expect(sorted(/x\d+yz/)).toEqual(['yz']);
    expect(sorted(/(?:ab|cd)+e?/)).toEqual(['ab', 'cd']);
  });

  it('needs a word from every branch, or gives none', () => {
    expect(sorted(/foo|ba[rz]|[^q]/)).toBeUndefined();
    expect(sorted(/foo|/)).toBeUndefined();
    expect(sorted(/(?:foo)?/)).toBeUndefined();
    expect(sorted(/.*/)).toBeUndefined();
    expect(sorted(/[ぁ-ん]{2}/u)).toBeUndefined();
  });

  it('reads escapes and emoji', () => {
    expect(sorted(/\?\?|!!/u)).toEqual(['!!', '??']);
    expect(sorted(/\n|\t|\0/u)).toEqual(['\0', '\t', '\n']);
    // Escapes by number are not read: no words rather than wrong ones.
    expect(sorted(/\u3042|\x41/u)).toBeUndefined();
    expect(sorted(/😰+|😨?x/u)).toEqual(['x', '😨x', '😰']);
    expect(sorted(/(ab)\1/)).toBeUndefined(); // back references are not read
  });

  it('does not read case-insensitive expressions', () => {
    expect(requiredLiterals(/refund/i)).toBeUndefined();
  });

  // Random expressions over a few letters, checked against every short text over those letters:
  // each match holds one of the words.
  it('holds for every match of random expressions', () => {
    let state = 7;
    const random = (below: number) => {
      state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
      return state % below;
    };
    const atoms = ['a', 'b', 'c', ' ', '[ab]', '[^a]', '.', '\\b', '^', '$', '(?=a)', '(?<!b)', '\\s'];
    const quantifiers = ['', '', '', '?', '*', '+', '{1,2}', '{0,2}', '{2}', '??', '+?'];
    const expression = (depth: number): string => {
      const branches = 1 + random(depth > 0 ? 3 : 2);
      const parts: string[] = [];
      for (let branch = 0; branch < branches; branch += 1) {
        let sequence = '';
        const length = random(4);
        for (let index = 0; index <= length; index += 1) {
          const atom =
            depth > 0 && random(4) === 0 ? `(?:${expression(depth - 1)})` : atoms[random(atoms.length)]!;
          const assertion = /^(?:\\b|\^|\$|\(\?[=!<])/.test(atom);
          sequence += assertion ? atom : atom + quantifiers[random(quantifiers.length)]!;
        }
        parts.push(sequence);
      }
      return parts.join('|');
    };
    const texts: string[] = [''];
    for (let length = 1; length <= 5; length += 1)
      for (const text of texts.filter((text) => text.length === length - 1))
        for (const letter of 'abc ') texts.push(text + letter);
    let proven = 0;
    for (let round = 0; round < 600; round += 1) {
      const pattern = new RegExp(expression(2), 'gu');
      const words = requiredLiterals(pattern);
      if (words === undefined) continue;
      proven += 1;
      for (const text of texts)
        for (const match of text.matchAll(pattern))
          expect(
            words.some((word) => match[0].includes(word)),
            `${pattern} on ${JSON.stringify(text)}`,
          ).toBe(true);
    }
    expect(proven).toBeGreaterThan(100);
  }, 60_000); // many random expressions: slow on a loaded machine

  it('holds for every match of the lexicon in the labelled messages', () => {
    const texts = [...escalationEvaluationSet, ...escalationHoldoutSet, ...escalationFrozenSet].map((item) =>
      normalizeText(item.message),
    );
    let matches = 0;
    for (const rule of escalationLexicon) {
      const words = requiredLiterals(rule.pattern) ?? [''];
      const pattern = new RegExp(rule.pattern.source, 'gu');
      for (const text of texts)
        for (const match of text.matchAll(pattern)) {
          matches += 1;
          expect(words.some((word) => match[0].includes(word))).toBe(true);
        }
    }
    expect(matches).toBeGreaterThan(500);
  });
});
