import { describe, expect, it } from 'vitest';
import { strongSignalCodes } from '../test-utils/strong-codes';

describe('a cancellation thanked for as done, or a booking made again (round 17)', () => {
  it('is no request', () => {
    expect(
      strongSignalCodes('Thanks for cancelling the visit for me yesterday, got the confirmation email.'),
    ).toEqual([]);
    expect(strongSignalCodes('昨日キャンセルした件、再予約できました。ありがとうございます')).toEqual([]);
  });

  it('keeps a cancellation asked for after the thanks', () => {
    expect(strongSignalCodes('Thanks for cancelling the visit. Can you also cancel my plan?')).toContain(
      'cancellation_request',
    );
    expect(strongSignalCodes('Thanks for the quick reply. Please cancel my subscription.')).toContain(
      'cancellation_request',
    );
    expect(strongSignalCodes('昨日キャンセルした件、再予約できませんでした。解約します')).toContain(
      'cancellation_request',
    );
  });
});

describe('review r17: thanks for a cancellation said in sarcasm', () => {
  it('keeps the complaint about the cancellation', () => {
    expect(
      strongSignalCodes('Thanks for cancelling my appointment without even telling me. Great service.'),
    ).toContain('cancellation_request');
    expect(
      strongSignalCodes('Thanks for cancelling my appointment on me, nobody told me anything.'),
    ).toContain('cancellation_request');
  });

  it('still reads real thanks as no request', () => {
    expect(
      strongSignalCodes('Thanks for cancelling the visit for me yesterday, got the confirmation email.'),
    ).toEqual([]);
  });
});
