import { describe, expect, it } from 'vitest';
import { isAffectInPast } from './affect-context';
import type { EscalationReason, EscalationReasonCode } from './escalation-reason';

const hit = (code: EscalationReasonCode, evidence: string): EscalationReason => ({
  code,
  evidence,
  source: 'message',
});

describe('isAffectInPast', () => {
  it('finds a feeling placed in the past, by a time or form before the word or a form after it', () => {
    expect(isAffectInPast('i was angry last week', [hit('anger', 'angry')])).toBe(true);
    expect(isAffectInPast('先月は不安で眠れなかった', [hit('anxiety', '不安')])).toBe(true);
    expect(isAffectInPast('ずっと不安でした', [hit('anxiety', '不安')])).toBe(true);
    expect(isAffectInPast('i got angry a month ago', [hit('anger', 'angry')])).toBe(true);
  });

  it('does not mark a present feeling, a past in another sentence or evidence not in the text', () => {
    expect(isAffectInPast('正直かなり不安です', [hit('anxiety', '不安')])).toBe(false);
    expect(isAffectInPast('it was fine. now i am angry', [hit('anger', 'angry')])).toBe(false);
    // なった is not one of the past forms read right after the word.
    expect(isAffectInPast('不安になったことはないです', [hit('anxiety', '不安')])).toBe(false);
    expect(isAffectInPast('i was fine', [hit('anger', 'furious')])).toBe(false);
    expect(isAffectInPast('i was told to ask for a refund', [hit('refund_request', 'refund')])).toBe(false);
  });
});
