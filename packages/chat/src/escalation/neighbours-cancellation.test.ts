import { describe, expect, it } from 'vitest';
import { strongSignalCodes } from '../test-utils/strong-codes';

describe('round 18: a neighbour’s own thing cancelled', () => {
  it('is no cancellation request', () => {
    expect(
      strongSignalCodes(
        'The guys next door cancelled their Saturday party apparently, so this weekend might be quiet. Can I book for the one after?',
      ),
    ).toEqual([]);
    expect(
      strongSignalCodes(
        "my neighbour cancelled his drum lessons lmaooo the universe heard me. anyway i'd still like the measurement on friday",
      ),
    ).toEqual([]);
    expect(
      strongSignalCodes(
        '隣人が契約更新しないで出ていくって管理会社から聞きました。それまでの記録は残しておきたいので、継続でお願いします',
      ),
    ).toEqual([]);
  });

  it('keeps the customer’s own cancellation beside a neighbour', () => {
    expect(strongSignalCodes('The neighbour told me to cancel my booking. Please cancel it.')).toContain(
      'cancellation_request',
    );
    expect(strongSignalCodes('隣人のせいで解約したいです')).toContain('cancellation_request');
    expect(strongSignalCodes('隣の人がうるさいので、もう解約します')).toContain('cancellation_request');
    expect(
      strongSignalCodes('My neighbour keeps shouting all night, I want to cancel my subscription and move.'),
    ).toContain('cancellation_request');
  });
});

describe('review r18 M8: a clause about the neighbour, then the customer’s own cancellation', () => {
  it.each([
    '隣の人がうるさすぎて解約したい',
    '隣人が騒ぐから解約します',
    '隣の人がうるさくて、解約を考えています',
    '隣人は変わらず、もう解約で',
  ])('reads «%s» as a cancellation request', (message) => {
    expect(strongSignalCodes(message)).toContain('cancellation_request');
  });
});
