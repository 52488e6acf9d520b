import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  asksCustomer,
  conversationFeatures,
  diceOfSets,
  noConversationFeatures,
  paraphraseUnits,
  wordStem,
} from './conversation-features';

describe('paraphraseUnits', () => {
  it('takes character bigrams of Japanese text without spaces, punctuation and two hiragana', () => {
    expect([...paraphraseUnits('れぽーと、まだ届きません?')]).toEqual(['ぽー', 'ーと', 'だ届', '届き']);
    // Only endings in common: nothing to compare.
    expect([...paraphraseUnits('できました')]).toEqual([]);
  });

  it('takes stems of English content words, dropping function words and short words', () => {
    // "is", "my" are short; "the", "when", "does" are function words.
    expect([...paraphraseUnits('when does my report arrive? is the report arriving today')]).toEqual([
      'report',
      'arriv',
      'today',
    ]);
    expect(['charged', 'charges', 'charging', 'charge', 'bill'].map(wordStem)).toEqual([
      'charg',
      'charg',
      'charg',
      'charg',
      'bill',
    ]);
  });
});

describe('diceOfSets', () => {
  it('is twice the shared units over the sizes (worked example)', () => {
    // {ぽー, ーと, と届, 届く} and {ぽー, ーと, と届, 届き, か今, 今日}: 3 shared, 2 · 3 / 10.
    const left = paraphraseUnits('れぽーと届く?');
    const right = paraphraseUnits('れぽーと届きますか今日');
    expect([...left]).toEqual(['ぽー', 'ーと', 'と届', '届く']);
    expect(diceOfSets(left, right)).toBe(0.6);
    expect(diceOfSets(new Set(), new Set())).toBe(0);
  });

  it('is symmetric, within [0, 1] and 1 for the same non-empty set (property)', () => {
    const units = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { maxLength: 12 });
    fc.assert(
      fc.property(units, units, (left, right) => {
        const a = new Set(left);
        const b = new Set(right);
        const value = diceOfSets(a, b);
        expect(value).toBe(diceOfSets(b, a));
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
        if (a.size > 0) expect(diceOfSets(a, new Set(left))).toBe(1);
      }),
    );
  });
});

describe('asksCustomer', () => {
  it('holds for an assistant turn that ends with a question', () => {
    expect(asksCustomer('どちらの物件ですか')).toBe(true);
    expect(asksCustomer('which room is it?')).toBe(true);
    expect(asksCustomer('お部屋の番号を教えてください')).toBe(true);
    expect(asksCustomer('the report arrives in 3 days.')).toBe(false);
  });
});

describe('conversationFeatures', () => {
  it('compares the message with answered customer turns only (worked example)', () => {
    const history = ['when does my report arrive?', 'in 3 days.', 'is the report arriving today'];
    const roles = ['user', 'assistant', 'user'];
    // The last customer turn is not answered yet: only the first counts, {report, arriv} against
    // {report, arriv, today}: 2 · 2 / 5 = 0.8.
    expect(conversationFeatures('is the report arriving today', history, roles)).toEqual({
      repeatSimilarity: 0.8,
      assistantAsked: false,
      backReference: false,
    });
  });

  it('sees a message pointing back at an answered question, and not without one', () => {
    const roles = ['user', 'assistant'];
    const history = ['do you cover saitama?', 'we cover the tokyo metropolitan area.'];
    expect(conversationFeatures('back to my first question, kawaguchi?', history, roles).backReference).toBe(
      true,
    );
    expect(
      conversationFeatures(
        'さっきの英語版の件はどうですか?',
        ['英語版ありますか?', '5営業日でお届けします'],
        roles,
      ).backReference,
    ).toBe(true);
    // The same words with no answered customer turn before them, and a new question.
    expect(conversationFeatures('back to my first question', ['hello'], ['assistant']).backReference).toBe(
      false,
    );
    expect(conversationFeatures('how long is the battery life?', history, roles).backReference).toBe(false);
  });

  it('sees the assistant asking last, and nothing without a history', () => {
    expect(
      conversationFeatures(
        '204です',
        ['騒音が気になります', 'お部屋の番号を教えていただけますか'],
        ['user', 'assistant'],
      ),
    ).toEqual({ repeatSimilarity: 0, assistantAsked: true, backReference: false });
    expect(conversationFeatures('hello', [], [])).toBe(noConversationFeatures);
  });

  it('gives a similarity in [0, 1] and the same answer twice (property)', () => {
    const turn = fc.record({
      role: fc.constantFrom('user', 'assistant'),
      content: fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('れぽーと', 'the report', 'はい')),
    });
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.array(turn, { maxLength: 6 }), (message, turns) => {
        const history = turns.map((entry) => entry.content);
        const roles = turns.map((entry) => entry.role);
        const features = conversationFeatures(message, history, roles);
        expect(features.repeatSimilarity).toBeGreaterThanOrEqual(0);
        expect(features.repeatSimilarity).toBeLessThanOrEqual(1);
        if (!roles.slice(0, -1).includes('user') || !roles.includes('assistant'))
          expect(features.repeatSimilarity).toBe(0);
        expect(conversationFeatures(message, history, roles)).toEqual(features);
      }),
    );
  });
});
