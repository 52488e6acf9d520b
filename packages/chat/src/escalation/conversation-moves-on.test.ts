import { describe, expect, it } from 'vitest';
import { gatherEscalationEvidence } from './classify-escalation';
import { escalationOptionsSchema } from './escalation-options';

const options = escalationOptionsSchema.parse({});
// Six history entries of a customer with a meter problem, answered each time.
const history = [
  { role: 'user' as const, content: 'The meter keeps beeping at night.' },
  { role: 'assistant' as const, content: 'Please turn the alert mode off in the app settings.' },
  { role: 'user' as const, content: 'Where is that setting?' },
  { role: 'assistant' as const, content: 'Settings > Device > Alert mode.' },
  { role: 'user' as const, content: 'メーターの設定はどこですか' },
  { role: 'assistant' as const, content: 'アプリの「設定」から「機器」を開いてください。' },
];
/** The conversation rules codes of one message after the history (rules level, no learned model). */
const conversationCodes = (message: string) =>
  gatherEscalationEvidence({ message, history }, options).conversation.map((reason) => reason.code);

describe('unresolved_turns: a long conversation moving on (conversation-moves-on.ts)', () => {
  it.each([
    'Right, that makes sense now. Next question: can I get the report translated into English?',
    'ok the beeping stopped when I turned alert mode off. now, how do I download the report?',
    'Alright, it synced. Also just fyi the engineer who came was very kind',
    'No worries, I will call the phone line on Monday. Have a good weekend.',
    'Right, so it was my card after all. New card works. Sorry for the fuss!',
    'ほな次は請求書のことなんやけど、毎月何日に出るん？',
    'もう寝ます。おやすみなさい。また明日やってみます',
    'ほいだら、次の質問ね。メーターって2台借りられる？',
    'あ、話変わるんですけど、夫のアカウントとまとめることってできます？',
    '金曜の夕方で！',
    'では月曜の10時で確定してください',
    'Thursday 2pm works',
    'yes, confirm it please',
    'That fixed it, you are a star',
    'したっけ、よろしくね〜',
  ])('does not read «%s» as stuck', (message) => {
    expect(conversationCodes(message)).not.toContain('unresolved_turns');
  });

  it.each([
    'It worked, but now the report page is blank.',
    'ok the beeping stopped, but now the meter does not record at all. what now?',
    'Next question is the same as before: why does it still beep?',
    'ほな次は何をすればええの？まだ鳴ってるんやけど',
    'ついでに聞きたいんですけど、まだ直らないのはなぜですか？',
    'Thursday 2pm works? I have had no slot for two weeks and still nothing.',
    '金曜の夕方で予約したのに、まだ誰も来ません',
    'あいがとさげもした。でも、まだ鳴いよっど',
  ])('still reads «%s» as stuck', (message) => {
    expect(conversationCodes(message)).toContain('unresolved_turns');
  });
});

describe('isResolution: thanks for one fix, then a new problem (new-problem-after-thanks.ts)', () => {
  it.each([
    'The password reset worked, thanks, but now it says my account is locked for 24 hours.',
    'The card change worked, thank you, but the failed payment is still showing.',
    'ログインはできました、ありがとうございます。でも今度はレポート一覧が0件のままです',
  ])('keeps the conversation open after «%s»', (message) => {
    expect(conversationCodes(message)).toContain('unresolved_turns');
  });

  it.each([
    "Thanks, but I'm fine now. Still, the app shows the old address.",
    "Thanks, but it's still not working now.",
  ])('keeps the conversation open after «%s» (a fault after the contrast)', (message) => {
    expect(conversationCodes(message)).toContain('unresolved_turns');
  });

  it.each([
    'Thanks, that sorted it.',
    'ありがとうございます。助かりました',
    // Review r17: a contrast that says all is well now opens no problem.
    "Thanks, but I'm fine now",
    'thanks, though it is all good now',
    'ありがとうございます、でももう問題ありません',
  ])('closes it after «%s»', (message) => {
    expect(conversationCodes(message)).not.toContain('unresolved_turns');
  });
});

describe('unresolved_turns: a question asked with the anger denied (conversation-moves-on.ts)', () => {
  // Round17 escalation-train13-ag-075: six entries, the visit settled, then a new policy question.
  const settled = [
    { role: 'user' as const, content: 'my visit is tomorrow at 9' },
    { role: 'assistant' as const, content: 'Yes, I see your visit on the 12th at 9:00.' },
    { role: 'user' as const, content: 'the engineer called and said maybe 10 instead' },
    {
      role: 'assistant' as const,
      content: 'Engineers sometimes call to adjust arrival times. Is 10:00 okay for you?',
    },
    { role: 'user' as const, content: 'I guess' },
    { role: 'assistant' as const, content: 'Thank you. Your visit is noted for 10:00.' },
  ];
  const codesAfterSettled = (message: string) =>
    gatherEscalationEvidence({ message, history: settled }, options).conversation.map(
      (reason) => reason.code,
    );

  it.each([
    "I'm not angry, just asking: if I move the visit to next week, is there a fee?",
    '怒ってるわけじゃなくて、単純に聞きたいんですが、来週に変えたら料金かかりますか？',
  ])('does not read «%s» as unresolved', (message) => {
    expect(codesAfterSettled(message)).not.toContain('unresolved_turns');
  });

  it.each([
    "I'm not angry, just asking why nobody called me back again?",
    "I'm not angry, just asking: why is it still not fixed?",
    '怒ってるわけじゃないんですけど、まだ連絡来ないんですか？',
    "I'm not angry. Just asking.",
  ])('still reads «%s» as unresolved', (message) => {
    expect(codesAfterSettled(message)).toContain('unresolved_turns');
  });
});

describe('unresolved_turns: a push or the same problem is not moving on (review r17)', () => {
  // Six entries about a meter that stays offline, answered each time without a fix.
  const offline = [
    { role: 'user' as const, content: 'My meter will not connect, the app lists it as offline.' },
    {
      role: 'assistant' as const,
      content: 'Please restart the meter by holding the power button for 10 seconds.',
    },
    { role: 'user' as const, content: 'I restarted it. It is still offline.' },
    { role: 'assistant' as const, content: 'Please check that your Wi-Fi is 2.4 GHz.' },
    { role: 'user' as const, content: 'メーターがまだオフラインのままです。' },
    { role: 'assistant' as const, content: 'ルーターの近くにメーターを置いてみてください。' },
  ];
  const codes = (message: string) =>
    gatherEscalationEvidence({ message, history: offline }, options).conversation.map(
      (reason) => reason.code,
    );

  it.each([
    '至急対応よろしくお願いします',
    '対応よろしく！',
    '早めに連絡よろしくです',
    'あと、これって交換してもらえますか？',
    'While I have you — can you send a replacement meter?',
    'Next question: when will someone actually fix this?',
    'Different question: will it ever work properly?',
    'The app shows offline now.',
    'it shows nothing now',
  ])('still reads «%s» as stuck', (message) => {
    expect(codes(message)).toContain('unresolved_turns');
  });

  it.each([
    'したっけ、よろしくね〜',
    'では、引き続きよろしくお願いします',
    'Different topic — how do I download the report for May?',
    'あと、メーターって2台借りられますか？',
    'Next question: can I rent a second meter for the bedroom?',
    'ok it shows online now',
  ])('reads «%s» as moving on', (message) => {
    expect(codes(message)).not.toContain('unresolved_turns');
  });
});

describe('unresolved_turns: an answer taken, a decision, a step done, a side question (round 18)', () => {
  // Round 18 train14-ai/-aj: six entries answered each time, then the customer takes the answer.
  it.each([
    'Okay, makes sense. Let us just book the Standard measurement first — next Tuesday evening?',
    'Okay okay, I keep flip-flopping, sorry. Standard it is. Final answer 😅',
    'Brilliant, confirmed: 5B on the 3rd at 10, 7A on the 3rd at 14:00.',
    'OK. If my name stays out of it, I’m in.',
    'Good, only mine then. Unrelated — do you offer any discount for students?',
    'Okay, noted. Does the contract PDF get emailed automatically afterwards?',
    'Right, 7 left and no rollover. That’s all I needed.',
    'Two meters, one combined report, ¥24,200. Great, let’s order them.',
    'Honestly, that is really helpful. I feel like I have a plan now. Booking the rental for Monday.',
    'Brilliant, logged in and the report’s there. Since I have you, how do I add my husband as a viewer?',
    'OK, the CSV opened fine in Excel after I changed the encoding. Last question: what is LAFmax?',
    'OK, 30 minutes, good. Also, can the report be emailed to my partner too?',
    'We’ll go with mediation first then, and keep the report option for later.',
    'よし、全部終わった！最後に、次回の測定って何ヶ月後くらいが目安ですか？',
    'ほなそれで頼んます。駐車場はマンションの裏にあるさかい',
    '説明聞いて安心しました。解約はやめておきます。引き続きよろしくお願いします',
  ])('does not read «%s» as stuck', (message) => {
    expect(conversationCodes(message)).not.toContain('unresolved_turns');
  });

  it.each([
    // Round17 t13af-666: a bare acknowledgement after a stuck thread is the terse reply, not one taken.
    'ok. noted. bye.',
    'Understood. Whatever.',
    'Okay, makes sense, but it still beeps every night.',
    'Noted. The meter is still beeping though, what now?',
    'Unrelated — why does it still beep?',
    'Last question: when will someone actually fix this?',
    'Standard it is, but the meter still does not work.',
    'それで頼んだのに、まだ鳴ってます',
  ])('still reads «%s» as stuck', (message) => {
    expect(conversationCodes(message)).toContain('unresolved_turns');
  });
});

describe('unresolved_turns: the round-18 ways of moving on do not hide a stuck thread (review r18 H6)', () => {
  // Eight entries about a meter that stays offline, answered each time without a fix.
  const stuck = [
    { role: 'user' as const, content: 'My meter shows offline since Monday.' },
    { role: 'assistant' as const, content: 'Please restart the meter by holding the button for 10 seconds.' },
    { role: 'user' as const, content: 'Did that. Still offline.' },
    { role: 'assistant' as const, content: 'Please check the Wi-Fi connection in the app settings.' },
    { role: 'user' as const, content: 'Wi-Fi is connected. Meter says offline.' },
    { role: 'assistant' as const, content: 'Please try re-pairing the device from the app.' },
    { role: 'user' as const, content: '再ペアリングもステップ3で失敗します。' },
    { role: 'assistant' as const, content: '担当チームで確認いたします。' },
  ];
  const codes = (message: string) =>
    gatherEscalationEvidence({ message, history: stuck }, options).conversation.map((reason) => reason.code);

  it.each([
    "That's what I wanted to know five days ago. When is the technician coming?",
    'Unrelated — why is my meter offline for a week?',
    'I will keep the meter plugged in. When does someone come?',
    'Okay, makes sense. Send a technician tomorrow morning please.',
    'Understood. Please send someone to fix the meter today, this is the fifth day without data.',
    'Last question: who do I talk to that can actually solve this?',
    'Since I have you, when will the meter work?',
    '最後に、いつ技術者が来てくれるんですか？',
    '最後に、責任者の方のお名前を教えていただけますか？',
    'それで頼みます。今日中に誰か来てください。もう5日目です。',
  ])('still reads «%s» as stuck', (message) => {
    expect(codes(message)).toContain('unresolved_turns');
  });

  it.each([
    'Okay, makes sense. Let us just book the Standard measurement first — next Tuesday evening?',
    'Okay, noted. Does the contract PDF get emailed automatically afterwards?',
    'Unrelated — do you offer any discount for students?',
    'Since I have you, how do I add my husband as a viewer?',
    '最後に、次回の測定って何ヶ月後くらいが目安ですか？',
  ])('reads «%s» as moving on', (message) => {
    expect(codes(message)).not.toContain('unresolved_turns');
  });
});
