import { describe, expect, it } from 'vitest';
import { normalizeText } from '../text/normalize-text';
import { classifyEscalation, gatherEscalationEvidence } from './classify-escalation';
import { escalationOptionsSchema } from './escalation-options';
import { isTerseAcknowledgement, pushesBack } from './terse-after-stuck';

const options = escalationOptionsSchema.parse({});
type Turn = { role: 'user' | 'assistant'; content: string };
const user = (content: string): Turn => ({ role: 'user', content });
const assistant = (content: string): Turn => ({ role: 'assistant', content });

/** The conversation rules codes (rules level, no learned model). */
const codes = (message: string, history: Turn[]) =>
  gatherEscalationEvidence({ message, history }, options).conversation.map((reason) => reason.code);

// Round17 escalation-train13-af: the customer pushed back, the answer did not move them on.
const stuckApp = [
  user(
    "Hi there! Quick question about my meter rental — the app says it's still 'in transit' but I got it yesterday.",
  ),
  assistant('Your meter will be delivered within 2–3 days of your order.'),
  user("It's already been delivered, I have it in my hands. The app just says otherwise."),
  assistant('You can track your delivery from the link in your confirmation email.'),
  user("I know, the tracking says delivered. The app doesn't."),
  assistant('Is there anything else I can help you with?'),
];
const stuckVisit = [
  user('good morning, my visit got moved without anyone telling me'),
  assistant('Visits may occasionally be rescheduled due to engineer availability.'),
  user('ok but nobody told me, I took the day off work'),
  assistant('We apologise for any inconvenience.'),
  user("that's it? I lost a day's pay"),
  assistant('You can view your updated booking on My Page.'),
];
const stuckClinic = [
  user(
    'すみません、クリニックを経営しているのですが、隣のテナントの工事音がひどくて。早めに測定をお願いしたいです。',
  ),
  assistant('工事騒音は日中に多いご相談です。'),
  user('はい、それで、最短でいつ来ていただけますか？'),
  assistant('訪問はマイページから予約できます。'),
  user('マイページだと2週間先しか空いていません。もっと早くは無理でしょうか。'),
  assistant('空き状況はマイページでご確認ください。'),
];
const stuckRefund = [
  user('返金まだですか'),
  assistant('確認いたします。'),
  user('口座に入ってません'),
  assistant('振込には数日かかる場合がございます。'),
  user('前もそう言ってましたよね'),
  assistant('ご迷惑をおかけしております。'),
];
const stuckReport = [
  user('報告書に書いてある住所が間違ってます。302号室じゃなくて203号室です。'),
  assistant('報告書の内容は測定時の記録に基づいております。'),
  user('いや、記録が間違ってるんです。うちは203です。'),
  assistant('修正をご希望の場合、再発行手数料1,100円がかかります。'),
];
// Neutral throughout: questions asked and answered.
const neutral = [
  user('メーターって何台まで借りれますか'),
  assistant('1契約につき3台までです。'),
  user('届くのはいつ頃になりますか'),
  assistant('平日15時までのお申し込みで、翌営業日に発送いたします。'),
];
const neutralEnglish = [
  user('Can I book an engineer for next week?'),
  assistant('Yes, Tuesday and Thursday afternoons are free.'),
  user('Tuesday 2pm please'),
  assistant('Booked: Tuesday 14:00. The engineer will call 30 minutes ahead.'),
];

describe('emotion_trajectory: a terse reply after a stuck thread (terse-after-stuck.ts)', () => {
  it.each([
    ['ok.', stuckApp],
    ['k', stuckApp],
    ['Mhm.', stuckApp],
    ['Right. Thanks I guess.', stuckVisit],
    ['Sure. Great. Thanks.', stuckVisit],
    ['そうですか。了解です。', stuckClinic],
    ['承知しました', stuckClinic],
    ['はい', stuckClinic],
    ['了解しました。待ってます', stuckRefund],
    ['……わかりました。それでいいです。', stuckReport],
  ])('escalates «%s» after the customer was left stuck', (message, history) => {
    expect(codes(message, history)).toContain('emotion_trajectory');
    expect(classifyEscalation({ message, history }).escalate).toBe(true);
  });

  it('names the terse reply and the stuck turn in its evidence', () => {
    const reason = gatherEscalationEvidence({ message: 'ok.', history: stuckApp }, options).conversation.find(
      (found) => found.code === 'emotion_trajectory',
    );
    expect(reason?.evidence).toContain('"ok."');
    expect(reason?.evidence).toContain('i know');
    expect(reason?.source).toBe('history[4]');
  });

  it('escalates a curt acceptance of an offer after the customer was stuck ("Fine." to "Would you like to book it?")', () => {
    const history = [
      user("Hi! I'd love to book a measurement for next week 😊"),
      assistant('Happy to help! Which area do you live in?'),
      user('Osaka, Kita-ku'),
      assistant('Unfortunately, Osaka measurements are currently booked out for the next 3 weeks.'),
      user("oh. is there really nothing? it's getting pretty bad"),
      assistant('The earliest available date is the 28th. Would you like to book it?'),
    ];
    expect(codes('Fine.', history)).toContain('emotion_trajectory');
  });

  it.each([
    ['ok cool 🙂', stuckApp],
    ['了解です!', stuckClinic],
    ['Thanks, that fixed it', stuckApp],
    ['ok great, see you Tuesday', stuckVisit],
    ['はい。では待ってます', neutral],
    ['了解です', neutral],
    ['ok', neutralEnglish],
    ['Great, thanks', neutralEnglish],
  ])('does not read «%s» as a terse reply after a stuck thread', (message, history) => {
    expect(codes(message, history)).not.toContain('emotion_trajectory');
  });

  it('does not fire after one customer turn answered concretely («はい。では待ってます», round17 train13-af-315)', () => {
    const history = [
      user('測定員の方が来ないんですが'),
      assistant(
        '申し訳ございません、確認したところ前の現場が延びており、15分ほどで到着予定です。本人から直接お電話させます。',
      ),
    ];
    expect(codes('はい。では待ってます', history)).not.toContain('emotion_trajectory');
    // (The learned model still escalates this one on its own: a false alarm before this rule too.)
  });

  it('does not fire when the stuck turn was followed by progress («あ、ついた»)', () => {
    const history = [
      user('メーターの電源ランプがつかないんですが、どうしたらいいでしょう。'),
      assistant('ACアダプターを奥まで差し込んでください。'),
      user('差してますが、つきません'),
      assistant('電源ボタンを5秒長押ししてください。'),
      user('あ、ついた'),
      assistant('よかったです！そのまま設置していただければ記録が始まります。'),
    ];
    expect(codes('OK', history)).not.toContain('emotion_trajectory');
  });

  it('does not fire on «はい» answering a question about the problem, nor after a short answer («its not»)', () => {
    expect(
      codes('はい', [...stuckClinic.slice(0, 5), assistant('平日の午前中をご希望ですか?')]),
    ).not.toContain('emotion_trajectory');
    // An offer («…しましょうか») still leaves the reply terse.
    expect(
      codes('はい', [...stuckClinic.slice(0, 5), assistant('キャンセル待ちに登録しましょうか。')]),
    ).toContain('emotion_trajectory');
    const balcony = [
      user('will the engineer need access to the balcony'),
      assistant('Only if the noise is loudest there.'),
      user("it's not"),
      assistant('Then no balcony access needed.'),
    ];
    expect(codes('ok ty', balcony)).not.toContain('emotion_trajectory');
  });

  it('needs two customer turns: a terse reply to a first answer is no trajectory', () => {
    expect(codes('ok.', stuckApp.slice(4))).not.toContain('emotion_trajectory');
  });
});

describe('isTerseAcknowledgement and pushesBack', () => {
  it.each([
    'ok.',
    '...k.',
    'If you say so.',
    'ハイ、ソウデスカ。',
    'はい、はい。ありがとうございます。',
    'そうですか、わかりました。では。',
  ])('reads «%s» as terse', (message) => {
    expect(isTerseAcknowledgement(normalizeText(message))).toBe(true);
  });

  it.each([
    'ok cool 🙂',
    'はーい、わかりました！',
    'ok great, see you Tuesday',
    'Thanks, that fixed it',
    'はい。では来週の火曜でお願いします',
    'ok, but when?',
  ])('does not read «%s» as terse', (message) => {
    expect(isTerseAcknowledgement(normalizeText(message))).toBe(false);
  });

  it.each([
    "I know, the tracking says delivered. The app doesn't.",
    'Tried that, it shows no slots this week.',
    'いや、記録が間違ってるんです。',
    '見ました、ないです',
    'もう12時すぎましたけど、午前中って話でしたよね',
    'そーなの！で、拾える？',
    "It's been 10 days.",
  ])('reads «%s» as pushing back', (turn) => {
    expect(pushesBack(normalizeText(turn))).toBe(true);
  });

  it.each(['届くのはいつ頃になりますか', 'Tuesday 2pm please', 'できました、ありがとうございます'])(
    'does not read «%s» as pushing back',
    (turn) => {
      expect(pushesBack(normalizeText(turn))).toBe(false);
    },
  );
});

describe('emotion_trajectory: a terse reply after «…できない» or distress (review r17)', () => {
  // Round17 train13-af-101, shortened below six entries so that unresolved_turns does not decide.
  const saturday = [
    user('訪問日の件でご相談です。先方の都合で土曜に変更したいのですが可能でしょうか。'),
    assistant('訪問日の変更はマイページの「予約」から行えます。'),
    user('マイページでは土曜日が選べない状態になっております。何か条件があるのでしょうか。'),
    assistant('土曜日の枠は埋まりやすいため、お早めのご予約をおすすめします。'),
  ];
  // Round4 t4c-035.
  const sleepless = [
    user('the noise has been getting worse'),
    assistant('Sorry to hear that. Since when?'),
    user('Since last month. Im barely sleeping now'),
    assistant('That sounds difficult. A measurement can help document it.'),
  ];

  it.each([
    ['わかりました', saturday],
    ['承知しました', [...saturday.slice(0, 2), user('予約ボタンが押せないんです'), saturday[3]!]],
    ['Ok.', sleepless],
    ['ok', [...sleepless.slice(0, 2), user('I am scared to go home at night'), sleepless[3]!]],
    ['はい', [...saturday.slice(0, 2), user('夜も眠れないです'), saturday[3]!]],
  ])('escalates «%s» after the customer could not do it or was distressed', (message, history) => {
    expect(codes(message, history)).toContain('emotion_trajectory');
  });

  it.each([
    ['わかりました', [...saturday.slice(0, 2), user('土曜日が選べました'), assistant('よかったです。')]],
    ['Ok.', [...sleepless.slice(0, 2), user('Since last month, mostly in the daytime'), sleepless[3]!]],
    ['ok', neutralEnglish],
  ])('does not read «%s» as a terse reply after distress', (message, history) => {
    expect(codes(message, history)).not.toContain('emotion_trajectory');
  });
});
