import { describe, expect, it } from 'vitest';
import { classifyEscalation } from './classify-escalation';

const codes = (message: string) =>
  classifyEscalation({ message }, { learnedModel: false }).reasons.map((reason) => reason.code);

describe('safety: hazards and threats without the usual words (round 17)', () => {
  it('reads hazards and a threat to the engineer as safety', () => {
    for (const message of [
      "there's a strong gas smell coming from the flat next door where the hum is. what do i do",
      "There's sparks coming out of the meter's power adapter!!",
      'The construction scaffolding next door is swaying in the wind and bits are falling onto our footpath',
      "The guy downstairs said if the engineer comes he'll 'deal with him'. Should we still go ahead?",
      'water is leaking from the ceiling where the thumping is, near the light fitting',
      "There's a gas smell in the plant room where the pump noise is. Should the engineer still come?",
    ])
      expect(codes(message), message).toContain('safety');
  });

  it('is no hazard when denied or harmless', () => {
    for (const message of [
      'No gas smell, just the hum.',
      'The landlord said he will deal with it next week.',
      'The technician was great, he sorted it out.',
    ])
      expect(codes(message), message).not.toContain('safety');
  });
});

describe('isViolenceNotMeant: a child over a game, a relative posting, a speaker gone (round 17)', () => {
  it('is no safety signal', () => {
    for (const message of [
      "My kid yelled 'I'll kill you' at his brother over a video game, lol, the meter probably picked that up 🤣 can I delete bits of the recording?",
      'My sister threatened to post about her noisy neighbour online 😂 I told her to just book a visit with you instead.',
      'ちょっと前に「ぶっ殺すぞ」って上の人に言われたことありますけど、もう引っ越していなくなりました。今の人は静かです',
    ])
      expect(codes(message), message).not.toContain('safety');
  });

  it('stays safety when it is real', () => {
    for (const message of [
      "My kid yelled 'I'll kill you' at the neighbour over the noise.",
      "The neighbour yelled 'I'll kill you' at his brother over a video game.",
      'My sister threatened to post my address online.',
      'My neighbour threatened to post about her noisy neighbour online and then threatened me.',
      '「ぶっ殺すぞ」って上の人に言われたことあります。まだ住んでいます',
      'ちょっと前に「ぶっ殺すぞ」って上の人に言われたことありますけど、もう引っ越していなくなりました。でもまた来ました',
      '「ぶっ殺すぞ」って上の人に言われました',
    ])
      expect(codes(message), message).toContain('safety');
  });
});

describe('safety: the speaker gone but someone else at it now (review r17)', () => {
  it('stays safety when the current neighbour threatens or kicks', () => {
    for (const message of [
      'ちょっと前に「ぶっ殺すぞ」って上の人に言われたことありますけど、もう引っ越していなくなりました。でも今の人にも同じこと言われてます。',
      'ちょっと前に「ぶっ殺すぞ」って上の人に言われたことありますけど、もう引っ越していなくなりました。今の人は毎晩ドアを蹴ってきます。',
    ])
      expect(codes(message), message).toContain('safety');
  });
});

describe('safety and threat: the round-17 patterns without false alarms (review r17)', () => {
  it('is no safety signal for parts off a device or the technician speaking of things', () => {
    for (const message of [
      'A couple of parts dropped off the meter when I unpacked it. Can you send a new one?',
      'The plastic pieces fell off the stand, is that normal?',
      'Your technician said hed sort out them cables later',
      "Your technician said he'd take care of them.",
    ])
      expect(codes(message), message).not.toContain('safety');
  });

  it('still reads falling debris, a threat to the engineer and a warning to other clinics', () => {
    for (const message of [
      'The construction scaffolding next door is swaying in the wind and bits are falling onto our footpath',
      'Bricks keep falling off the scaffolding onto the pavement next door.',
      'Chunks of plaster fell from the ceiling onto my bed last night.',
      'Tiles keep dropping off the roof next door, one nearly hit my son.',
      "The guy downstairs said if the engineer comes he'll 'deal with him'. Should we still go ahead?",
      "If your engineer shows up again, my neighbour says he'll deal with him and he means it.",
      "The man next door said if the technician parks there again he'll sort him out.",
    ])
      expect(codes(message), message).toContain('safety');
    expect(
      codes(
        "I run a clinic and I'm in the medical forums. Other clinics would like to know about this, I'm sure.",
      ),
    ).toContain('threat');
  });
});
