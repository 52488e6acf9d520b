import { describe, expect, it } from 'vitest';
import { lexiconCodesWithStrength } from '../test-utils/lexicon-codes';
import { strongSignalCodes } from '../test-utils/strong-codes';
import { normalizeText } from '../text/normalize-text';
import { createEscalationClassifier, gatherEscalationEvidence } from './classify-escalation';
import { showsRelief } from './escalation-lexicon';
import { escalationOptionsSchema } from './escalation-options';

// Rules alone, for an account at risk: there any signal escalates (a decision that does not
// escalate lists no reasons then).
const classify = createEscalationClassifier({ learnedModel: false });
const codes = (message: string) =>
  classify({ message, account: { healthBand: 'red' } }).reasons.map((reason) => reason.code);
// Rules alone, for an account of no stated health.
const ordinaryCodes = (message: string) => classify({ message }).reasons.map((reason) => reason.code);

describe('a cancellation chosen inside the condition of a question (round 16)', () => {
  it('gives no signal', () => {
    expect(codes('ちなみに更新しないって選んだら、データってどうなるんですか？')).toEqual([]);
    expect(codes('解約することに決めたら、違約金はかかりますか？')).not.toContain('cancellation_request');
  });

  it('keeps the decision itself a request', () => {
    expect(codes('更新しないことに決めました')).toContain('cancellation_request');
    expect(codes('更新しないって決めました。データはどうなりますか？')).toContain('cancellation_request');
  });
});

describe('review r16, finding 15: "do you refund…?" about a failure the customer had', () => {
  it('is a refund request', () => {
    expect(
      codes('Your meter stopped recording on day 2 of my measurement. Do you refund the rental?'),
    ).toContain('refund_request');
    expect(
      codes('Do you refund the rental when your device fails? Because mine failed twice this month.'),
    ).toContain('refund_request');
  });

  it('keeps "do you refund…?" asked before renting an inquiry', () => {
    expect(
      codes(
        'If the device fails to record, do you refund the rental or give a free extension? Asking before I rent.',
      ),
    ).not.toContain('refund_request');
  });
});

describe('review r16: lexicon exceptions narrowed', () => {
  it('«なんで» asks why unless it is «なんです» closing a clause', () => {
    for (const message of [
      'なんですぐ対応してもらえないんですか',
      'なんでスタッフの方が来ないんですか',
      'なんでスケジュール通りに進まないんですか',
    ])
      expect(codes(message), message).toContain('complaint');
    expect(codes('質問なんですが、報告書に隣人の名前とか載ったりしませんよね？')).toEqual([]);
  });

  it('only «分かりにくい» about the sound is no dissatisfaction', () => {
    for (const message of [
      '振動がおさまらないです。',
      '足音がよくならないんですが。',
      '音が遅れて記録されてるみたいです。',
    ])
      expect(codes(message), message).toContain('dissatisfaction');
    expect(codes('暗騒音が高い部屋だと、対象の音は分かりにくくなるってことですか？')).toEqual([]);
  });

  it("the customer's own child, customers or patients frightened are the customer's worry", () => {
    for (const message of [
      '上の階の足音で、子供が怖がって泣いてしまいます。',
      'お客様が怖がって来なくなりました。店としては死活問題です。',
    ])
      expect(codes(message), message).toContain('anxiety');
    expect(codes('患者さんのお子さんが怖がって泣いてしまうことがあり、対応を検討しております')).toEqual([]);
  });

  it('something that came or was delivered late is late, at any time of day', () => {
    for (const message of [
      'The technician showed up late in the afternoon, three hours after our slot.',
      'The meter was delivered late in the evening so we lost a day of measurement.',
    ])
      expect(codes(message), message).toContain('dissatisfaction');
    expect(codes('When should I set the device up? The noise is mostly late at night.')).toEqual([]);
  });
});

describe('safety: hazards and threats to the engineer without the usual words', () => {
  it('reads hazards and a threat to the engineer as safety', () => {
    for (const message of [
      "there's a strong gas smell coming from the flat next door where the hum is. what do i do",
      "There's sparks coming out of the meter's power adapter!!",
      'The construction scaffolding next door is swaying in the wind and bits are falling onto our footpath',
      "The guy downstairs said if the engineer comes he'll 'deal with him'. Should we still go ahead?",
      'water is leaking from the ceiling where the thumping is, near the light fitting',
      "There's a gas smell in the plant room where the pump noise is. Should the engineer still come?",
    ])
      expect(ordinaryCodes(message), message).toContain('safety');
  });

  it('is no hazard when denied or harmless', () => {
    for (const message of [
      'No gas smell, just the hum.',
      'The landlord said he will deal with it next week.',
      'The technician was great, he sorted it out.',
    ])
      expect(ordinaryCodes(message), message).not.toContain('safety');
  });
});

describe('safety and threat: falling debris, threats to the engineer and warnings to others without false alarms', () => {
  it('is no safety signal for parts off a device or the technician speaking of things', () => {
    for (const message of [
      'A couple of parts dropped off the meter when I unpacked it. Can you send a new one?',
      'The plastic pieces fell off the stand, is that normal?',
      'Your technician said hed sort out them cables later',
      "Your technician said he'd take care of them.",
    ])
      expect(ordinaryCodes(message), message).not.toContain('safety');
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
      expect(ordinaryCodes(message), message).toContain('safety');
    expect(
      ordinaryCodes(
        "I run a clinic and I'm in the medical forums. Other clinics would like to know about this, I'm sure.",
      ),
    ).toContain('threat');
  });
});

describe('complaint: "underwhelmed", and mild when hedged', () => {
  it('reads "underwhelmed" as a complaint, and "a little underwhelmed" as mild', () => {
    expect(lexiconCodesWithStrength('Honestly? Underwhelmed.')).toContain('complaint:strong');
    expect(lexiconCodesWithStrength('Underwhelming, if I am being polite.')).toContain('complaint:strong');
    expect(lexiconCodesWithStrength('A little underwhelmed by the graphs.')).toEqual([
      'dissatisfaction:mild',
    ]);
  });
});

describe('a worry over and a complaint received from downstairs (round 18)', () => {
  const nervous = [
    { role: 'user' as const, content: 'I work during the day, do I have to be there for the measurement?' },
    { role: 'assistant' as const, content: 'Not at all — we can arrange key handover in advance.' },
    { role: 'user' as const, content: "I'm a bit nervous about strangers in my flat" },
    { role: 'assistant' as const, content: 'Understood. Technicians carry ID.' },
  ];
  const codes = (message: string) => {
    const evidence = gatherEscalationEvidence(
      { message, history: nervous },
      escalationOptionsSchema.parse({}),
    );
    return [...evidence.strong, ...evidence.mild, ...evidence.conversation].map((reason) => reason.code);
  };

  it.each([
    "Oh good, so I don't need to be home. That's a relief. Book me for Wednesday then.",
    'Phew. OK, that’s what I was worried about. If my name stays out of it, I’m in.',
    'Okay, then he won’t know. That’s a weight off my mind.',
  ])('carries no worry into «%s»', (message) => {
    expect(showsRelief(normalizeText(message))).toBe(true);
    expect(codes(message)).not.toContain('anxiety');
  });

  it.each([
    "That's a relief, but I'm still scared he'll find out it was me.",
    'Phew. But what if he knocks on my door anyway? I am really nervous.',
    'OK. Book me for Wednesday then.',
  ])('still carries or reads the worry in «%s»', (message) => {
    expect(codes(message)).toContain('anxiety');
  });

  it('reads a complaint received from downstairs as no complaint about the service', () => {
    expect(
      strongSignalCodes(
        "I've had a complaint from downstairs that I'm too loud. Can you measure the noise from my unit?",
      ),
    ).not.toContain('complaint');
    expect(
      strongSignalCodes('I filed a complaint with you last week about the technician and nobody answered.'),
    ).toContain('complaint');
  });
});

describe('review r18 H1: a relief said does not silence anger or fear elsewhere in the message', () => {
  it.each([
    ['Phew. Anyway I am so annoyed with the billing team.', 'anger'],
    ['Weight off my shoulders, thank you. I get panic attacks whenever he bangs.', 'anxiety'],
    ['Phew, at least someone finally answered. I am furious it took three weeks.', 'anger'],
    ['What a relief. Your app wiped my data and I am livid.', 'anger'],
    ['phew. im terrified tho', 'anxiety'],
    ["That's a relief about the booking. I'm scared to go home though", 'anxiety'],
  ])('reads «%s» as %s', (message, code) => {
    expect(lexiconCodesWithStrength(message).map((signal) => signal.split(':')[0])).toContain(code);
  });

  it.each([
    'Phew. OK, that’s what I was worried about.',
    'What a relief, I was so concerned about the key handover.',
  ])('reads no worry in «%s» (the worry is the one relieved)', (message) => {
    expect(lexiconCodesWithStrength(message).map((signal) => signal.split(':')[0])).not.toContain('anxiety');
  });
});

describe('escalation lexicon: round 18 safety and threat vocabulary', () => {
  it('finds hazards, a fall with no answer, things thrown off a balcony, and threats without the usual words', () => {
    for (const [message, code] of [
      [
        'My upstairs neighbour is throwing things off his balcony onto our terrace — a bottle just missed my son.',
        'safety',
      ],
      [
        '上の階から水が漏れてきて、コンセントのあたりが濡れてます。パチパチ音もしてて、どうしたらいいですか',
        'safety',
      ],
      ['ガス漏れ警報器が鳴ってます！たぶん隣の部屋からです', 'safety'],
      [
        'I just went into the hallway and it smells strongly of gas. The neighbour isn’t answering the door.',
        'safety',
      ],
      ['隣のお婆さんのお部屋から、今朝大きな物音がして、それから呼んでもお返事がございません。', 'safety'],
      [
        'I heard a very loud thud from upstairs and now someone is groaning. I knocked but no answer.',
        'safety',
      ],
      ['隣との壁のコンセントからバチバチって音して、火花見えてん！', 'safety'],
      ['測定器のバッテリーが膨らんで、熱くなってます。どうしたらいいですか？', 'safety'],
      [
        'If I don’t get my refund by Friday I’m leaving a review on every site I can find and telling my whole building.',
        'threat',
      ],
      ['Pretty sure the kokumin seikatsu center would be interested in how you handle refunds.', 'threat'],
    ] as const)
      expect(codes(message), message).toContain(code);
  });

  it('leaves their look-alikes alone', () => {
    for (const message of [
      'No gas smell at all, just the hissing sound. Can you measure it?',
      'コンセントの位置を教えてください。測定器を差したいので',
      'The technician knocked but no answer, so please rebook for Tuesday.',
      'I read a review on every site before booking, you look good!',
    ])
      expect(codes(message), message).not.toContain('safety');
  });
});

describe('round 18: a person asked for in other words', () => {
  it('reads them as human requests', () => {
    expect(
      strongSignalCodes('Could you kindly have a human review this conversation and get back to me?'),
    ).toContain('human_request');
    expect(strongSignalCodes('担当者さんと直接話せますか？チャットだと時間かかるので💦')).toContain(
      'human_request',
    );
    expect(strongSignalCodes('人の方に確認していただきたいです')).toContain('human_request');
    expect(strongSignalCodes('なんぼ聞いでも話噛み合わねぇ。人さ代わってけろ。')).toContain('human_request');
    expect(
      strongSignalCodes(
        "It's complicated to explain in chat. It's simpler if a colleague of yours calls me tomorrow.",
      ),
    ).toContain('human_request');
    expect(
      strongSignalCodes('Would it be possible to book a quick call with someone from customer success?'),
    ).toContain('human_request');
  });

  it('keeps the customer’s own people and others’ calls as none', () => {
    expect(strongSignalCodes('My colleague calls me every evening about the noise.')).not.toContain(
      'human_request',
    );
    expect(strongSignalCodes('I booked a call with someone from the council about the noise.')).not.toContain(
      'human_request',
    );
    expect(strongSignalCodes('管理人さんに代わって測定を申し込みます')).not.toContain('human_request');
    expect(strongSignalCodes('また担当者さん変わったんですね。新しい方のお名前教えてください')).not.toContain(
      'human_request',
    );
    expect(strongSignalCodes('ご担当者様　いつも大変お世話になっております。')).not.toContain(
      'human_request',
    );
  });
});

describe('escalation lexicon: round 18 hazards need an event, a fall a person (review r18, F1/F2)', () => {
  it('still finds sparks seen, a gas alarm going off, water on the wiring and a person fallen with no answer', () => {
    for (const message of [
      '隣の部屋との壁のコンセントから、さっきバチッて火花が出ました！焦げ臭いです。',
      '隣との壁のコンセントからバチバチって音して、火花見えてん！',
      'ガス漏れ警報器が鳴ってます！たぶん隣の部屋からです',
      'ガス漏れしてるかもしれません。隣からすごい臭いがします',
      '上の階から水が漏れてきて、コンセントのあたりが濡れてます。パチパチ音もしてて、どうしたらいいですか',
      '隣のお婆さんのお部屋から、今朝大きな物音がして、それから呼んでもお返事がございません。',
      'I think my elderly neighbour fell, I heard a crash and she is not answering the door.',
      'Someone fell on the stairs upstairs and there is no answer when I knock.',
      'Heard a loud fall next door, knocked on the door, he isnt answering.',
    ])
      expect(strongSignalCodes(message), message).toContain('safety');
  });

  it('leaves sparks, gas alarms and water named without an event, and everyday noise with no answer', () => {
    for (const message of [
      '線香花火の火花みたいな音がたまにします。測定できますか？',
      'ガス漏れ警報器の音も測定の対象になりますか？',
      '来週ガス漏れ点検があるので、その日は測定を避けたいです',
      '上の階から水が漏れてきたことがあって、コンセントのあたりも今は乾いてます。修理済みです。測定予約お願いします',
      '隣の部屋から大きな物音がして、ノックしても返事がないことがよくあります。居留守だと思います。夜中の騒音を測ってほしい',
      'Loud bang from upstairs every night at 2am; I left a note, no response so far. Booking a measurement.',
      'The bass is a real bang through the floor. I rang their bell, no answer. What plan suits?',
      'The thumping started in the fall. I emailed the landlord, no answer. Can you help measure it?',
      'The thumping started in the fall and the landlord gave no answer. Can you help measure it?',
      'I knocked on his door to complain about the thud last night but no answer. Can you measure the noise?',
      'Someone is groaning in the movie next door every night, it is so loud. Can you measure it?',
      'My kids throw stuff off the balcony in their game, fake snowballs lol. Booking question: is Friday free?',
    ])
      expect(strongSignalCodes(message), message).not.toContain('safety');
  });
});
