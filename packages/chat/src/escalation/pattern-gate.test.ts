import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { escalationEvaluationSet, escalationFrozenSet, escalationHoldoutSet } from '../evaluation';
import { normalizeText } from '../text/normalize-text';
import { escalationLexicon } from './escalation-lexicon';
import { mayMatch, PatternGate } from './pattern-gate';
import { requiredLiterals } from './required-literals';

const letThrough = (gate: PatternGate, count: number, text: string) => {
  const candidates = gate.candidates(text);
  return Array.from({ length: count }, (_, index) => mayMatch(candidates, index));
};

describe('PatternGate', () => {
  const patterns = [/返金/u, /\b(?:cancel|refund)/u, /x*/u, /鬱|😰/u, /(?:^|。)でいつ/u];
  const gate = new PatternGate(patterns);

  it('lets through the expressions whose words the text holds', () => {
    expect(letThrough(gate, 5, 'i want a refund')).toEqual([false, true, true, false, false]);
    expect(letThrough(gate, 5, '返金してください')).toEqual([true, false, true, false, false]);
    expect(letThrough(gate, 5, '鬱です')).toEqual([false, false, true, true, false]);
    expect(letThrough(gate, 5, 'もう😰')).toEqual([false, false, true, true, false]);
    expect(letThrough(gate, 5, 'で、結局でいつ?')).toEqual([false, false, true, false, true]);
  });

  it('always lets through an expression without required words', () => {
    expect(letThrough(gate, 5, '')).toEqual([false, false, true, false, false]);
    expect(letThrough(gate, 5, 'hello')).toEqual([false, false, true, false, false]);
  });

  it('keeps more than 32 expressions apart', () => {
    const many = Array.from({ length: 70 }, (_, index) => new RegExp(`word${index}x`, 'u'));
    const wide = new PatternGate(many);
    const through = letThrough(wide, 70, 'a word33x and a word64x');
    expect(through.flatMap((yes, index) => (yes ? [index] : []))).toEqual([33, 64]);
  });

  // Every lexicon rule that matches a message is let through: the labelled sets, every training
  // message and each of them cut at random.
  it('never keeps back a lexicon rule that matches', () => {
    const lexicon = new PatternGate(escalationLexicon.map((rule) => rule.pattern));
    const folder = new URL('../../data/', import.meta.url);
    const messages = [
      ...[...escalationEvaluationSet, ...escalationHoldoutSet, ...escalationFrozenSet].map(
        (item) => item.message,
      ),
      ...readdirSync(folder)
        .filter((name) => name.endsWith('.jsonl'))
        .flatMap((name) =>
          readFileSync(new URL(name, folder), 'utf8')
            .split('\n')
            .filter((line) => line.trim() !== '')
            .map((line) => (JSON.parse(line) as { message: string }).message),
        ),
    ];
    let matched = 0;
    let through = 0;
    for (const [index, message] of messages.entries()) {
      const text = normalizeText(message);
      for (const piece of [text, text.slice(index % 7, text.length - (index % 5))]) {
        const candidates = lexicon.candidates(piece);
        escalationLexicon.forEach((rule, at) => {
          rule.pattern.lastIndex = 0;
          const matches = rule.pattern.test(piece);
          if (mayMatch(candidates, at)) through += 1;
          if (!matches) return;
          matched += 1;
          expect(mayMatch(candidates, at), `rule ${at} (${rule.code}) on ${piece}`).toBe(true);
        });
      }
    }
    for (const rule of escalationLexicon) rule.pattern.lastIndex = 0;
    expect(matched).toBeGreaterThan(10_000);
    // The point of it: most rules are kept back from most messages.
    expect(through).toBeLessThan((messages.length * 2 * escalationLexicon.length) / 4);
  });

  // Speed, not correctness: a rule without required words runs on every message.
  it('finds required words for every lexicon rule', () => {
    const always = escalationLexicon.filter((rule) => requiredLiterals(rule.pattern) === undefined);
    expect(always.map((rule) => rule.pattern.source)).toEqual([]);
  });
});
