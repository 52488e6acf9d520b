import { describe, expect, it } from 'vitest';
import { normalizeText } from '../text/normalize-text';
import { findSignals } from './classify-escalation';

// The rules alone: the strong codes found in a message.
const strong = (message: string) =>
  findSignals(normalizeText(message), message)
    .filter((signal) => signal.strength === 'strong')
    .map((signal) => signal.code);

describe('a cancellation thought of and given up (round 17)', () => {
  it('is no request', () => {
    expect(
      strong("I was going to cancel but my neighbour started up again, so I'll keep the plan 😅"),
    ).toEqual([]);
  });

  it('keeps a cancellation still wanted', () => {
    expect(strong("I was going to cancel but I'll keep it until March, then cancel.")).toContain(
      'cancellation_request',
    );
    expect(strong('I was going to cancel and I still want to cancel my plan.')).toContain(
      'cancellation_request',
    );
  });
});
