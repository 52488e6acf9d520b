import { describe, expect, it } from 'vitest';
import { lexiconCodesWithStrength } from '../test-utils/lexicon-codes';
import { normalizeText } from '../text/normalize-text';
import { isTopicMention } from './topic-mention';

describe('isTopicMention: a feeling named as the topic of a post', () => {
  it('reads "a post about noise and mental health" as a topic', () => {
    const text = normalizeText('I wrote a post about noise and mental health on my blog');
    expect(isTopicMention(text, text.indexOf('mental health'))).toBe(true);
    expect(
      lexiconCodesWithStrength(
        'I wrote a post about noise and mental health on my blog and linked your site.',
      ),
    ).toEqual([]);
    expect(
      lexiconCodesWithStrength('The noise is ruining my mental health. I wrote a post about it.'),
    ).toContain('anxiety:strong');
    expect(
      lexiconCodesWithStrength('I read an article about noise and now my mental health is suffering'),
    ).toContain('anxiety:strong');
  });
});
