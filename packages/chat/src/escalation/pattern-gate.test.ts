import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { escalationEvaluationSet, escalationFrozenSet, escalationHoldoutSet } from '../evaluation';
import { normalizeText } from '../text/normalize-text';
import { findAffectSignals, mergedAffectRules } from './affect-rules';
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

  it('finds a word of four characters whose beginnings are no word, and a shorter word inside it', () => {
    const nested = new PatternGate([/abcd/u, /bc/u, /xyz/u]);
    expect(letThrough(nested, 3, 'zzabcdzz')).toEqual([true, true, false]);
    expect(letThrough(nested, 3, 'abc')).toEqual([false, true, false]);
    expect(letThrough(nested, 3, 'abxd axyd')).toEqual([false, false, false]);
    expect(letThrough(nested, 3, 'xxyz')).toEqual([false, false, true]);
  });

  it('keeps more than 32 expressions apart', () => {
    const many = Array.from({ length: 70 }, (_, index) => new RegExp(`word${index}x`, 'u'));
    const wide = new PatternGate(many);
    const through = letThrough(wide, 70, 'a word33x and a word64x');
    expect(through.flatMap((yes, index) => (yes ? [index] : []))).toEqual([33, 64]);
  });

  const folder = new URL('../../data/', import.meta.url);
  const texts = [
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
  ]
    .map((message) => normalizeText(message))
    // Each message also cut at both ends.
    .flatMap((text, index) => [text, text.slice(index % 7, text.length - (index % 5))]);

  // Every rule that matches a message is let through: the labelled sets and every training message.
  for (const [name, patterns] of [
    ['lexicon rule', escalationLexicon.map((rule) => rule.pattern)],
    ['merged affect rule', mergedAffectRules.map((rule) => rule.pattern)],
  ] as const) {
    it(`never keeps back a ${name} that matches`, () => {
      const gate = new PatternGate(patterns);
      const global = patterns.map((pattern) => new RegExp(pattern.source, 'gu'));
      let matched = 0;
      let through = 0;
      for (const text of texts) {
        const candidates = gate.candidates(text);
        global.forEach((pattern, at) => {
          pattern.lastIndex = 0;
          if (mayMatch(candidates, at)) through += 1;
          if (!pattern.test(text)) return;
          matched += 1;
          expect(mayMatch(candidates, at), `${name} ${at} on ${text}`).toBe(true);
        });
      }
      expect(matched).toBeGreaterThan(1_000);
      // The point of it: most rules are kept back from most messages.
      expect(through).toBeLessThan((texts.length * patterns.length) / 4);
    }, 60_000); // every training message: slow on a loaded machine

    // Speed, not correctness: a rule without required words runs on every message.
    it(`finds required words for every ${name}`, () => {
      const always = patterns.filter((pattern) => requiredLiterals(pattern) === undefined);
      expect(always.map((pattern) => pattern.source)).toEqual([]);
    });
  }

  it('still lets the affect rules find complaints', () => {
    const codes = (message: string) => findAffectSignals(normalizeText(message)).map((signal) => signal.code);
    expect(codes('Ah, I see. So thats what 30,000 yen gets you.')).toContain('complaint');
    expect(codes('I was on hold 25 minutes')).toContain('complaint');
    expect(codes('2時間来ていただいて、この内容なんですね')).toContain('complaint');
    expect(codes('いい勉強代になりました')).toContain('complaint');
    expect(codes('When is my next visit?')).toEqual([]);
    expect(codes('次の訪問はいつですか')).toEqual([]);
  });
});
