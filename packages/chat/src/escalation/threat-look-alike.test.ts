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

describe('isThreatLookAlike: the rest of the sentence and the message (review r17)', () => {
  it('stays a threat when the post is about the service, the centre is to be contacted, or the complaint is ours', () => {
    for (const message of [
      "They posted on google reviews about you already. I'm next.",
      'My brother posted on reddit about what happened with your engineer. He has 20k followers.',
      "I read the consumer centre's guidance on cooling-off periods and I'm calling them tomorrow about your contract.",
      "The consumer centre's list of rules says you have to cancel when asked. I'm going to them.",
      '御社の件じゃないです。でも御社の請求の件は別で消費者センターに相談します。',
    ])
      expect(codes(message), message).toContain('threat');
  });
});

describe('isThreatLookAlike: other customers told, asking for something to hand round (review r17)', () => {
  it('is no threat when the customer asks for a flyer or a group discount to share', () => {
    for (const message of [
      'Other tenants might like to know about this service, do you have a flyer?',
      'Other clinics would like to know about this, do you offer group discounts?',
    ])
      expect(codes(message), message).not.toContain('threat');
  });

  it('stays a threat when nothing is asked for, or the word is part of the complaint', () => {
    for (const message of [
      'Other clinics would like to know about this, I am sure.',
      'Other clinics would like to know about this discount scam of yours.',
      'Other tenants might like to know about this, and I will tell them at the meeting.',
    ])
      expect(codes(message), message).toContain('threat');
  });
});

describe('isThreatLookAlike: round 18', () => {
  it('takes back someone else’s threat reported, the centre read or as a tenant', () => {
    for (const message of [
      'My neighbour told me she’s going to "report me to the consumer centre" because of my dog. Can you measure it?',
      'Our tenant said she’d ‘go to the consumer centre’ about the landlord’s repairs — nothing to do with you or the noise.',
      '入居者さんが、大家さんの修繕対応のことで消費生活センターに行くと言っていました。御社とは無関係です。',
      '国民生活センターのサイトで騒音トラブルのページ読んでたら、測定が大事って書いてありました。',
      '弊社が運営するビルの１階に消費生活センターが入っております。',
      'ネットで「ＳＮＳに晒す」とか言ってる人いますけど、私はそういうのは嫌いなので、静かに解決したいです。',
    ])
      expect(codes(message), message).not.toContain('threat');
  });

  it('keeps a threat of the customer’s own or one suggested to them and taken up', () => {
    for (const message of [
      'My neighbour said the noise is normal, so I’m going to the consumer centre.',
      'My tenant said your technician was rude and she will report you to the consumer centre.',
      '近所の方が「消費者センターに言ったほうがいい」と言っておりました。そういたします。',
      '消費者センターのサイトを読んで、御社のことを相談しに行きます',
      'ネットに晒すぞ',
    ])
      expect(codes(message), message).toContain('threat');
  });
});

describe('isThreatLookAlike: our staff and the household are no third party, praise is no threat (review r18, M3/F3)', () => {
  it('keeps a threat suggested by our staff and followed, or said by the customer’s household', () => {
    for (const message of [
      'オペレーターさんが「消費者センターにでも言えば」と言っていました。言われた通りにします。',
      '担当の方が返金できないとおっしゃったので、消費生活センターに相談するしかないと言っています、うちの夫が。',
      '主人が、御社の対応はひどいから消費生活センターに行くと言っています。私も同じ気持ちです。',
      '妻が消費生活センターに相談すると言っています。',
      'I will leave a review on every site about your useless technician.',
      'Amazing how bad this was. I will leave a review on every site.',
    ])
      expect(codes(message), message).toContain('threat');
  });

  it('still takes back a neighbour’s or tenant’s threat, and a review promised as praise', () => {
    for (const message of [
      '入居者さんが、大家さんの修繕対応のことで消費生活センターに行くと言っていました。御社とは無関係です。',
      '隣の奥様が「ネットに書いてやる」と息巻いておられました。測定お願いします',
      'Can I leave a review on every site? You guys were amazing.',
      'You were brilliant, I am going to leave a review on every site I can find!',
    ])
      expect(codes(message), message).not.toContain('threat');
  });
});
