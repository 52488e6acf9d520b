import { describe, expect, it } from 'vitest';
import { classifyEscalation } from './classify-escalation';

const codes = (message: string) =>
  classifyEscalation({ message }, { learnedModel: false }).reasons.map((reason) => reason.code);

describe('isThreatLookAlike: a threat word that threatens no one (round 17)', () => {
  it('is no threat for someone else posting, a source of guidance, a referral link, a centre not about us', () => {
    for (const message of [
      'My neighbour posted about the noise on Twitter and tagged the building company lol. Anyway, can I get the report by Friday?',
      "The building management company said they'd 'report it to the authorities' if the noise continues. Does your report help with that?",
      "The consumer centre's website lists noise measurement companies. Are you registered with them?",
      'Is there a referral bonus if I post my link on Facebook?',
      "I saw the regulator's guidance on night noise. Does your report follow it?",
      '消費者センターってどこにあるか分かります？上の人とのトラブルで相談したくて…いや、御社の件じゃないです',
    ])
      expect(codes(message), message).not.toContain('threat');
  });

  it('stays a threat at the service', () => {
    for (const message of [
      'My neighbour and I posted about your service on Twitter.',
      'My husband posted about you on Facebook and everyone agrees.',
      "The consumer centre's website says I can report you, so I will complain there.",
      "I'll report you to the regulator.",
      "I'll post about this on Facebook if you don't fix it.",
      '御社の件じゃないですけど、対応がひどいので消費者センターに言います',
      "I'll post my review on Facebook tonight.",
    ])
      expect(codes(message), message).toContain('threat');
  });

  it('reads threats without the usual words (round 17 misses)', () => {
    for (const message of [
      "I've drafted a post for our residents' Facebook group about your service. Last chance to fix it.",
      "As a clinic owner I'm in several medical forums. Other clinics would like to know about this, I'm sure.",
      '口コミ見ました？私が書いたやつ。まだ消しませんよ',
    ])
      expect(codes(message), message).toContain('threat');
  });
});
