import { describe, expect, it } from 'vitest';
import { lexiconCodesWithStrength } from '../test-utils/lexicon-codes';
import { strongSignalCodes } from '../test-utils/strong-codes';
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

describe('isTopicMention: a word of distress asked of a service or said of people in general (round 18)', () => {
  it.each([
    'Which plan is least stressful for someone who just wants the problem handled without confronting anyone?',
    'Do you offer anything for people who find noise disputes really stressful — like someone to talk them through options?',
  ])('reads «%s» as no anxiety', (message) => {
    expect(strongSignalCodes(message)).not.toContain('anxiety');
  });

  it.each([
    'This has been the most stressful month of my life.',
    'The least I can say is that it’s stressful.',
    'People who find out about my neighbour say I must be stressed, and I am, I can’t sleep.',
  ])('still reads «%s» as anxiety', (message) => {
    expect(strongSignalCodes(message)).toContain('anxiety');
  });
});
