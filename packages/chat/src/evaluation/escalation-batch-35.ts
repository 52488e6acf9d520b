import type { ChatTurn } from '../escalation/escalation-input';
import { type EscalationCase, escalate, keep } from './escalation-case';

// Thirty-fifth batch ("dev3"), written by a writer who never saw the classifier: 300 messages,
// Japanese and English, 164 to escalate, in 26 categories (policy and how-to questions, booking
// changes, thanks, neutral noise descriptions, feelings that are over, resolved past trouble,
// negated emotion, borderline messages without context; and every reason code, whole
// conversations, account context, sarcasm, buried cues). First measured (once, before any change
// made from it): precision 0.921, recall 0.848 (12 false alarms, 25 missed: 7 false alarms on
// feelings that were over, 3 on resolved past trouble; 8 misses on account-context borderline
// messages, 6 on paraphrased repeated questions, 3 on sarcasm); rules alone precision 0.929,
// recall 0.793. Then used for round 8 (rules for constructions, not these sentences).

const u = (content: string): ChatTurn => ({ role: 'user', content });
const a = (content: string): ChatTurn => ({ role: 'assistant', content });

/** The thirty-fifth held-out batch (see the file comment). */
export const escalationBatch35: readonly EscalationCase[] = [
  keep('ja', '騒音計の電源の入れ方がわかりません'), // how_to
  escalate('ja', 'unresolved_turns anger', 'もういいです。時間の無駄でした', {
    history: [
      u('騒音の測定ってどうやってやるんですか'),
      a('専用の騒音計をお部屋に設置して計測します。'),
      u('自分でやるんですか'),
      a('スタッフがお伺いして設置いたします。'),
      u('料金は'),
      a('プランによって異なります。どのような騒音でお困りですか？'),
    ],
  }), // unresolved_turns
  keep('ja', 'アプリで測定結果のグラフを見る方法を教えてください'), // how_to
  escalate('ja', 'repeated_question', 'もう一回聞きます。法人で複数物件まとめて契約できますか', {
    history: [
      u('法人で複数の物件まとめて契約できる？'),
      a('ありがとうございます！どのような騒音でお困りですか？'),
    ],
  }), // repeated_question
  escalate('ja', 'refund_request', 'へんきんおねがいします'), // refund_request
  escalate('en', 'anger complaint', 'fine, book it then', {
    history: [
      u('Your technician broke my shelf during setup'),
      a("I'm very sorry to hear that."),
      u("Sorry isn't enough, I'm furious. That was my grandmother's shelf"),
      a('I understand. Would you like to rebook the measurement?'),
    ],
  }), // trajectory
  escalate('en', 'account_risk', 'Pinging again about the API quota increase.', {
    account: { healthBand: 'yellow', daysUntilRenewal: 10, highValue: true },
  }), // account_borderline
  escalate(
    'en',
    'safety',
    'The guy downstairs punched my door last night and left a dent. What should I do?',
  ), // safety
  keep('ja', '測定日を一週間後ろにずらしてもらえますか？出張が入ってしまって'), // booking_change
  escalate('ja', 'threat', '国民生活センターに連絡するつもりです。対応の記録を残しておいてください'), // threat
  escalate('ja', 'unresolved_turns', 'まだですか', {
    history: [
      u('予約の確認メールが届きません'),
      a('ご不便をおかけしております。ご登録のメールアドレスをご確認いただけますか？'),
      u('合ってます'),
      a('迷惑メールフォルダもご確認いただけますか？'),
      u('見ましたがないです'),
      a('確認いたしますので少々お待ちください。'),
    ],
  }), // unresolved_turns
  keep('ja', 'うえのかいのこどもがはしりまわるおと、ゆうがたがおおいです'), // neutral_noise
  keep('ja', 'おかげさまで管理会社にも話が通じました。ありがとうございました'), // thanks
  escalate('ja', 'cancellation_request', '今月末で契約終了にしてください'), // cancellation_request
  keep('en', 'Can I change from the 2-hour slot to an overnight measurement on the same day?'), // booking_change
  escalate(
    'en',
    'anxiety',
    "Not sure this is the right place but I'm really scared. The neighbour has started staring at me in the hallway since I complained to the landlord.",
  ), // anxiety
  keep('ja', '測定を夜間に変更したいんですけど、空いてる日ありますか'), // booking_change
  keep('en', 'need to reschedule, something came up at work. any slots next week?'), // booking_change
  escalate(
    'ja',
    'billing_dispute',
    '見積もりでは9,800円と言われたのに、実際の請求は15,000円でした。差額の説明をお願いします',
  ), // billing_dispute
  escalate('en', 'repeated_question', 'Again: how long until I get the report?', {
    history: [
      u('How long does it take to get the report after measurement?'),
      a('Thanks for your question! Our reports are carefully prepared by specialists.'),
    ],
  }), // repeated_question
  escalate('en', 'account_risk', 'a bit disappointed with the turnaround this month tbh', {
    account: { healthBand: 'red', daysUntilRenewal: 80, highValue: false },
  }), // account_borderline
  keep('ja', 'APIキーの発行手順を教えてください'), // how_to
  keep('ja', 'べつにおこってないですよー。予約の確認だけしたくて'), // negated_emotion
  escalate('ja', 'anger', 'いい加減にしてください。何回同じ説明させるんですか、本当に腹立つ'), // anger
  keep('ja', '立ち会いが夫に変わります。名前の変更ってできますか'), // booking_change
  escalate('ja', 'account_risk', 'ちょっとモヤモヤしてます。レポートの納期、前より遅くなってません？', {
    account: { healthBand: 'red', daysUntilRenewal: 365, highValue: false },
  }), // account_borderline
  keep('ja', '上の階の足音が夜になると気になります。だいたい50dBくらいだと思います'), // neutral_noise
  keep('ja', '隣の方がよく夜にテレビを大きめの音で見ているみたいです。週3くらい'), // neutral_noise
  keep('en', "There's a low hum from the building's pump room, mostly in the early morning."), // neutral_noise
  escalate('en', 'unresolved_turns', "I've tried all of that. Still not working.", {
    history: [
      u("The app won't let me upload my own recordings"),
      a('Sorry to hear that. What file format are you using?'),
      u('m4a from my iPhone'),
      a('Please try converting to WAV.'),
      u('Did that, same error'),
      a('Could you try clearing the app cache and restarting?'),
    ],
  }), // unresolved_turns
  keep('en', 'Construction next door starts at 8am sharp. Measured 72 dB at the window.'), // neutral_noise
  keep(
    'en',
    'Was super stressed last week, but the neighbour apologised and things are calm now. Do I still need the booking? Probably not, how do I cancel the booking?',
  ), // feelings_over
  escalate('ja', 'human_request anger', '責任者を出してください'), // human_request
  escalate('en', 'account_risk', 'Hmm, not sure the reports are worth it for us anymore.', {
    account: { healthBand: 'yellow', daysUntilRenewal: 60, highValue: true },
  }), // account_borderline
  escalate('ja', 'legal', '慰謝料っていくらくらい取れるものですか'), // legal
  escalate('en', 'unresolved_turns', 'and the invoice?', {
    history: [
      u('We need a revised invoice with our new company address'),
      a('Of course. Could you tell me the account ID?'),
      u('KZ-4471'),
      a('Thanks. What is the new address?'),
      u('2-3-1 Shibaura, Minato-ku'),
      a('Noted. Is this for the March invoice?'),
    ],
  }), // unresolved_turns
  escalate('ja', 'legal anxiety', '上の階の住人から、逆に損害賠償を請求すると言われました。どうすれば'), // legal
  keep('ja', 'スタンダードプランとプレミアムプランの違いを教えてください'), // policy_question
  escalate('ja', 'threat', 'ｸﾞｰｸﾞﾙﾏｯﾌﾟに星1つけてきます'), // threat
  escalate('en', 'refund_request complaint', "I'm requesting a full refund. The technician never showed."), // refund_request
  escalate(
    'en',
    'legal',
    'Can I claim compensation for damages from the tenant above? The noise has cost me my job interviews.',
  ), // legal
  keep('ja', '物件Aの測定を物件Bに振り替えたいです', {
    account: { healthBand: 'yellow', daysUntilRenewal: 100, highValue: true },
  }), // booking_change
  escalate('en', 'human_request', 'I want to talk to your manager.'), // human_request
  keep('en', "What's the best place in the room to put the meter?"), // how_to
  escalate('ja', 'unresolved_turns', 'レポートのダウンロードボタンが押せないって話、どうなりました？', {
    history: [
      u('レポートがダウンロードできません'),
      a('お使いのブラウザを教えていただけますか？'),
      u('Chromeです'),
      a('キャッシュをクリアしてお試しください。'),
      u('やりましたがダメです'),
      a('別のブラウザでもお試しいただけますか？'),
    ],
  }), // unresolved_turns
  escalate('ja', 'complaint', 'ｸﾚｰﾑです。ﾚﾎﾟｰﾄのｸﾞﾗﾌが読めません'), // complaint
  escalate('ja', 'threat', '知り合いにネットメディアの記者がいるので、この件話してみますね'), // threat
  escalate('ja', 'repeated_question', 'だから、測定はいつ来てもらえるんですか？', {
    history: [u('測定の日程っていつになりますか？'), a('ご予約内容を確認いたします。お名前をお願いします。')],
  }), // repeated_question
  escalate('ja', 'legal', 'べんごしさんに相談したほうがいいですかね'), // legal
  escalate(
    'en',
    'refund_request',
    'Please refund the 8,000 yen for the mediation service. Nobody ever contacted my neighbour.',
  ), // refund_request
  keep('en', 'Where can I change my email address?'), // how_to
  escalate('en', 'legal', 'My lawyer asked whether you can provide the raw dB data with timestamps.'), // legal
  escalate('en', 'human_request complaint', 'get me a human. this bot is useless'), // human_request
  escalate('ja', 'safety anxiety', 'もう消えてしまいたいです。音のせいで何もかも嫌になった'), // safety
  keep(
    'en',
    'The upstairs neighbour moved out last week, so the noise is gone. Thanks for the help back then.',
  ), // resolved_past
  keep('ja', '上の階でドアを閉める音がバタンと響きます。平日の朝7時前後です'), // neutral_noise
  keep('en', 'Got the revised report with the correct room number. Looks good now.'), // resolved_past
  escalate('en', 'account_risk', "The dashboard is kind of confusing and my team doesn't really use it.", {
    account: { healthBand: 'yellow', daysUntilRenewal: 70, highValue: false },
  }), // account_borderline
  keep('ja', 'ありがとうございます、それで予約できました！', {
    history: [
      u('予約ページがエラーになります'),
      a('お使いのブラウザを教えてください。'),
      u('Safariです'),
      a('Safariの最新版でお試しいただけますか？'),
      u('更新しました'),
      a('ありがとうございます。改めて予約ページを開いてみてください。'),
    ],
  }), // resolved_long
  escalate('ja', 'safety anxiety', 'じぶんをきずつけてしまいそうです'), // safety
  escalate('en', 'legal', 'Do you offer anything for people going to small claims court over noise?'), // legal
  keep('ja', '返金ポリシーってどこに載ってますか'), // policy_question
  escalate(
    'en',
    'repeated_question',
    'Same question as before: can my landlord get a copy directly from you?',
    {
      history: [
        u('Can you send the report straight to my landlord?'),
        a('You can download your report from the dashboard.'),
      ],
    },
  ), // repeated_question
  escalate('en', 'legal', 'Will your report hold up in court if my neighbour denies everything?'), // legal
  keep('ja', '請求書の宛名ってどこで変更できますか'), // how_to
  escalate('en', 'unresolved_turns', "Sorry, I don't follow. Can you just tell me what to do next?", {
    history: [
      u('How do I share the report with my landlord?'),
      a('You can share it from the report page.'),
      u('There is no share button on mine'),
      a('Please make sure you are on the latest app version.'),
      u('I updated it. Still nothing'),
      a('Could you send a screenshot of the report page?'),
    ],
  }), // unresolved_turns
  escalate(
    'en',
    'refund_request',
    "I'd like my money back for the premium add-on, the report was never reviewed.",
  ), // refund_request
  keep('ja', '先月はいろいろありましたが、担当の方のおかげで解決しました'), // resolved_past
  keep('ja', 'キャンセルはできますか？'), // policy_question
  escalate(
    'ja',
    'refund_request',
    'いろいろ丁寧にありがとうございました。ただ、引っ越しが決まってしまい測定自体が不要になりました。支払った分、返していただくことは可能でしょうか。お手数おかけします',
  ), // buried_cue
  escalate(
    'en',
    'legal',
    "I'm thinking about suing the landlord for not dealing with this. Is that realistic?",
  ), // legal
  escalate('en', 'safety anxiety', 'Honestly some days I think it would be easier not to wake up at all.'), // safety
  keep('ja', 'レポートのPDFってどこからダウンロードできますか'), // how_to
  keep('en', "Earlier I couldn't download the PDF but clearing the cache worked. Cheers."), // resolved_past
  escalate('en', 'threat', 'Maybe a local TV station would be interested in how you treat customers.'), // threat
  escalate('ja', 'human_request', 'たんとうのひとにかわってください'), // human_request
  keep('ja', '当時は正直不満もありましたが、今回の対応で見直しました'), // feelings_over
  keep('ja', '了解です、ありがとう'), // thanks
  escalate('ja', 'account_risk', 'コストに見合ってるのか、上から聞かれてて説明に困ってます', {
    account: { healthBand: 'yellow', daysUntilRenewal: 85, highValue: false },
  }), // account_borderline
  escalate('ja', 'refund_request threat', '返金してくれないならレビューに全部書きます'), // refund_request
  keep('en', "The upstairs neighbour's footsteps at night are around 50 dB on my phone app."), // neutral_noise
  keep('en', 'Could I move my measurement from the 14th to the 16th?'), // booking_change
  escalate('ja', 'cancellation_request', '解約したいです。手続きを進めてください'), // cancellation_request
  keep(
    'en',
    'The noise is a thumping bass, mostly Friday and Saturday night, from the unit diagonal to mine.',
  ), // neutral_noise
  escalate('ja', 'threat', 'このやり取りスクショしてＳＮＳに上げます'), // threat
  escalate('ja', 'human_request', 'ボットじゃなくて、スタッフの方に直接相談できますか？'), // human_request
  escalate(
    'en',
    'safety anxiety',
    'someone keeps banging on my door at 3am and shouting my name. its the neighbour i reported',
  ), // safety
  keep('en', 'thx!!'), // thanks
  keep(
    'en',
    'I remember being furious with the upstairs guy last year lol. anyway, can I reuse my old account for a new flat?',
  ), // feelings_over
  escalate('en', 'refund_request', 'pls reverse the charge, i booked by mistake'), // refund_request
  keep('ja', '怒ってないです、ほんとに。領収書をもう一部もらえますか'), // negated_emotion
  escalate('ja', 'human_request', '担当ＣＳＭさんと直接やりとりしたいのですが、可能ですか'), // human_request
  keep('ja', 'なるほど、理解できました。大丈夫です', {
    history: [
      u('レポートのLAeqって何ですか'),
      a('一定時間の平均的な騒音レベルを表す値です。'),
      u('Lmaxとの違いは？'),
      a('Lmaxは測定中の最大値です。'),
      u('どっちを見ればいい？'),
      a('足音など瞬間的な音ではLmaxも併せてご確認ください。'),
    ],
  }), // resolved_long
  keep('ja', '夜間に上の階から椅子を引く音がします。頻度は1時間に数回くらいです', {
    account: { healthBand: 'red', daysUntilRenewal: 40, highValue: false },
  }), // neutral_noise
  keep('ja', '再送です、先日の件ご確認いただけましたか', {
    account: { healthBand: 'green', daysUntilRenewal: 180, highValue: false },
  }), // borderline_no_context
  keep('ja', '先日の二重請求の件、訂正されてました。お手数おかけしました'), // resolved_past
  escalate('ja', 'anxiety', '上の階の足音で毎晩2時まで眠れなくて、もう限界です…どうしたらいいのか分からない'), // anxiety
  escalate('ja', 'account_risk', '先日の件、どうなってますかね（再送）', {
    account: { healthBand: 'yellow', daysUntilRenewal: 30, highValue: false },
  }), // account_borderline
  escalate('ja', 'legal', '調停とか裁判になった場合、測定した担当の方に証言してもらうことはできますか'), // legal
  keep('ja', 'ありがとうございました！助かりました'), // thanks
  escalate('ja', 'anger', 'はい', {
    history: [
      u('予約した測定員が来ないんですけど'),
      a('申し訳ございません。確認いたします。'),
      u('もう30分過ぎてる。いい加減にしてほしい'),
      a('大変申し訳ございません。ただいま確認中です。'),
    ],
  }), // trajectory
  escalate('ja', 'human_request', '電話で話せる人いませんか。文字だと説明しにくくて'), // human_request
  escalate('ja', 'threat', 'ツイッターで晒してもいいんですよ？'), // threat
  escalate('ja', 'safety anxiety', '上の住人が包丁持ってドアの前で怒鳴ってます。どうしよう'), // safety
  escalate('ja', 'billing_dispute', 'キャンセル料取られたけど、日程変更したのそっちですよね？納得いきません'), // billing_dispute
  escalate('en', 'account_risk', "We're reviewing all our vendors before renewal.", {
    account: { healthBand: 'green', daysUntilRenewal: 40, highValue: false },
  }), // account_borderline
  escalate(
    'en',
    'repeated_question',
    'I asked this already — does the premium plan include the mediation service or not?',
    {
      history: [
        u('Is mediation included in premium?'),
        a('The premium plan includes a reviewed report.'),
        u('ok and mediation?'),
        a('We offer several add-ons to fit your needs.'),
      ],
    },
  ), // repeated_question
  keep('ja', '文句を言いたいわけじゃなくて、プランの違いが知りたいだけです'), // negated_emotion
  escalate('ja', 'unresolved_turns', 'うーん', {
    history: [
      u('B2Bプランの見積もりが欲しいです'),
      a('管理物件数を教えていただけますか？'),
      u('120戸くらい'),
      a('月にどのくらい測定の予定がありますか？'),
      u('まだわからない'),
      a('目安として月何件程度を想定されていますか？'),
    ],
  }), // unresolved_turns
  keep('en', 'Not complaining at all – just curious whether the meter records at night too.'), // negated_emotion
  keep('ja', 'ありがとうございます。また何かあれば相談します'), // thanks
  escalate('ja', 'refund_request', '返金してください。測定が途中で中止になったので'), // refund_request
  escalate(
    'ja',
    'billing_dispute',
    '先月分、二重請求になっていませんか？明細を確認したら同じ金額が2件ありました',
  ), // billing_dispute
  keep('en', 'The refund arrived, thank you.'), // resolved_past
  escalate(
    'en',
    'safety legal',
    'Neighbour came at me with a baseball bat yesterday. Do I need a lawyer to get a restraining order?',
  ), // safety
  keep('ja', '測定前に準備しておくことはありますか'), // how_to
  escalate(
    'ja',
    'safety',
    '上の階から水漏れがひどくて、天井の照明のところから垂れてきてます。ショートしないか心配',
  ), // safety
  keep(
    'en',
    'Tenant in 3B reports rattling from the elevator motor. Can you measure that kind of vibration noise?',
  ), // neutral_noise
  keep('en', "Thanks, that's exactly what I needed."), // thanks
  escalate('ja', 'legal', '隣人を訴えることって可能なんでしょうか。弁護士を紹介してもらえますか'), // legal
  keep('en', 'neighbour plays piano 7-9pm most days, wondering if thats measurable'), // neutral_noise
  escalate(
    'en',
    'billing_dispute',
    'I was charged 24,800 yen but the standard plan is 12,800. Please explain.',
  ), // billing_dispute
  keep('ja', '解約はできますか？'), // policy_question
  keep('ja', 'へんきんとどきました〜ありがとう'), // resolved_past
  escalate('ja', 'safety', '隣の人に「次に管理会社にチクったら殺す」と言われました'), // safety
  keep('ja', '責めるつもりはまったくないです。前回のレポートのグラフの単位だけ確認させてください'), // negated_emotion
  keep('ja', '前はうるさくてノイローゼ気味でしたが、防音マット敷いたらだいぶ良くなりました。'), // feelings_over
  escalate('ja', 'cancellation_request', 'ｻﾌﾞｽｸ止めたいです'), // cancellation_request
  escalate('en', 'complaint', 'Love how the bot answers every question except the one I asked 🙃'), // sarcasm
  keep(
    'ja',
    '一時期は眠れないほど悩んでましたが、隣人と話し合って今は解決してます。念のため測定記録は残しておきたいです',
  ), // feelings_over
  keep('en', "This isn't a complaint, just feedback: a dark mode for the app would be nice."), // negated_emotion
  escalate(
    'en',
    'threat anger',
    "I'll be leaving a 1-star review on Google and warning everyone in my building.",
  ), // threat
  keep('en', 'Hmm, the reports are okay I guess.', {
    account: { healthBand: 'yellow', daysUntilRenewal: 200, highValue: false },
  }), // borderline_no_context
  keep('ja', '最近、下の階の犬が昼間よく吠えてます。測定してもらうと何がわかりますか'), // neutral_noise
  escalate(
    'en',
    'anger complaint',
    'I am absolutely furious. Your technician left without finishing the measurement and nobody told me why.',
  ), // anger
  escalate('en', 'account_risk', 'Just following up again on my earlier question.', {
    account: { healthBand: 'red', daysUntilRenewal: 150, highValue: false },
  }), // account_borderline
  escalate('en', 'complaint', 'Wow, a whole 10 days to reply. Truly world-class support.'), // sarcasm
  escalate('en', 'cancellation_request', "I'm moving out next month so I'd like to end my plan, thanks"), // cancellation_request
  keep('ja', 'レポートの日付の間違い、直していただけました。助かります'), // resolved_past
  keep('en', 'That worked, the report is downloading now. Thanks!', {
    history: [
      u("I can't download my report"),
      a('Which device are you using?'),
      u('iPad'),
      a('Please open the report in Safari rather than the app.'),
      u('ok trying'),
      a("Tap the share icon, then 'Save to Files'."),
    ],
  }), // resolved_long
  keep('ja', 'よやくびへんこうしたいです'), // booking_change
  keep('ja', 'ﾊﾟｽﾜｰﾄﾞ忘れました。再設定ってどうやるんですか'), // how_to
  escalate('ja', 'account_risk', '最近測定の件数減らしてるんですよね。あまり出番がなくて', {
    account: { healthBand: 'red', daysUntilRenewal: 120, highValue: false },
  }), // account_borderline
  keep('ja', 'レポート受け取りました。わかりやすかったです、ありがとうございます'), // thanks
  escalate('en', 'threat', "If this isn't sorted by Friday I'm posting the whole chat on X."), // threat
  keep('en', 'Please move booking BK-10233 to any weekday evening next week.', {
    account: { healthBand: 'red', daysUntilRenewal: 20, highValue: false },
  }), // booking_change
  escalate('ja', 'threat legal', '対応次第では消費者センターと弁護士に相談します'), // threat
  escalate(
    'ja',
    'billing_dispute',
    '請求書の金額がおかしいです。契約では月5件までのはずなのに、超過料金が乗ってます',
  ), // billing_dispute
  keep('en', 'thanks a lot, will check the email'), // thanks
  keep('ja', '録音データを自分でアップロードする方法ってありますか'), // how_to
  escalate(
    'en',
    'complaint',
    "Oh great, the report says my 68 dB neighbour is 'within normal range'. Super helpful, thanks so much.",
  ), // sarcasm
  escalate('en', 'refund_request', "Can you just give me a refund? I'm done with this."), // refund_request
  keep('en', "Other companies have reached out to us, just so you know, but we're happy for now.", {
    account: { healthBand: 'green', daysUntilRenewal: 220, highValue: false },
  }), // borderline_no_context
  keep('en', 'Where is your refund policy?'), // policy_question
  keep('en', 'how do i invite my colleague to the dashboard'), // how_to
  keep('ja', '途中解約した場合、違約金ってかかるんでしょうか'), // policy_question
  escalate('ja', 'safety anxiety human_request', '隣人に脅されてて本当に怖いです。誰か人と直接話せませんか'), // safety
  escalate(
    'en',
    'human_request',
    "Is there an actual staff member who can look at my case? I'd rather not go through the bot.",
  ), // human_request
  keep('en', 'Update: the duplicate charge was reversed by my bank. No action needed.', {
    account: { healthBand: 'red', daysUntilRenewal: 60, highValue: false },
  }), // resolved_past
  escalate('ja', 'unresolved_turns', 'APIの件、まだ解決してないです', {
    history: [
      u('APIで測定結果を取得すると401が返ってきます'),
      a('APIキーの有効期限をご確認ください。'),
      u('今日発行したばかりです'),
      a('ヘッダーの形式はBearerでしょうか？'),
      u('はい'),
      a('エンドポイントのURLをご確認いただけますか？'),
    ],
  }), // unresolved_turns
  escalate(
    'ja',
    'anxiety',
    '測定の予約をしたいんですが、その前に一つ。最近、夜になると動悸がするくらい音に敏感になってしまって、正直このまま住み続けられるのか不安でたまりません。測定でなにか変わるでしょうか',
  ), // buried_cue
  keep('ja', '返金確認できました。ありがとうございました'), // resolved_past
  keep('en', 'The anxiety I had about confronting my neighbour is gone now that I have the report in hand.'), // feelings_over
  escalate(
    'ja',
    'billing_dispute refund_request',
    '解約済みなのに今月も引き落とされてます。その分返してください',
  ), // billing_dispute
  keep('en', 'Really appreciate the quick reply. Have a good evening.'), // thanks
  escalate('ja', 'unresolved_turns', 'で、結局どうすればいいんですか', {
    history: [
      u('上の階の足音がうるさいです'),
      a('大変ですね。いつ頃から気になりますか？'),
      u('半年くらい前から'),
      a('主に何時頃でしょうか？'),
      u('夜の11時以降がひどいです'),
      a('管理会社には相談されましたか？'),
    ],
  }), // unresolved_turns
  escalate('ja', 'unresolved_turns', 'なるほど…？', {
    history: [
      u('測定機器の置き場所がわからないです'),
      a('音が気になるお部屋の中央付近がおすすめです。'),
      u('音は天井からなんですけど'),
      a('その場合は床から1.2mほどの高さに設置してください。'),
      u('ベッドの上でもいい？'),
      a('柔らかい場所は避けていただくのが望ましいです。'),
      u('じゃあどこに置けば'),
      a('机や棚の上など安定した場所をお選びください。'),
    ],
  }), // unresolved_turns
  keep('en', 'The login problem I had yesterday fixed itself after the update. All good.'), // resolved_past
  keep('ja', '予約日変更お願いします。今週土曜→来週土曜'), // booking_change
  escalate('ja', 'repeated_question', 'さっきも聞いたんですが、土日は対応してますか', {
    history: [u('土日も測定できますか？'), a('測定は専用の機器で行います。')],
  }), // repeated_question
  keep('en', "Not sure we'll need as many measurements next quarter.", {
    account: { healthBand: 'green', daysUntilRenewal: 130, highValue: false },
  }), // borderline_no_context
  keep('ja', 'あの頃は本当に限界だったなあ。今はぐっすり眠れてます😊'), // feelings_over
  escalate('ja', 'repeated_question', 'ですから、報告書は英語でも作れますか？って聞いてるんです', {
    history: [u('報告書を英語で作成してもらうことはできますか'), a('報告書はPDFでお届けします。')],
  }), // repeated_question
  keep('ja', 'クレームではないです！純粋な質問で、測定時間って延長できますか'), // negated_emotion
  escalate('ja', 'legal', '管理会社が動かないので訴訟も考えています'), // legal
  keep(
    'en',
    'How does cancellation work for the annual contract? Just want to understand the terms before signing.',
  ), // policy_question
  escalate('ja', 'legal', 'この報告書って裁判で証拠として使えますか？'), // legal
  escalate('ja', 'repeated_question', 'えっと、同じ質問になっちゃうけど、夜の測定って追加料金かかる？', {
    history: [u('夜の時間帯の測定は追加料金ありますか'), a('夜間の騒音は深刻なケースが多いですね。')],
  }), // repeated_question
  escalate('en', 'unresolved_turns', "ok but that still doesn't tell me which plan I need", {
    history: [
      u('I need to measure noise from the flat above'),
      a('Sure! Could you describe the noise?'),
      u('thumping, like someone jumping'),
      a('Thanks. What time of day does it happen?'),
      u('late evening mostly'),
      a('Understood. Have you talked to your property manager?'),
    ],
  }), // unresolved_turns
  keep(
    'en',
    'Back in spring I was pretty angry about the delays, but honestly the last two reports were great.',
  ), // feelings_over
  escalate('ja', 'cancellation_request complaint', 'こんなにレポート遅いなら解約します。正直がっかりです'), // cancellation_request
  escalate('ja', 'repeated_question', 'いや、だからペットの足音も測れるのかって話です', {
    history: [u('犬の足音も測定対象になりますか'), a('足音は代表的な生活音です。')],
  }), // repeated_question
  escalate('en', 'unresolved_turns complaint', "we're going in circles", {
    history: [
      u("My measurement date shows as 'pending' for a week"),
      a('Bookings are usually confirmed within 48 hours.'),
      u("It's been 7 days"),
      a('I understand. Could you share your booking number?'),
      u('BK-88213'),
      a('Thank you. Your booking is pending confirmation.'),
    ],
  }), // unresolved_turns
  escalate('ja', 'refund_request complaint', 'お金返してほしいです。こんなレポートに12,800円は払えない'), // refund_request
  keep('en', 'How do I add another property to our account?'), // how_to
  keep(
    'en',
    "Hi, I'd like to change the address for my booking – we're measuring at my parents' place instead.",
  ), // booking_change
  escalate(
    'en',
    'cancellation_request human_request',
    "I want to cancel, and I'd like to talk to an actual person about it, not a bot.",
  ), // cancellation_request
  keep('ja', '予約の時間を19時から21時に変えたいです'), // booking_change
  keep('ja', '続けるかどうかはまだ考え中です', {
    account: { healthBand: 'green', daysUntilRenewal: 280, highValue: false },
  }), // borderline_no_context
  keep('ja', 'APIの401エラー、キーを再発行したら解決しました'), // resolved_past
  keep('ja', 'うーん、まだあんまり使いこなせてないかもです', {
    account: { healthBand: 'green', daysUntilRenewal: 250, highValue: false },
  }), // borderline_no_context
  keep('ja', '測定員の方、とても親切でした。よろしくお伝えください'), // thanks
  keep(
    'ja',
    '以前ここでキレてしまってすみませんでした。もう大丈夫です。今日は別件で、測定器の電池について教えてください',
  ), // feelings_over
  escalate('en', 'human_request', 'Can I speak to a real person please'), // human_request
  escalate('ja', 'safety anxiety', '下の階の人が毎晩ベランダから石を投げてきます。子どもに当たりそうで怖い'), // safety
  keep('en', 'Cheers, the graph makes sense now.'), // thanks
  escalate('ja', 'account_risk', 'もう一度だけ確認ですが、先週お願いした件はまだでしょうか', {
    account: { healthBand: 'green', daysUntilRenewal: 200, highValue: true },
  }), // account_borderline
  keep('en', 'Is the AI mediation service available as an add-on to any plan?', {
    account: { healthBand: 'red', daysUntilRenewal: 30, highValue: false },
  }), // policy_question
  escalate('ja', 'human_request', '人間の担当者と話したいです'), // human_request
  escalate('ja', 'complaint anger', 'さすがですね〜、3回目の日程変更。素晴らしい対応です👏'), // sarcasm
  keep('en', 'a little slower than I hoped this month, but fine', {
    account: { healthBand: 'green', daysUntilRenewal: 320, highValue: false },
  }), // borderline_no_context
  keep('ja', '隣の部屋から洗濯機の音が夜11時ごろ聞こえてきます'), // neutral_noise
  escalate('en', 'billing_dispute', 'Why was I billed for the AI mediation add-on? I never selected it.'), // billing_dispute
  keep('ja', '怒っているわけではないのですが、測定日の変更は可能でしょうか'), // negated_emotion
  escalate('ja', 'refund_request', 'ﾍﾝｷﾝ希望です。振込先はどこに伝えればいいですか'), // refund_request
  keep('en', 'reschedule pls, same time next thursday'), // booking_change
  keep('en', 'Perfect, thank you so much for sorting out the booking 😊'), // thanks
  keep('en', 'No frustration here, I just want to understand the invoice layout.'), // negated_emotion
  escalate('ja', 'safety', '隣の部屋からガス臭いにおいがして、変な音もずっとしてます'), // safety
  escalate('en', 'threat', 'Fine. Trustpilot it is.'), // threat
  keep('ja', 'ちょっとだけ期待と違ったかも。でもまあ大丈夫です'), // borderline_no_context
  keep('en', 'How much is the standard plan?'), // policy_question
  keep('ja', '前回の測定員さんの遅刻の件、お詫びの連絡いただいたので大丈夫です'), // resolved_past
  keep(
    'ja',
    '管理している物件で、204号室から201号室への足音の申告がありました。測定の手配方法を知りたいです',
  ), // neutral_noise
  escalate('ja', 'unresolved_turns', 'あの、質問の答えになってないような', {
    history: [
      u('法人契約の請求書払いはできますか'),
      a('法人様向けのプランをご用意しております。'),
      u('請求書払いができるか知りたいです'),
      a('詳しくはプランページをご覧ください。'),
      u('プランページに書いてないです'),
      a('ご不便をおかけしております。他にご質問はありますか？'),
    ],
  }), // unresolved_turns
  escalate('en', 'threat', "Don't make me go to the consumer affairs office over this."), // threat
  keep(
    'ja',
    '先月はかなりイライラしてましたが、今は引っ越して落ち着いてます。前回のレポートのコピーだけもらえますか',
  ), // feelings_over
  keep('ja', '最初は不安だったけど、測定してもらって気持ちが楽になりました'), // feelings_over
  escalate('ja', 'account_risk', 'うーん、正直あんまり使いこなせてない気がします', {
    account: { healthBand: 'red', daysUntilRenewal: 200, highValue: false },
  }), // account_borderline
  keep('ja', 'こないだの騒音、管理会社が注意してくれて今は静かになりました！'), // resolved_past
  keep('ja', '来週火曜の測定、水曜に変更できますか'), // booking_change
  keep('en', 'Can we switch the visit to the afternoon instead?'), // booking_change
  keep('en', "what's the minimum contract length for the business plan"), // policy_question
  keep('en', "Don't worry, I'm not upset. Which day works for the technician?"), // negated_emotion
  keep('ja', '丁寧に教えていただき感謝です🙏'), // thanks
  escalate('ja', 'anxiety', '隣の人の壁ドンが怖くて、家に帰るのがつらいです。仕事中もずっと考えちゃう'), // anxiety
  escalate('ja', 'cancellation_request', '退会させてください。アカウントも削除でお願いします'), // cancellation_request
  keep('en', 'If I cancel a booking 2 days before, is there a fee?'), // policy_question
  escalate(
    'ja',
    'refund_request',
    '先週のスタンダードプラン、結局使わなかったので代金を戻していただけますか',
  ), // refund_request
  escalate('ja', 'complaint anger', 'はいはい、「確認します」ね。何回目でしょうね笑'), // sarcasm
  keep('ja', '去年は腹が立つこともありましたが、今はサービスに満足してます。更新の案内ください', {
    account: { healthBand: 'green', daysUntilRenewal: 30, highValue: false },
  }), // feelings_over
  escalate('ja', 'account_risk', '来年も続けるかは社内で検討中です', {
    account: { healthBand: 'green', daysUntilRenewal: 45, highValue: false },
  }), // account_borderline
  escalate('ja', 'threat', 'インスタでフォロワー3万人いるんで、ストーリーで体験談シェアしようかなー'), // threat
  keep('en', 'Just following up on my earlier question when you get a chance.'), // borderline_no_context
  keep('en', 'Can I cancel?'), // policy_question
  escalate('ja', 'account_risk', 'ちょっと期待してたのと違ったかな〜', {
    account: { healthBand: 'green', daysUntilRenewal: 300, highValue: true },
  }), // account_borderline
  escalate(
    'ja',
    'cancellation_request',
    '弊社としては来期の更新はしない方向で決定しました。解約の手続きをお願いします',
  ), // cancellation_request
  keep('ja', '別に不満とかじゃないんですけど、レポートの見方を教えてもらえますか'), // negated_emotion
  escalate('en', 'repeated_question', 'Let me try again. Is the 12,800 yen including tax?', {
    history: [
      u('Does 12,800 yen include tax?'),
      a('The standard plan is 12,800 yen and includes a 2-hour measurement.'),
    ],
  }), // repeated_question
  escalate('en', 'anger', 'ok whatever', {
    history: [
      u("why is my report still not ready, it's been 2 weeks"),
      a("I'm sorry for the delay. Let me check."),
      u("This is seriously unacceptable. I'm so angry right now"),
      a("I understand your frustration. I'm checking with the team."),
    ],
  }), // trajectory
  escalate('ja', 'repeated_question', '何度もすみませんが、領収書の宛名って変えられますか', {
    history: [u('領収書の宛名を会社名にしたいです'), a('領収書はマイページから発行できます。')],
  }), // repeated_question
  escalate('ja', 'anger', 'まじでムカつく💢 レポートまだ？？？？'), // anger
  escalate('ja', 'repeated_question', 'ｿﾚ前も聞いたけど、機械って返送するの？', {
    history: [u('測定のあと、機械ってどうするの？'), a('測定結果はレポートでお知らせします。')],
  }), // repeated_question
  keep('en', 'Thank you, the team at our office found the monthly summary really useful.', {
    account: { healthBand: 'yellow', daysUntilRenewal: 60, highValue: true },
  }), // thanks
  escalate('ja', 'threat', '消費者センターに相談します'), // threat
  escalate(
    'ja',
    'anger complaint',
    'こっちは真剣に困ってるのに、テンプレみたいな返事ばっか。ほんとにイライラする',
  ), // anger
  escalate(
    'ja',
    'safety',
    '測定に来てもらう日、隣人が待ち伏せしてるかもしれません。前に胸ぐらをつかまれたことがあって',
  ), // safety
  keep('en', "How do I export last month's measurements as CSV?", {
    account: { healthBand: 'red', daysUntilRenewal: 15, highValue: true },
  }), // how_to
  keep(
    'en',
    "I used to dread coming home because of the neighbour's music, but since the mediation it's been quiet. Thank you.",
  ), // feelings_over
  escalate(
    'en',
    'safety anxiety',
    "Neighbour pushed me down the stairs after I knocked to ask about the noise. I'm okay but shaken.",
  ), // safety
  escalate('en', 'cancellation_request', "Unsubscribe me. I don't want to be billed again."), // cancellation_request
  escalate('en', 'cancellation_request', 'Time to pull the plug on this. Cancel everything on my account.'), // cancellation_request
  keep('en', 'Not trying to cause trouble, just want to know if weekend slots exist.', {
    account: { healthBand: 'green', daysUntilRenewal: 250, highValue: false },
  }), // negated_emotion
  keep('ja', '最近あんまり測定してないんですよね。繁忙期じゃないので', {
    account: { healthBand: 'green', daysUntilRenewal: 150, highValue: false },
  }), // borderline_no_context
  escalate('ja', 'threat', 'このままなら口コミに全部書きますからね'), // threat
  keep('en', "I'm not angry, just asking when the report will be ready."), // negated_emotion
  keep('en', 'Is there a way to get notifications when a new report is ready?'), // how_to
  escalate(
    'en',
    'cancellation_request',
    "We've decided not to continue with Kizuna. Please terminate our contract at the end of this billing period.",
  ), // cancellation_request
  escalate('en', 'billing_dispute', "There's a charge on my card from you that I never authorised."), // billing_dispute
  escalate('ja', 'billing_dispute', '今月2回引き落とされてるんですが、どういうことですか'), // billing_dispute
  keep('en', 'Got it, booked for Thursday 8pm. Cheers', {
    history: [
      u("I'd like to book a measurement"),
      a('Great! Which area are you in?'),
      u('Setagaya'),
      a('We have slots on Tuesday and Thursday evening.'),
      u('Thursday please'),
      a('Thursday at 20:00 is available. Shall I reserve it?'),
    ],
  }), // resolved_long
  escalate('ja', 'billing_dispute', 'カードの明細みたらキズナさんから知らない請求が入ってた。なにこれ'), // billing_dispute
  escalate('ja', 'anger', 'ふーん', {
    history: [
      u('先月の請求について質問です'),
      a('はい、どのようなご質問でしょうか？'),
      u('説明もなく値上がりしてるんですけど、ほんと腹が立ちます'),
      a('料金改定については先月メールでお知らせしております。'),
    ],
  }), // trajectory
  keep('ja', 'ｴｱｺﾝの室外機の音がﾍﾞﾗﾝﾀﾞ側からずっと鳴ってます。夜は45dBぐらい'), // neutral_noise
  escalate('en', 'complaint', 'I want to file a formal complaint about how my booking was handled.'), // complaint
  escalate('en', 'repeated_question', "you didn't answer. do you cover Osaka?", {
    history: [u('Do you operate in Osaka?'), a('We provide noise measurement for apartments and houses.')],
  }), // repeated_question
  keep('ja', 'レポートを管理会社に共有するにはどうすればいいですか'), // how_to
  escalate('en', 'unresolved_turns', 'still waiting on an answer here', {
    history: [
      u('Can the sensor measure low-frequency noise?'),
      a('Our meters cover a wide frequency range.'),
      u('Does that include below 40Hz?'),
      a('The standard plan focuses on A-weighted levels.'),
      u('So is that a no?'),
      a('Let me check the specification for you.'),
    ],
  }), // unresolved_turns
  escalate('ja', 'billing_dispute', 'ﾌﾟﾚﾐｱﾑにした覚えないのに差額請求きてるんですけど'), // billing_dispute
  escalate(
    'en',
    'billing_dispute anger',
    'I dispute this charge. The measurement was cancelled by YOUR side, so why am I paying a cancellation fee?',
  ), // billing_dispute
  escalate('ja', 'anxiety', 'わかりました', {
    history: [
      u('夜中ずっと上から物音がして、怖くて眠れません'),
      a('それは不安ですね。いつ頃からでしょうか？'),
      u('一週間くらい。もう精神的にもたないです'),
      a('お辛い状況ですね。測定のご案内をいたします。'),
    ],
  }), // trajectory
  keep(
    'en',
    "I was really anxious about the noise a few months ago, but it's fine now. Just want to keep my account for the records.",
  ), // feelings_over
  keep(
    'en',
    'Just to confirm the billing issue from last month is sorted – the corrected invoice came through.',
  ), // resolved_past
  escalate('ja', 'unresolved_turns', 'すみません、まだ分からないです。結局予約できてるんですか？', {
    history: [
      u('来週の火曜に予約したいです'),
      a('ご希望の時間帯はありますか？'),
      u('夜がいいです'),
      a('夜間は20時からの枠がございます。'),
      u('じゃあそれで'),
      a('お名前とご住所をお願いします。'),
    ],
  }), // unresolved_turns
  escalate('ja', 'billing_dispute', '解約したはずなのに、また請求が来ました'), // billing_dispute
  keep('en', "We'll look at our options at some point, no rush.", {
    account: { healthBand: 'yellow', daysUntilRenewal: 240, highValue: false },
  }), // borderline_no_context
  keep('ja', 'ご対応ありがとうございました。引き続きよろしくお願いします', {
    account: { healthBand: 'red', daysUntilRenewal: 50, highValue: false },
  }), // thanks
  escalate(
    'en',
    'anger complaint',
    "Honestly? I'm livid. The report says 'no significant noise' when the recording clearly has the drilling at 11pm.",
  ), // anger
  keep('en', "i'm not stressed about it lol, just wondering how loud is 'loud' in your reports"), // negated_emotion
  keep('ja', '更新月以外に解約すると、どういう扱いになりますか', {
    account: { healthBand: 'green', daysUntilRenewal: 200, highValue: false },
  }), // policy_question
  escalate(
    'ja',
    'anger complaint',
    '測定の人、約束の時間に1時間も遅れてきたんだけど。連絡もなし。ふざけてんの？',
  ), // anger
  escalate('ja', 'refund_request', '払い戻しをお願いしたいです'), // refund_request
  escalate(
    'en',
    'billing_dispute human_request',
    "Wrong amount on our invoice again. I'd like someone from your billing team to call me, not the bot.",
  ), // billing_dispute
  escalate('en', 'billing_dispute', 'invoice #INV-20931 is wrong, we were on the old price until april'), // billing_dispute
  escalate('ja', 'human_request', 'オペレーターにつないで'), // human_request
  escalate(
    'ja',
    'anger',
    'ちょっと、それはないでしょう。こっちは夜中の3時まで上の階のドンドンに耐えてるのに、そちらの返信が「確認します」だけって。正直キレそうです',
  ), // anger
  escalate(
    'en',
    'safety anxiety',
    "My neighbour threatened to hurt me if I complain again. I'm scared to leave my flat.",
  ), // safety
  keep('en', 'My worries from last month are resolved — the landlord fixed the pipes.'), // feelings_over
  escalate(
    'ja',
    'repeated_question',
    '結局、キャンセル料は何日前からかかるんでしたっけ？さっきの回答だとよくわからなくて',
    { history: [u('キャンセル料は何日前からかかりますか'), a('キャンセルはマイページから可能です。')] },
  ), // repeated_question
  escalate('ja', 'legal human_request', '弁護士から連絡させる前に、まずそちらの責任者と話をさせてください'), // legal
  escalate('ja', 'cancellation_request', 'かいやくします'), // cancellation_request
  keep('ja', '測定が雨で中止になった場合、料金はどうなりますか'), // policy_question
  keep('ja', '法人プランの料金体系を知りたいです'), // policy_question
  escalate('en', 'cancellation_request', 'Please cancel my subscription effective immediately.'), // cancellation_request
  escalate(
    'ja',
    'cancellation_request',
    '管理物件が減ったので、もう御社のサービスは不要です。契約を止めてください',
  ), // cancellation_request
  escalate(
    'en',
    'cancellation_request refund_request',
    "Cancel my subscription and refund this month's fee, I never used it.",
  ), // cancellation_request
  escalate('ja', 'account_risk', '他社さんの話も聞いてみようかと思ってます', {
    account: { healthBand: 'yellow', daysUntilRenewal: 20, highValue: true },
  }), // account_borderline
  escalate(
    'en',
    'repeated_question',
    "Asking for the third time: what's the max number of properties on the business plan?",
    {
      history: [
        u("What's the property limit on the business plan?"),
        a('Our business plans are flexible!'),
        u('But what is the limit'),
        a('Please see our pricing page for more details.'),
      ],
    },
  ), // repeated_question
  keep('ja', '不安とかは全然ないんですが、測定当日は家にいないといけないですか'), // negated_emotion
  keep('ja', '少しモヤっとしましたが、次に期待します', {
    account: { healthBand: 'yellow', daysUntilRenewal: 190, highValue: false },
  }), // borderline_no_context
];
