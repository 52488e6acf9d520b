import { describe, expect, it } from 'vitest';
import { strongSignalCodes } from '../test-utils/strong-codes';

describe('a cancellation thought of and given up (round 17)', () => {
  it('is no request', () => {
    expect(
      strongSignalCodes("I was going to cancel but my neighbour started up again, so I'll keep the plan 😅"),
    ).toEqual([]);
  });

  it('keeps a cancellation still wanted', () => {
    expect(strongSignalCodes("I was going to cancel but I'll keep it until March, then cancel.")).toContain(
      'cancellation_request',
    );
    expect(strongSignalCodes('I was going to cancel and I still want to cancel my plan.')).toContain(
      'cancellation_request',
    );
  });
});

describe('review r17: a cancellation given up beside one still wanted', () => {
  it('keeps a request elsewhere in the message', () => {
    expect(
      strongSignalCodes(
        "Please cancel my subscription effective today. We were thinking of cancelling the extra sensor too, but we'll keep the sensor.",
      ),
    ).toContain('cancellation_request');
    expect(
      strongSignalCodes(
        "Cancel my plan now please. Last month I was going to cancel but decided to stay, and this month it's worse.",
      ),
    ).toContain('cancellation_request');
  });

  it('keeps a threat to leave after the keep', () => {
    expect(
      strongSignalCodes(
        "I was going to cancel but I'll keep it for now. If the report isn't fixed by Friday I'm out.",
      ),
    ).toContain('cancellation_request');
    expect(
      strongSignalCodes(
        "I was going to cancel but I'll keep it. One more missed visit and I'll switch to another provider.",
      ),
    ).toContain('cancellation_request');
  });

  it('still reads a cancellation given up alone as none', () => {
    expect(strongSignalCodes("We were thinking of cancelling, but we'll stay")).toEqual([]);
    expect(strongSignalCodes("I was going to cancel but I'll keep it, the support was great.")).toEqual([]);
  });
});

describe('round 18: a keep told in the present, in the next sentence', () => {
  it('reads "Staying on!" as the plan kept', () => {
    expect(
      strongSignalCodes(
        'I was going to cancel, but the mediation session actually helped a lot. Staying on!',
      ),
    ).toEqual([]);
    expect(strongSignalCodes("We were thinking of cancelling but we're staying with you.")).toEqual([]);
  });

  it('keeps the cancellation asked for after it, or a staying that is only a cost', () => {
    expect(
      strongSignalCodes('I was going to cancel, but staying on costs too much. Cancel my plan please.'),
    ).toContain('cancellation_request');
    expect(
      strongSignalCodes('I was going to cancel but staying on. Actually no, please cancel my subscription.'),
    ).toContain('cancellation_request');
  });
});
