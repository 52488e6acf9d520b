import { KizunaValidationError } from '@kizuna/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyEscalation, createEscalationClassifier } from './classify-escalation';

const codesOf = (
  message: string,
  extra: Parameters<typeof classifyEscalation>[0] extends infer Input ? Partial<Input> : never = {},
) => classifyEscalation({ message, ...extra }).reasons.map((reason) => reason.code);

const characters = fc.constantFrom(
  ...'返金解約怒不安弁護士してくださいないですかキャンセルｶｲﾔｸ 　、。!?！？abcdefghijklmnopqrstuvwxyz😡🙏\n'.split(
    '',
  ),
);
// Plain strings, and strings built from the characters the lexicons care about.
const anyText = fc.oneof(
  fc.string({ maxLength: 120 }),
  fc.array(characters, { maxLength: 60 }).map((parts) => parts.join('')),
);

describe('classifyEscalation', () => {
  it('escalates a refund request but not a question about the refund policy', () => {
    expect(classifyEscalation({ message: '返金してください' }).escalate).toBe(true);
    expect(classifyEscalation({ message: 'お金を返して' }).escalate).toBe(true);
    expect(classifyEscalation({ message: 'give me my money back' }).escalate).toBe(true);
    expect(classifyEscalation({ message: '返金はできますか？' }).escalate).toBe(false);
    expect(classifyEscalation({ message: 'where is your refund policy?' }).escalate).toBe(false);
  });

  it('escalates a cancellation request but not a question about cancelling', () => {
    expect(codesOf('契約をやめたい')).toContain('cancellation_request');
    expect(codesOf('I want to cancel my subscription')).toContain('cancellation_request');
    expect(classifyEscalation({ message: 'キャンセルできますか？' }).escalate).toBe(false);
    expect(classifyEscalation({ message: 'can I cancel a booking?' }).escalate).toBe(false);
  });

  it('reads an English imperative after a softener as a request, and a softened question as a question', () => {
    expect(codesOf('pls cancel my sub')).toEqual(['cancellation_request']);
    expect(codesOf('just cancel')).toEqual(['cancellation_request']);
    expect(codesOf('ok so refund it then')).toEqual(['refund_request']);
    expect(codesOf('just wondering, can i cancel anytime?')).toEqual(['cancellation_inquiry']);
    expect(classifyEscalation({ message: 'just wondering, can i cancel anytime?' }).escalate).toBe(false);
  });

  it('treats a booking change as a booking change, not a cancellation', () => {
    expect(classifyEscalation({ message: '予約を土曜日に変更したいです' }).escalate).toBe(false);
    expect(classifyEscalation({ message: 'Can I cancel and rebook for next week instead?' }).escalate).toBe(
      false,
    );
  });

  it('folds width, kana and spacing variants before matching', () => {
    for (const message of [
      'ﾍﾝｷﾝしてください',
      'ヘンキンしてください',
      '返　金　し　て',
      'カイヤクしたい',
      'R E F U N D me now',
    ]) {
      expect(classifyEscalation({ message }).escalate, message).toBe(true);
    }
  });

  it('does not escalate negated emotion', () => {
    expect(
      classifyEscalation({ message: '怒っているわけではないのですが、流れを知りたいです' }).escalate,
    ).toBe(false);
    expect(classifyEscalation({ message: "I'm not angry, just curious" }).escalate).toBe(false);
    expect(classifyEscalation({ message: '腹が立ってしょうがない' }).escalate).toBe(true);
  });

  it('escalates anger aimed at a neighbour, but not the neighbour shouting as a noise', () => {
    expect(codesOf('上の階の住人に本当に腹が立つ')).toContain('anger');
    // The rules read no anger of the customer's in a neighbour's shouting heard as a noise. (The
    // learned model may still hand it over since round 16: in the writers' data a neighbour's
    // «怒鳴り声» comes with fear or violence in 22 of 25 messages; see the guide.)
    expect(
      classifyEscalation({ message: '隣人の怒鳴り声が聞こえます' }, { learnedModel: false }).escalate,
    ).toBe(false);
    expect(classifyEscalation({ message: '隣人の怒鳴り声が聞こえることがあります' }).escalate).toBe(false);
    expect(classifyEscalation({ message: 'My neighbor gets angry when people knock' }).escalate).toBe(false);
  });

  it('always escalates legal topics, questions included, with critical priority', () => {
    for (const message of [
      '弁護士に相談したい',
      '裁判で使えますか',
      '慰謝料はいくら取れますか',
      'Can this be used in court?',
    ]) {
      const decision = classifyEscalation({ message });
      expect(decision.escalate, message).toBe(true);
      expect(decision.priority).toBe('critical');
      expect(decision.reasons[0]?.code).toBe('legal');
    }
  });

  it('escalates a request for a human, a billing dispute, safety and threats', () => {
    expect(codesOf('責任者を出してください')).toContain('human_request');
    expect(codesOf('二重に請求されています')).toContain('billing_dispute');
    expect(codesOf('身の危険を感じています')).toContain('safety');
    expect(codesOf('消費者センターに相談します')).toContain('threat');
    expect(codesOf("I'll leave a 1-star review everywhere")).toContain('threat');
  });

  it('gives each reason the evidence that triggered it', () => {
    const [reason] = classifyEscalation({ message: '本当にムカつく' }).reasons;
    expect(reason).toEqual({ code: 'anger', evidence: 'むかつ', source: 'message' });
  });

  it('escalates after six history entries without resolution, but not after thanks', () => {
    const history = Array.from({ length: 6 }, (_, index) => ({
      role: index % 2 === 0 ? ('user' as const) : ('assistant' as const),
      content: index % 2 === 0 ? `夜${index}時ごろに音がします` : '詳しく教えてください',
    }));
    expect(codesOf('はい', { history })).toContain('unresolved_turns');
    expect(classifyEscalation({ message: 'はい', history: history.slice(0, 4) }).escalate).toBe(false);
    expect(classifyEscalation({ message: 'ありがとうございました', history }).escalate).toBe(false);
  });

  it('does not count turns of a conversation whose latest message reports progress', () => {
    // Six entries since the last resolution: the seed's threshold is met by count alone.
    const history = [
      { role: 'user' as const, content: 'アプリで測定が始まりません' },
      { role: 'assistant' as const, content: 'マイクの使用を許可してください' },
      { role: 'user' as const, content: '許可しました' },
      { role: 'assistant' as const, content: 'アプリを再起動してください' },
      { role: 'user' as const, content: '再起動しました' },
      { role: 'assistant' as const, content: '最新版に更新してください' },
    ];
    expect(classifyEscalation({ message: '更新したら直りました', history }).escalate).toBe(false);
    expect(classifyEscalation({ message: 'できました！', history }).escalate).toBe(false);
    // The rule does not count this one either. Round 11's text model reads 測定が始ま… as the
    // problem's words (combined log-odds 0.24 ≥ 0) and escalates it: a known false alarm, so this
    // assertion is on the rules alone.
    const progressWithQuestion = 'タップしたら測定が始まりました。このままでいいですか';
    expect(codesOf(progressWithQuestion, { history })).not.toContain('unresolved_turns');
    expect(
      classifyEscalation({ message: progressWithQuestion, history }, { learnedModel: false }).escalate,
    ).toBe(false);
    expect(classifyEscalation({ message: "did that, it's downloading now", history }).escalate).toBe(false);
    // Stuck, repeating or frustrated: the six entries still escalate.
    expect(codesOf('更新してもだめです', { history })).toContain('unresolved_turns');
    expect(codesOf('still the same error', { history })).toContain('unresolved_turns');
    expect(codesOf('直りましたか？と聞かれても、まだ直りません', { history })).toContain('unresolved_turns');
    expect(codesOf('できましたけど、また止まりました', { history })).toContain('unresolved_turns');
    // Answering the bot's questions is not progress either.
    expect(codesOf('はい、夜が多いです', { history })).toContain('unresolved_turns');
  });

  it('escalates the same point asked again in other words after an answer, casual and hiragana forms', () => {
    const answered = (question: string) => [
      { role: 'user' as const, content: question },
      { role: 'assistant' as const, content: 'ご案内いたします / Let me explain.' },
    ];
    // れぽーと and レポート share "ぽー", "ーと"; 発送 is a kanji bigram of both: 3 of 3 terms shared.
    expect(
      codesOf('で、れぽーとの発送っていつなの', { history: answered('レポートの発送日を教えてください') }),
    ).toContain('repeated_question');
    // time, thursday shared: 2 of the 4 terms of each message (50 % ≥ 40 %).
    expect(
      codesOf('ok but what time exactly is the guy coming thursday', {
        history: answered('What time will the technician arrive on Thursday?'),
      }),
    ).toContain('repeated_question');
    expect(
      codesOf('Again, the certificate needs our company name, not the tenant', {
        history: answered('The certificate should show the company name instead of the tenant'),
      }),
    ).toContain('repeated_question');
    // Asking again about something else, before any answer, or without saying it asks again.
    expect(
      codesOf('ok but what about the parking on thursday', {
        history: answered('What time will the technician arrive on Thursday?'),
      }),
    ).not.toContain('repeated_question');
    expect(
      codesOf('ok but what time exactly is the guy coming thursday', {
        history: [{ role: 'user', content: 'What time will the technician arrive on Thursday?' }],
      }),
    ).not.toContain('repeated_question');
    expect(
      codesOf('Is the technician coming Thursday morning?', {
        history: answered('What time will the technician arrive on Thursday?'),
      }),
    ).not.toContain('repeated_question');
  });

  it('escalates the same question asked again', () => {
    const history = [
      { role: 'user' as const, content: 'レポートはいつ届きますか？' },
      { role: 'assistant' as const, content: '5営業日以内です。' },
    ];
    expect(codesOf('レポートはいつ届くんですか？', { history })).toContain('repeated_question');
    expect(classifyEscalation({ message: '測定は何時から始まりますか', history }).escalate).toBe(false);
    expect(codesOf('まだレポート届かないんですか？', { history })).toContain('repeated_question');
    const price = [{ role: 'user' as const, content: '料金はいくらですか？' }];
    expect(classifyEscalation({ message: 'プレミアムプランの料金は？', history: price }).escalate).toBe(
      false,
    );
  });

  it('reads the emotion over the conversation, not only the last message', () => {
    const history = [
      { role: 'user' as const, content: 'レポートがまだ届かなくて困っています' },
      { role: 'assistant' as const, content: '確認いたします。' },
      { role: 'user' as const, content: '先週も問い合わせたのに残念です' },
      { role: 'assistant' as const, content: '申し訳ございません。' },
    ];
    expect(codesOf('いつ届きますか', { history })).toContain('emotion_trajectory');
    expect(classifyEscalation({ message: 'いつ届きますか' }).escalate).toBe(false);
  });

  it('lets account context lower the bar, as configured', () => {
    const message = '解約の方法を教えてください';
    expect(classifyEscalation({ message }).escalate).toBe(false);
    const decision = classifyEscalation({ message, account: { healthBand: 'red' } });
    expect(decision.escalate).toBe(true);
    expect(decision.reasons.map((reason) => reason.code)).toEqual(['cancellation_inquiry', 'account_risk']);
    expect(classifyEscalation({ message, account: { daysUntilRenewal: 30 } }).escalate).toBe(true);
    expect(classifyEscalation({ message, account: { daysUntilRenewal: 200 } }).escalate).toBe(false);
    const relaxed = createEscalationClassifier({ account: { redHealth: false } });
    expect(relaxed({ message, account: { healthBand: 'red' } }).escalate).toBe(false);
    const byRevenue = createEscalationClassifier({ account: { highValueMonthlyRecurringRevenue: 100_000 } });
    expect(byRevenue({ message, account: { monthlyRecurringRevenue: 150_000 } }).escalate).toBe(true);
  });

  it('lets borderline concerns escalate for an account at risk only', () => {
    const concerns = [
      '今回のレポート、思ってたのと少し違いました',
      'また夜中に測定が止まりました',
      '更新するか、ちょっと迷ってます',
      'The second report was a bit underwhelming',
      'The sensor stopped sending data again',
      "We're not sure it's worth renewing this year",
    ];
    for (const message of concerns) {
      const decision = createEscalationClassifier({ learnedModel: false })({
        message,
        account: { daysUntilRenewal: 45 },
      });
      expect(decision.escalate).toBe(true);
      // dissatisfaction, then the account's reason; priority medium raised one level.
      expect(decision.reasons.map((reason) => reason.code)).toEqual(['dissatisfaction', 'account_risk']);
      expect(decision.priority).toBe('high');
      // The same words from an account not at risk are no escalation by this rule.
      expect(
        createEscalationClassifier({ learnedModel: false })({ message, account: { daysUntilRenewal: 200 } })
          .escalate,
      ).toBe(false);
    }
    // Neutral questions from an account at risk stay questions.
    for (const message of [
      '更新の手続きはマイページからできますか',
      'Can you send the invoice again as a PDF?',
    ])
      expect(classifyEscalation({ message, account: { healthBand: 'red' } }).escalate).toBe(false);
  });

  it('knows violent intent in casual and dialect speech, danger, and threats received', () => {
    for (const message of [
      'あいつ今度うるさくしたらしばいたるわ',
      'ぶん殴ってやろうかと本気で思った',
      '隣から焦げくさいにおいがします',
      '廊下に煙が充満しています',
      "next time he does it i'm gonna punch him",
      'there is a burning smell coming from next door',
      'someone left a note saying they know where our kids go to school',
      'I got a death threat in my mailbox',
    ])
      expect(codesOf(message)).toContain('safety');
    for (const message of ['火災報知器の点検の日は測定できますか', 'Does the smoke detector noise count?'])
      expect(codesOf(message)).not.toContain('safety');
  });

  it('reads ころす only as a word of its own, not inside ところすみません or こころ (round 16)', () => {
    for (const message of ['あいつころすぞ', '隣の人にころされるかと思った'])
      expect(codesOf(message)).toContain('safety');
    for (const message of [
      'お忙しいところすみません、返却は着払いでいいですか？',
      '夜分遅いところすみません。測定日の確認です',
      'こころさみしい夜ですが、音は静かになりました',
    ])
      expect(codesOf(message)).not.toContain('safety');
  });

  it('knows threats to post or go to the press in casual wording, not questions about posting', () => {
    for (const message of [
      'ネットに書いたろかな',
      'これsnsに上げとくわ',
      'マスコミに言うたるわ',
      'I think the news would be interested in how you treat customers',
      "i'm tweeting about this",
    ])
      expect(codesOf(message)).toContain('threat');
    for (const message of [
      'ネットに上げる写真はどのサイズがいいですか',
      'Does the media report include the graph?',
    ])
      expect(codesOf(message)).not.toContain('threat');
  });

  it('reads a quoted word as mentioned, and "not that I am upset" as a denial', () => {
    expect(
      classifyEscalation({ message: 'The FAQ says "refund" and "reimbursement". Same thing?' }).escalate,
    ).toBe(false);
    expect(classifyEscalation({ message: '「解約」と「退会」の違いは何ですか' }).escalate).toBe(false);
    expect(codesOf('Not that I am upset, just need to move the date')).not.toContain('anger');
    // Used, not quoted; a denial in another clause; safety quoted still counts.
    expect(codesOf('解約したいです')).toContain('cancellation_request');
    expect(codesOf('not that it matters, but I am furious')).toContain('anger');
    expect(codesOf('隣の人に「殺すぞ」と言われました')).toContain('safety');
  });

  it('raises the priority for an account at risk', () => {
    expect(classifyEscalation({ message: '責任者を出して' }).priority).toBe('medium');
    expect(classifyEscalation({ message: '責任者を出して', account: { healthBand: 'red' } }).priority).toBe(
      'high',
    );
  });

  it('throws KizunaValidationError naming the bad field', () => {
    expect(() =>
      classifyEscalation({ message: 'x', history: [{ role: 'system', content: 'x' }] } as never),
    ).toThrow(KizunaValidationError);
    expect(() => classifyEscalation({ message: 42 } as never)).toThrow(/message/);
    expect(() => createEscalationClassifier({ unresolvedHistoryEntries: 0 })).toThrow(
      /unresolvedHistoryEntries/,
    );
  });

  it('is deterministic, never throws on text and reports low priority exactly when it does not escalate', () => {
    fc.assert(
      fc.property(anyText, (message) => {
        const first = classifyEscalation({ message });
        expect(classifyEscalation({ message })).toEqual(first);
        expect(first.priority === 'low').toBe(!first.escalate);
      }),
      { numRuns: 200 },
    );
  });

  it('escalates every refund or cancellation object with every request form, and no policy question', () => {
    const objects = fc.constantFrom(
      '返金',
      'お金の返金',
      '全額返金',
      '払い戻し',
      '解約',
      '退会',
      '契約の解除',
      '予約のキャンセル',
    );
    const requests = fc.constantFrom(
      'してください',
      'してほしいです',
      'してもらえますか',
      'していただけませんか',
      'をお願いします',
      'を希望します',
      'してくれ',
      'しろ',
      'をお願いしたいのですが',
      '希望',
    );
    const questions = fc.constantFrom(
      'はできますか？',
      'って可能ですか',
      'の方法を教えてください',
      'の条件は？',
      'について知りたいです',
      'する場合の手数料は？',
      'の手続きはどこからできますか',
    );
    fc.assert(
      fc.property(objects, requests, (object, request) => {
        expect(classifyEscalation({ message: object + request }).escalate).toBe(true);
      }),
    );
    fc.assert(
      fc.property(objects, questions, (object, question) => {
        expect(classifyEscalation({ message: object + question }).escalate).toBe(false);
      }),
    );
  });

  it('always escalates once a legal topic is added to any message', () => {
    const words = fc.constantFrom(
      '足音',
      'がうるさい',
      'です',
      '夜',
      'noise',
      'at night',
      '予約',
      '？',
      '。',
      ' ',
    );
    fc.assert(
      fc.property(fc.array(words, { maxLength: 12 }), (parts) => {
        expect(classifyEscalation({ message: `${parts.join('')}。弁護士に相談します。` }).escalate).toBe(
          true,
        );
      }),
    );
  });

  it('knows the domain vocabulary added for unseen phrasings, by the rules alone', () => {
    const rulesOnly = { learnedModel: false };
    const codes = (message: string) =>
      classifyEscalation({ message }, rulesOnly).reasons.map((reason) => reason.code);
    expect(codes('司法書士の先生に相談中です')).toContain('legal');
    expect(codes('Would your report hold up in a tribunal?')).toContain('legal');
    expect(codes('もう生きていく気力がありません')).toContain('safety');
    expect(codes('Honestly some nights I think everyone would be better off without me')).toContain('safety');
    expect(codes('知り合いの記者にこの件を話すつもりです')).toContain('threat');
    expect(codes("I'll be sharing this experience on Trustpilot")).toContain('threat');
    expect(codes('文字だと伝えにくいので、一度お話しできませんか')).toContain('human_request');
    expect(codes('Could a member of your staff give me a ring?')).toContain('human_request');
    expect(codes('約束の日に来ないってどういう神経してるんですか')).toContain('anger');
    expect(codes('Thanks for nothing, honestly')).toContain('anger');
    expect(codes('担当者によって言うことが違うのは困ります')).toContain('complaint');
    expect(codes('Every time I call I get a different answer')).toContain('complaint');
    expect(codes('The amount on my statement is different from the quote I was given')).toContain(
      'billing_dispute',
    );
    expect(codes('お金はいいので、とにかく契約を終わらせてください')).toContain('cancellation_request');
    expect(codes('Please withdraw my application entirely')).toContain('cancellation_request');
  });

  it('keeps the new vocabulary away from neutral look-alikes', () => {
    const rulesOnly = { learnedModel: false };
    for (const message of [
      'I entered the wrong address when booking, can I fix it?',
      'Please email me rather than call',
      'レポートの数値の意味がよく分からないので、読み方を教えてください',
      '上の階の方にはお手紙で伝えてみようと思います',
      'I saw your advert on Facebook',
    ])
      expect(classifyEscalation({ message }, rulesOnly).escalate, message).toBe(false);
  });
});

describe('classifyEscalation: hard negatives and mild escalations (round 2 of issue 5)', () => {
  const escalates = (message: string) => classifyEscalation({ message }, { learnedModel: false }).escalate;

  it('does not escalate an emotion or complaint the customer reports as resolved, with thanks', () => {
    expect(escalates('最初は正直腹が立っていましたが、丁寧に説明してもらえて解決しました。ありがとう')).toBe(
      false,
    );
    expect(escalates('I complained about the late report back then, but it turned out fine. Thanks!')).toBe(
      false,
    );
    expect(escalates('先日、請求が二重だとお問い合わせしましたが、こちらの勘違いでした')).toBe(false);
    // ...but the same emotion still present escalates.
    expect(escalates('最初から腹が立っています。ありがとうとは言えません')).toBe(true);
  });

  it('reads a denied feeling and a declined person as negations', () => {
    expect(escalates('不安な気持ちは特にありません。日程だけ決めたいです')).toBe(false);
    expect(escalates('担当の方に代わってもらわなくていいです')).toBe(false);
    expect(escalates('No need to talk to a manager, the answer was enough')).toBe(false);
    expect(escalates('I want to talk to a manager')).toBe(true);
  });

  it("treats a property manager's 苦情 and クレーム as business, not a complaint about us", () => {
    expect(escalates('入居者の方から苦情が入っている部屋があり、測定をお願いしたいです')).toBe(false);
    expect(escalates('クレーム処理の一環として数値の記録が必要です')).toBe(false);
    expect(escalates('御社の対応について苦情を申し上げます')).toBe(true);
    expect(escalates('先ほどは失礼しました。測定日は水曜でお願いします')).toBe(false);
  });

  it('escalates a complaint that plays itself down', () => {
    expect(escalates('クレームというわけではないのですが、測定員さんが靴のまま上がってきました')).toBe(true);
    expect(escalates('I hate to complain, but the invoice has the wrong name on it')).toBe(true);
    expect(escalates('I am a bit disappointed, the report was late and I expected better')).toBe(true);
  });

  it('escalates a refund asked about for one visit that went wrong, not the refund policy', () => {
    expect(escalates('先週の測定分を返金してもらう方法を教えてください。機械が動かなかったので')).toBe(true);
    expect(escalates("How can I get a refund for yesterday's measurement? The device failed")).toBe(true);
    expect(escalates('返金してもらう方法を教えてください')).toBe(false);
    expect(escalates('How long does a refund take to arrive if I paid yesterday?')).toBe(false);
  });

  it('escalates amounts that do not match and charges never ordered', () => {
    expect(escalates('請求額が契約書の金額と一致していません')).toBe(true);
    expect(escalates('申し込んでいないオプションの料金が引き落とされています')).toBe(true);
    expect(escalates("There's a duplicate charge for my booking")).toBe(true);
    expect(escalates('i want to cancle the contract')).toBe(true);
    expect(escalates('解約済みなのに来月分の料金が請求されています')).toBe(true);
    expect(escalates('We are owed a refund for the missed visit')).toBe(true);
  });

  it('reads the 29th-batch phenomena with new wording', () => {
    expect(escalates('腹が立ってるとかじゃなくて、単に日程を知りたいだけです')).toBe(false);
    expect(escalates('The extra charge got refunded yesterday, all good')).toBe(false);
    expect(escalates('込みだと説明されたのに、出張費が請求に入っていました')).toBe(true);
    expect(escalates('来週の依頼はなかったことにしてください')).toBe(true);
    expect(escalates('The police asked for the measurement data for their file')).toBe(true);
    expect(escalates('測定結果がうちの騒音計と一致しません')).toBe(true);
  });

  it('lets a policy question stand: the learned model does not overrule it', () => {
    const classify = createEscalationClassifier();
    for (const message of [
      '全額返金について知りたいです',
      'What is the cancellation policy for the yearly plan?',
    ]) {
      const decision = classify({ message });
      expect(decision.escalate).toBe(false);
      expect(decision.reasons.map((reason) => reason.code)).not.toContain('learned_pattern');
    }
  });
});

describe('classifyEscalation: round 8 (feelings that are over, chasing, paraphrased repeats)', () => {
  const user = (content: string) => ({ role: 'user' as const, content });
  const assistant = (content: string) => ({ role: 'assistant' as const, content });
  const decide = (message: string, extra: Omit<Parameters<typeof classifyEscalation>[0], 'message'> = {}) =>
    classifyEscalation({ message, ...extra });

  it('does not escalate a feeling placed in the past and contrasted with a good present', () => {
    for (const message of [
      '去年は担当の対応に不満もありましたが、今は満足しています',
      'あの頃は毎晩怖かった。今は静かに眠れています',
      'I was really anxious about the visit back in May, but the worry is gone now',
      'I was annoyed at first, but the last three visits were excellent',
    ]) {
      expect(decide(message).escalate).toBe(false);
    }
    // …and the learned model does not overrule what the rules read as over.
    const corrected = decide('前回の請求の間違い、修正されてました。お手数おかけしました');
    expect(corrected.escalate).toBe(false);
    expect(corrected.reasons.map((reason) => reason.code)).not.toContain('learned_pattern');
    // A feeling that is still there escalates.
    expect(decide('I was angry about the late report, and I am still angry').escalate).toBe(true);
  });

  it('escalates chasing, renewal doubts and a look at competitors for an account at risk only', () => {
    const cases: [string, Parameters<typeof classifyEscalation>[0]['account']][] = [
      ['Following up on my question from Monday', { healthBand: 'red' }],
      ['契約を続けるかどうか、来月の会議で検討します', { daysUntilRenewal: 20 }],
      ['We are reviewing all our vendors before renewal', { healthBand: 'red' }],
      ['再送です。見積もりの件、ご確認ください', { highValue: true }],
      ['他社の見積もりも取ってみています', { daysUntilRenewal: 45 }],
    ];
    for (const [message, account] of cases) {
      const decision = decide(message, { account });
      expect(decision.escalate).toBe(true);
      expect(decision.reasons.map((reason) => reason.code)).toEqual(['dissatisfaction', 'account_risk']);
      expect(decide(message).escalate).toBe(false);
    }
  });

  it('knows a question asked again in other words, and says so outright', () => {
    const booking = [user('点検の予約はいつ取れますか'), assistant('担当者が確認いたします')];
    expect(decide('いや、だから点検はいつになるんですか', { history: booking }).reasons[0]?.code).toBe(
      'repeated_question',
    );
    const plan = [
      user('Does the 9,800 plan include the final report?'),
      assistant('Our plans are flexible!'),
    ];
    expect(decide('Again, is the report included in the 9,800 plan?', { history: plan }).escalate).toBe(true);
    // The same openers with a new topic are no repeat.
    expect(decide('で、駐車場はありますか', { history: booking }).escalate).toBe(false);
    expect(codesOf('前も聞いたんですが、駐車場は必要ですか')).toEqual(['repeated_question']);
    // With に before も, or 以前 / 前回 (round 15; labelled escalations of two writers).
    expect(codesOf('前にも聞いたんですけど、駐車場って必要でしたっけ')).toEqual(['repeated_question']);
    expect(codesOf('以前にも質問しましたが、報告書の書式は選べますか')).toEqual(['repeated_question']);
    expect(codesOf('前回も伺ったのですが、土曜の訪問は可能ですか')).toEqual(['repeated_question']);
    // "前に" that is no earlier asking stays a plain question.
    expect(decide('前に住んでいた部屋でも測定できますか').escalate).toBe(false);
    expect(codesOf('For the third time: when is my visit?')).toEqual(['repeated_question']);
    // "Sorry to bother you again" with no earlier question is a politeness, not a repeat.
    expect(decide('何度もすみません、もう一つ質問です').escalate).toBe(false);
  });

  it('knows wishes not to wake up, harassment at the door, the press on air and "Yelp it is"', () => {
    expect(codesOf('Some nights I think it would be better not to wake up')).toContain('safety');
    expect(codesOf('朝、目が覚めなければいいのにと思ってしまいます')).toContain('safety');
    expect(codesOf('someone was pounding on our front door at 2am')).toContain('safety');
    expect(codesOf('I bet the local radio station would be interested in this')).toContain('threat');
    expect(codesOf('OK. Yelp it is.')).toContain('threat');
    // The noise itself is no threat to the customer.
    expect(codesOf('the upstairs neighbour keeps banging on the floor at night')).not.toContain('safety');
  });

  it('reads requests in hiragana, direct contact with a named role, and billing after a cancellation', () => {
    expect(codesOf('へんきんをおねがいします')).toContain('refund_request');
    expect(codesOf('営業の担当さんと直接やりとりしたいのですが、可能ですか')).toContain('human_request');
    expect(codesOf('電話で相談もできるって聞いたんですが、本当ですか')).not.toContain('human_request');
    expect(codesOf('Can an actual employee review this? I would rather not deal with the bot.')).toContain(
      'human_request',
    );
    expect(codesOf('退会したはずなのに、今月も引き落としがありました')).toContain('billing_dispute');
    expect(codesOf('It took you three weeks to reply to a simple question')).toContain('complaint');
  });

  it('reads round-13 families: pauses, cleared billing worries, counts of visits, dialect requests', () => {
    expect(codesOf('じゃあ解約はやめて続けます。ライトに変えるだけで十分そう')).not.toContain(
      'cancellation_request',
    );
    expect(codesOf('サブスク、一時停止ってできます？夏の間だけ実家に帰るので')).not.toContain(
      'cancellation_request',
    );
    expect(codesOf('更新しない場合、何か手続きは必要ですか')).not.toContain('cancellation_request');
    expect(codesOf('社内報告用に、今年の利用実績をまとめたデータってもらえますか')).toEqual([]);
    expect(codesOf('今月の請求、物件12件分で合ってます')).not.toContain('billing_dispute');
    expect(codesOf('二重払いじゃないかって思ったけど、よく見たら別の月の分でした')).not.toContain(
      'billing_dispute',
    );
    expect(codesOf('今月2回引き落とされてます')).toContain('billing_dispute');
    expect(codesOf('3回目の測定でやっと原因がわかりました')).not.toContain('repeated_question');
    expect(codesOf('3回目の質問です。いつ来てもらえますか')).toContain('repeated_question');
    expect(codesOf('金返してけろ。なんも役さ立たねがった')).toContain('refund_request');
    expect(codesOf('been hearing a hum since we moved in, can the app tell')).not.toContain('legal');
  });
});

describe('classifyEscalation: review of round 13 (billing cleared, imperatives, alternatives)', () => {
  const rulesOnly = { learnedModel: false } as const;
  const codesByRules = (message: string, account?: Parameters<typeof classifyEscalation>[0]['account']) =>
    classifyEscalation(account === undefined ? { message } : { message, account }, rulesOnly).reasons.map(
      (reason) => reason.code,
    );

  it('3.5: «よく見たら» clears a billing worry only with a clearing ending after the worry', () => {
    expect(codesByRules('よく見たら請求が2回来ていました')).toContain('billing_dispute');
    expect(codesByRules('よく見たら二重に引き落とされていました')).toContain('billing_dispute');
    // The intended cases stay cleared.
    expect(codesByRules('二重払いじゃないかって思ったけど、よく見たら別の月の分でした')).not.toContain(
      'billing_dispute',
    );
    expect(codesByRules('先日、請求が二重だとお問い合わせしましたが、こちらの勘違いでした')).not.toContain(
      'billing_dispute',
    );
    expect(codesByRules('請求が2回来ていると思ったのですが、私の勘違いでした')).not.toContain(
      'billing_dispute',
    );
  });

  it('3.6: an English imperative is a bare verb, not a past "cancelled"', () => {
    expect(codesByRules('just cancelled the other app, yours is great')).not.toContain(
      'cancellation_request',
    );
    expect(codesByRules('yes cancelled it myself already, all good')).not.toContain('cancellation_request');
    expect(codesByRules('just cancel')).toEqual(['cancellation_request']);
    expect(codesByRules('ok so refund it then')).toEqual(['refund_request']);
    expect(codesByRules('Just stop the renewal.')).toContain('cancellation_request');
    // A charge after a cancellation is a billing dispute however the cancellation is told.
    expect(codesByRules('cancelled in feb, charged in march AND april. explain')).toContain(
      'billing_dispute',
    );
  });

  it('3.7: for a red account, an alternative date and "ngl" are no concern; alternatives to the service are', () => {
    const red = { healthBand: 'red' } as const;
    expect(
      classifyEscalation({ message: 'Could you suggest an alternative date for the visit?', account: red })
        .escalate,
    ).toBe(false);
    expect(classifyEscalation({ message: 'ngl this app is great, thanks!', account: red }).escalate).toBe(
      false,
    );
    expect(codesByRules("will do. we're evaluating alternatives in parallel fyi", red)).toEqual([
      'dissatisfaction',
      'account_risk',
    ]);
    expect(codesByRules('Are there alternatives to your service? Asking for our review', red)).toContain(
      'account_risk',
    );
  });

  it('keeps a legal team that wants paperwork out of legal in a long message too', () => {
    const message = 'legal team copy '.repeat(1250);
    expect(classifyEscalation({ message }, rulesOnly).reasons.map((reason) => reason.code)).not.toContain(
      'legal',
    );
    expect(codesByRules('our legal team needs a signed copy of the contract')).not.toContain('legal');
    expect(codesByRules('our legal team needs a copy, this is a dispute about damage')).toContain('legal');
  });
});

describe('classifyEscalation: round 15, hard evidence that is no escalation', () => {
  const rulesOnly = { learnedModel: false } as const;
  const codesByRules = (message: string) =>
    classifyEscalation({ message }, rulesOnly).reasons.map((reason) => reason.code);
  const hardCodes = ['refund_request', 'cancellation_request', 'billing_dispute'];
  const hardOf = (message: string) => codesByRules(message).filter((code) => hardCodes.includes(code));

  it('1: a refund, a charge or a cancellation the customer reports done or taken back', () => {
    expect(hardOf('前回の返金、今朝口座に入ってました。お手数おかけしました')).toEqual([]);
    expect(hardOf('二重請求の件、返金されてるのを確認しました')).toEqual([]);
    expect(hardOf('先日の二重請求の件、取り消しを確認しました。問題ありません。')).toEqual([]);
    expect(hardOf('以前返金していただいた件、無事に確認できました。ありがとうございます')).toEqual([]);
    expect(hardOf('Refund received in full, appreciate it.')).toEqual([]);
    expect(hardOf('We had an issue with a duplicate invoice, but your team already voided it.')).toEqual([]);
    expect(hardOf('解約も考えてましたが、話を聞いてもらって継続することにしました')).toEqual([]);
    expect(hardOf('先週は解約しようかと思ってたけど、やめました。来月もよろしく')).toEqual([]);
    expect(hardOf('前回ご迷惑おかけしました、解約の話は取り下げます。このまま続けます')).toEqual([]);
    // Close variants stay requests: not yet in, still open, a problem found, a request beside a
    // matter closed in another sentence, thinking of cancelling with no decision against it.
    expect(hardOf('前回の返金、まだ口座に入ってません。返金してください')).toContain('refund_request');
    expect(hardOf('二重請求の件、返金されたはずなのにまた引き落とされました')).toContain('billing_dispute');
    expect(hardOf('請求が二重になっているのを確認しました')).toContain('billing_dispute');
    expect(hardOf('Refund not received yet, I want it now')).toContain('refund_request');
    expect(hardOf('ｻﾌﾞｽｸ解除してください。騒音の件は解決しました')).toContain('cancellation_request');
    expect(
      hardOf('弊社は今月をもちまして全物件の契約を終了させていただきます。長らくありがとうございました。'),
    ).toContain('cancellation_request');
    expect(hardOf('解約を考えてましたが、やっぱり解約します')).toContain('cancellation_request');
    expect(hardOf('知らない請求が入ってた。なにこれ')).toContain('billing_dispute');
  });

  it('review r15 H1: the charge itself arriving, a refund only hoped for, or "received no" is no resolution', () => {
    for (const message of [
      '二重請求されています。返金されたら連絡ください',
      '二重請求になってます。返金されたかどうか教えてください',
      '二重請求されてます、取り消しされたら安心なんですが',
      '二重に引き落とされていて、カードに反映されてました',
      'Unauthorized charge arrived on my card this morning!',
      'I was billed twice; arrived at my bank this morning.',
      'I was overcharged and received no explanation.',
    ])
      expect(hardOf(message), message).toContain('billing_dispute');
    // The refund or reversal arriving stays a resolution.
    expect(hardOf('二重請求されていましたが、返金されたのを確認しました')).not.toContain('billing_dispute');
    expect(hardOf('二重に引き落とされていましたが、返金分がカードに反映されてました')).not.toContain(
      'billing_dispute',
    );
  });
});

describe('classifyEscalation: round 15, a booking cancelled to be made again', () => {
  const rulesOnly = { learnedModel: false } as const;
  const codesByRules = (message: string) =>
    classifyEscalation({ message }, rulesOnly).reasons.map((reason) => reason.code);

  it('2: reads a booking cancelled to rebook, or one of two booked by mistake, as a booking change', () => {
    expect(
      codesByRules('金曜の予約、いったんキャンセルして来月に取り直したいです。以上です。'),
    ).not.toContain('cancellation_request');
    expect(
      codesByRules('来週木曜の訪問予約をキャンセルしたいです。落ち着いたらまた予約し直します。'),
    ).not.toContain('cancellation_request');
    expect(
      codesByRules('ごめんなさい、間違えて同じ日に2回予約しちゃいました。片方キャンセルお願いします🙏'),
    ).not.toContain('cancellation_request');
    expect(
      codesByRules('I booked two visits by mistake. Could you cancel the one on the 18th and keep the 22nd?'),
    ).not.toContain('cancellation_request');
    expect(
      codesByRules("fyi i'm out of town, pls dont call me. can we move the visit to the 20th"),
    ).not.toContain('cancellation_request');
    // A plain booking cancellation is still one (the in-repo set's convention), and so is the
    // subscription beside a booking kept.
    expect(codesByRules('来週の予約をキャンセルしてください')).toContain('cancellation_request');
    expect(codesByRules('予約をキャンセルしたいです。もう頼みません')).toContain('cancellation_request');
    expect(codesByRules('Please cancel my subscription and keep the 22nd visit')).toContain(
      'cancellation_request',
    );
    expect(codesByRules('解約したいです。予約は取り直しません')).toContain('cancellation_request');
    expect(codesByRules("I'm out. Cancel everything")).toContain('cancellation_request');
  });

  it('review r15 H8: refusing to book again, or cancelling everything, is a cancellation', () => {
    for (const message of [
      '予約を取り直すのも面倒なので、キャンセルしてください。',
      'もう予約を取り直す気もないので全部キャンセルで',
      '二重予約されていたので全部キャンセルしてください',
      'You double-booked me and nobody came. Cancel everything.',
    ])
      expect(codesByRules(message), message).toContain('cancellation_request');
    // Wanting to book again, or one of two booked by mistake, stays a booking change.
    for (const message of [
      '予約を取り直したいので、いったんキャンセルしてください。',
      '二重予約されていたので片方キャンセルしてください',
    ])
      expect(codesByRules(message), message).not.toContain('cancellation_request');
  });
});

describe('classifyEscalation: round 15, a long conversation that moves on', () => {
  const rulesOnly = { learnedModel: false } as const;
  // Six entries since the last resolution: the count alone meets the threshold.
  const history = [
    { role: 'user' as const, content: 'データの取り込みがうまくいきません' },
    { role: 'assistant' as const, content: 'CSVの形式を確認してください' },
    { role: 'user' as const, content: '形式は合っていると思います' },
    { role: 'assistant' as const, content: '空の行がないか確認してください' },
    { role: 'user' as const, content: 'どこを見ればいいですか' },
    { role: 'assistant' as const, content: 'ファイルの最後の行を確認してください' },
  ];
  const codesAfter = (message: string) =>
    classifyEscalation({ message, history }, rulesOnly).reasons.map((reason) => reason.code);

  it('4: a step done, a proposal accepted or a new question closes the old topic; being stuck does not', () => {
    for (const message of [
      'Ok, the CSV imported fine once I removed the empty rows. All 46 properties are in now.',
      '入力しました。センサーの発送はいつ頃になりますか？',
      "Sounds good. I'll leave the device there tonight and send you the results tomorrow.",
      '了解、やってみますー',
      'それでお願いします。日程は来週末で',
      '最後にもう一つだけ。領収書って会社名で出してもらえますか？',
      'Different question — can I add my partner as a second contact on the account?',
    ])
      expect(codesAfter(message), message).not.toContain('unresolved_turns');
    for (const message of [
      'Ok, the CSV imported but the rows are still missing',
      '入力しましたが、まだ反映されません',
      'Sounds good, but that is the same answer as before',
      'わかりました。では別のやり方を試してみます。',
      'I tried five suggestions, none worked, and the recording from last night is gone.',
      'リセットボタンも押しましたが、やはり電源が入りません。',
    ])
      expect(codesAfter(message), message).toContain('unresolved_turns');
  });

  it('review r15 H2: a step done with the problem still there, or a customer leaving, stays stuck', () => {
    for (const message of [
      '再インストールしました。でも画面が真っ白です',
      '再起動しました。でも何も変わりません',
      '設定しました。それでも表示されません',
      '送信しました。反応がありません',
      '再インストールしました。相変わらず同期されません',
      'ログインしました。データが全部消えています',
      '登録しました。でも何も起きません',
      '再起動しました。ぜんぜん改善しません',
      '別件ですが、これもう一週間ずっと直ってないんですよね',
      '最後にもう一つだけ。いつ直るんですか',
      'Installed it. Errors everywhere now.',
      'じゃあ他社にします',
      'もういいです、他の業者にします',
      '他の業者に聞いてみます',
      '他社のサービスも見てみます',
      "ok I'll take that as a no then",
      'one more question: how do I export all my data before I leave?',
      'I uploaded it, the page just spins forever.',
      "I'll take it from here and find someone who can actually fix it.",
      'Sounds good, I guess. Whatever.',
    ])
      expect(codesAfter(message), message).toContain('unresolved_turns');
    // Close variants that move on: the step done and working, a plan chosen, a new question.
    for (const message of [
      '再インストールしました。画面も表示されています',
      'じゃあスタンダードにします',
      'すみません、設定しました。次は何をすればいいですか？',
      "I'll take the standard plan.",
      'one more question: how do I export the report as PDF?',
    ])
      expect(codesAfter(message), message).not.toContain('unresolved_turns');
  });
});

describe('classifyEscalation: round 15, questions about the policy', () => {
  const rulesOnly = { learnedModel: false } as const;
  const codesByRules = (message: string) =>
    classifyEscalation({ message }, rulesOnly).reasons.map((reason) => reason.code);
  const requests = ['refund_request', 'cancellation_request'];
  const requestsOf = (message: string) => codesByRules(message).filter((code) => requests.includes(code));

  it('3: reads questions about how, when and whether as questions, in hiragana and English too', () => {
    for (const message of [
      'かいやくのほうほうをおしえてください。いますぐじゃないです',
      'えっと、へんきんのきまりを おしえてください',
      '返金ってしてもらえるケースあるんですか？一般論として',
      '返金申請の期限ってありますか',
      'かいやくって電話じゃないとダメですか？',
      '使わなくなったら、解約もすぐできますよね？いちおう確認です。',
      "what's the notice period to end the contract?",
      'how long do you keep my data after I stop using the service?',
      "What's the difference between cancelling and not renewing?",
      'もし今後、返金をお願いすることになったら、どういう流れになりますか？今は特に問題ないです',
      'If I did decide to cancel my subscription at some point, would I keep access to old reports?',
      "What happens with the payment if there's a family emergency and I need to cancel last minute?",
    ])
      expect(requestsOf(message), message).toEqual([]);
    for (const message of [
      'かいやくしたいです。ほうほうをおしえてください',
      '返金申請したいです',
      "what's the notice period? I want to end the contract now.",
      'Do I really have to chat with a robot to get my ¥5,500 back?',
      "If you can't fix it, I want to cancel my subscription.",
      "I want to cancel if you can't fix it by Friday?",
      '直らないなら返金してください',
    ])
      expect(requestsOf(message), message).not.toEqual([]);
  });

  it('review r15 H3: "you" before the word, or a reason of the customer, keeps the question a request', () => {
    for (const message of [
      'Are you going to refund me or not?',
      'Is there any way you could refund me?',
      'Is there any chance you could refund the ¥5,500?',
      'Are you able to refund the last payment?',
      "Is there a way to get a refund for the last three months, since I haven't used the service at all?",
    ])
      expect(requestsOf(message), message).not.toEqual([]);
    // The close variants stay questions about the policy.
    for (const message of [
      'Is there a way to get a refund for the last three months?',
      'Is there any chance of a refund?',
    ])
      expect(requestsOf(message), message).toEqual([]);
  });

  it('review r15 H4: "if" meaning "whether" asks what the company will do, so the request stands', () => {
    for (const message of [
      'Please let me know if you can refund me today?',
      'I want to know if you will refund me or not?',
      'Could you check if you can cancel my contract by the end of this month?',
      "Can you tell me if you're going to cancel my subscription like I asked?",
    ])
      expect(requestsOf(message), message).not.toEqual([]);
    // A condition of the customer's own stays a question.
    expect(requestsOf('If I cancel my subscription, will I keep my reports?')).toEqual([]);
  });
});

describe('availability of a person: review r16', () => {
  const rulesAlone = (message: string) =>
    classifyEscalation({ message }, { learnedModel: false }).reasons.map((reason) => reason.code);
  it('keeps a request for the time or the place to talk, and drops a question whether one exists', () => {
    for (const message of [
      '責任者と直接話できる時間を作ってもらえますか？',
      '上司の方と話できるところまで、つないでもらえますか？',
    ])
      expect(rulesAlone(message), message).toContain('human_request');
    expect(rulesAlone('電話で相談できる窓口ってありますか？')).not.toContain('human_request');
  });
});
