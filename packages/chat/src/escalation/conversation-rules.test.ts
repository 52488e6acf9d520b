import { describe, expect, it } from 'vitest';
import { normalizeText } from '../text/normalize-text';
import { gatherEscalationEvidence } from './classify-escalation';
import { findExplicitRepeat, isProgress } from './conversation-rules';
import { escalationOptionsSchema } from './escalation-options';

const options = escalationOptionsSchema.parse({});

describe('isProgress', () => {
  it('reads an error as being stuck, folded like the text (エラー), but not an error that went away', () => {
    expect(isProgress(normalizeText('再起動しました。今度はエラーが表示されました'))).toBe(false);
    expect(isProgress(normalizeText('再起動しました。エラーが出なくなって、ちゃんと保存できました'))).toBe(
      true,
    );
    expect(isProgress(normalizeText('エラーが消えて、測定が始まりました'))).toBe(true);
  });
});

describe('isProgress through its pattern gate', () => {
  // One message for each pattern of progress: a gate built without one of them would miss it.
  it.each([
    ['a step done', '直りました'],
    ['a step reported', 'パスワードを入力しました'],
    ['a choice made', '木曜でお願いします'],
    ['a step that worked', 'メール来ました'],
    ['an understanding reached', 'なるほど、そういう仕組みなんですね'],
    ['a next step of the customer', '明細確認してみます'],
    ['a new question on the side', 'へえ、自治体に出せるんですね。測定って家の中?'],
  ])('%s: %s', (_kind, message) => {
    expect(isProgress(normalizeText(message))).toBe(true);
  });
});

describe('findExplicitRepeat', () => {
  it('reads «話がループ» as the customer saying the conversation goes round, but not a looped sound', () => {
    expect(findExplicitRepeat(normalizeText('さっきから話がループしてますよね'))).toBe('話がるーぷ');
    expect(findExplicitRepeat(normalizeText('ループ再生の音楽みたいな音が聞こえます'))).toBeUndefined();
  });
});

describe('findExplicitRepeat: a question the answer missed (missed-question.ts)', () => {
  // An earlier customer question and an answer after it: a missed question needs both.
  const asked = [
    normalizeText('メーターって夜も使えますか？'),
    normalizeText('メーターは24時間測定できます。'),
  ];
  const roles = ['user', 'assistant'];
  const missed = (message: string) => findExplicitRepeat(normalizeText(message), asked, roles);

  it.each([
    'Let me put it differently: if the noise is from a shop, not a flat, can you still measure?',
    'いや、キャンセル料がかかるかどうかを聞いてるんです',
    'ちがうちがう、私が聞きたいのは、メーターの音が夜中に鳴るかどうかです',
    'あの、私の言ってること伝わってます？',
    "Sorry, that's not what I asked. Does the report say who is making the noise?",
    "I'm not asking for a refund, I'm asking what your refund policy is.",
    'ですので、その報告書を英語に翻訳したものはもらえるのか、とお尋ねしました。',
  ])('reads «%s» as asking again', (message) => {
    expect(missed(message)).toBeDefined();
  });

  it.each([
    'Okay, makes sense. Just to confirm I understood: the meter should NOT be on the floor?',
    'nice. does the visit include a written summary too or just numbers?',
    '正直、今日は測定の話じゃなくて、ただ誰かに聞いてほしかっただけかも。ありがとう、少し楽になった',
    '家族構成は聞かれないんですね。騒音が起きる時間帯だけ答えればいいと。わかりました。',
  ])('does not read «%s» as asking again', (message) => {
    expect(missed(message)).toBeUndefined();
  });

  // Round 18 (train14): the customer says what they asked and not, grants the answer and asks again,
  // or puts the wrong topic aside and names the right one.
  // Review r18 F4: a granted answer or an aside counts only about the answered question, so these
  // carry the question and answer they followed (train14).
  it.each([
    [
      'Yes, but how long before? I can’t pick up during meetings.',
      'What time will the technician call before arriving?',
      'The technician will call you before arrival.',
    ],
    [
      'I get that it’s ¥4,800 a month, but is there a minimum period, or can I stop after one month?',
      'Is there a minimum contract period for Standard?',
      'Standard is ¥4,800 per month and includes one measurement every three months.',
    ],
    [
      'Cool, but when will they arrive? It’s 2:15.',
      'When will the technician arrive? My slot is 1–3.',
      'Our technicians are fully trained and carry calibrated equipment.',
    ],
    [
      'キャンセルじゃなくて、日にちを変えたいだけなんです。変更でも料金かかるんですか？',
      '予約の日にちを変えたいんですけど、お金かかりますか？',
      '測定日の前日18時以降のキャンセルは、キャンセル料として3,300円を頂戴しております。',
    ],
    [
      '時間じゃなくて、立ち会いが必要かどうかです。',
      '測定のとき、私も立ち会わないといけないですか？',
      '測定は約２時間で終了いたします。',
    ],
    [
      '規格じゃなくて大きさです！うち狭いので。',
      '測定機材のサイズってどのくらいですか？置き場所が心配で',
      '騒音計は高精度の機器で、JIS規格に準拠しています。',
    ],
    [
      'キャンセル自体のやり方じゃなくて、何日前からお金がかかるのかを知りたいです',
      'キャンセル料っていつからかかりますか',
      'ご予約の変更・キャンセルはマイページから可能です。',
    ],
    [
      '恐れ入ります、ダウンロード方法ではなく、宛名の変更が可能かどうかをお伺いしております。',
      '領収書の宛名を法人名に変更することは可能でしょうか。',
      '領収書はマイページからダウンロードいただけます。',
    ],
  ])('reads «%s» as asking again after its own question (round 18)', (message, question, answer) => {
    expect(
      findExplicitRepeat(normalizeText(message), [normalizeText(question), normalizeText(answer)], roles),
    ).toBeDefined();
  });

  it.each([
    [
      'I get that, but what does Premium cost?',
      'How much is the Standard plan?',
      'Standard is ¥4,800 a month.',
    ],
    [
      'Cool, but when could the first visit be?',
      'How much is the Standard plan?',
      'Standard is ¥4,800 a month.',
    ],
    [
      '了解です。メールじゃなくて郵送です！',
      '報告書はいつ届きますか？',
      '測定から3営業日以内にお届けします。',
    ],
    [
      'ありがとうございます。平日じゃなくて土曜日に測定できるかどうか知りたいです',
      '報告書はいつ届きますか？',
      '測定から3営業日以内にお届けします。',
    ],
  ])(
    'does not read «%s» as asking again after a question it does not touch (review r18 F4)',
    (message, question, answer) => {
      expect(
        findExplicitRepeat(normalizeText(message), [normalizeText(question), normalizeText(answer)], roles),
      ).toBeUndefined();
    },
  );

  it.each([
    'I asked you to cancel my booking, not to reschedule it. Please cancel it.',
    'Sorry, maybe I wasn’t clear: can one visit cover BOTH the bedroom and the living room?',
    'No, I meant can the report itself be addressed to the management company instead of me?',
    'Fine, I’ll rephrase since the last answer was about something else: do we still pay the full fee?',
    'No offence, but ‘thank you for your patience’ isn’t an answer. When will the tech get here?',
    '重ねて失礼いたします。管理組合名義での契約が可能か、という点をお伺いしております。',
  ])('reads «%s» as asking again (round 18)', (message) => {
    expect(missed(message)).toBeDefined();
  });

  it.each([
    'Great, but can I also book Saturday?',
    'Yes, but what about the report for the other room, too?',
    'Sure. What time does the technician arrive?',
    'キャンセルじゃなくて変更にします。',
    '夜じゃなくて昼でお願いします。',
    'I asked my landlord, and he said it is fine.',
  ])('does not read «%s» as asking again (round 18 look-alikes)', (message) => {
    expect(missed(message)).toBeUndefined();
  });

  // Review r17: on a first message the same words only say what the customer wants.
  it.each([
    '私が知りたいのは料金です。',
    '騒音の話じゃなくて、請求のことで質問です。',
    'そうじゃなくて、来週の予約を取りたいです。',
    "Let me rephrase: I'd like a visit, not a meter.",
    '時間じゃなくて、立ち会いが必要かどうかです。',
    'No, I meant the Premium plan.',
  ])('does not read «%s» as asking again without an answered question before it', (message) => {
    expect(findExplicitRepeat(normalizeText(message))).toBeUndefined();
    // …nor after a customer turn the assistant has not answered yet, nor an answer to no question.
    expect(findExplicitRepeat(normalizeText(message), [normalizeText('料金は？')], ['user'])).toBeUndefined();
    expect(
      findExplicitRepeat(
        normalizeText(message),
        [normalizeText('こんにちは'), normalizeText('こんにちは。Kizunaサポートです。')],
        ['user', 'assistant'],
      ),
    ).toBeUndefined();
  });

  it('still reads «I already asked» without any history (explicit repeats need none)', () => {
    expect(findExplicitRepeat(normalizeText('I already asked this, when is my visit?'))).toBeDefined();
  });

  it('reads the missed question in the classifier only after an answered question (rules level)', () => {
    const conversation = (message: string, history: { role: 'user' | 'assistant'; content: string }[]) =>
      gatherEscalationEvidence({ message, history }, options).conversation.map((reason) => reason.code);
    expect(conversation('私が知りたいのは料金です。', [])).not.toContain('repeated_question');
    expect(
      conversation('私が知りたいのは料金です。', [
        { role: 'user', content: '訪問測定っていくらですか？' },
        { role: 'assistant', content: '訪問測定はマイページから予約できます。' },
      ]),
    ).toContain('repeated_question');
    // Round17 t13ae-428: the request missed («取り消しをお願いします»), not a question.
    expect(
      conversation('あの、私の言ってること伝わってます？返金じゃなくて請求の取り消しです', [
        { role: 'user', content: '身に覚えのない請求の取り消しをお願いします' },
        { role: 'assistant', content: '返金のお手続きはマイページから申請できます。' },
      ]),
    ).toContain('repeated_question');
    expect(
      conversation("That's not what I asked. Is there a FEE?", [
        { role: 'user', content: 'can I cancel the visit' },
        { role: 'assistant', content: 'You can cancel at any time from My Page.' },
      ]),
    ).toContain('repeated_question');
  });
});
