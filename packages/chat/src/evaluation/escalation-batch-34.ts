import type { ChatTurn } from '../escalation/escalation-input';
import { type EscalationCase, escalate, keep } from './escalation-case';

// Thirty-fourth held-out batch, written after round 6 and after reading only the category-level
// feedback of an independent blind set (not its messages), by the same engineer: mostly whole
// conversations (history of 4–8 entries) and account context, hiragana-only and casual forms,
// B2B customers, a safety remark buried in a long message, and hard negatives that progress
// towards a solution. 52 messages, 27 to escalate. First measured (once, before any change made
// from it): precision 0.609, recall 0.519 (9 false alarms, 13 missed: 6 false alarms were
// unresolved_turns on conversations making progress); rules alone precision 0.471, recall 0.296.

const u = (content: string): ChatTurn => ({ role: 'user', content });
const a = (content: string): ChatTurn => ({ role: 'assistant', content });
const red = { healthBand: 'red' } as const;
const renewing = { daysUntilRenewal: 30 } as const;
const valuable = { highValue: true } as const;

const appStuckJa = [
  u('アプリで測定が始まりません'),
  a('設定からマイクの使用を許可してください'),
  u('許可しました。でも始まらないです'),
  a('アプリを一度終了して再起動してください'),
  u('再起動しても同じです'),
  a('アプリを最新版に更新してください'),
];
const appProgressJa = [
  u('アプリで測定が始まりません'),
  a('設定からマイクの使用を許可してください'),
  u('許可しました'),
  a('次にアプリを一度終了して再起動してください'),
  u('再起動しました。画面が変わりました'),
  a('「測定開始」のボタンが表示されていればタップしてください'),
];
const downloadStuckEn = [
  u("I can't download my report"),
  a('Please log out and log in again, then open Reports.'),
  u('did that, same thing'),
  a('Could you try another browser?'),
  u('tried chrome and firefox, both fail'),
  a('Please clear the cache and try once more.'),
];
const downloadProgressEn = [
  u("I can't download my report"),
  a('Please log out and log in again, then open Reports.'),
  u('ok logged back in'),
  a('Now open Reports and choose the October measurement.'),
  u('found it, there is a download icon'),
  a('Click it and choose PDF.'),
];
const bookingEn = [
  u('I need to book a measurement for next week'),
  a('Which days work for you?'),
  u('Tuesday or Wednesday evening'),
  a('We have Wednesday at 19:00.'),
  u('and how long does it take?'),
  a('About two hours.'),
  u('ok and do I need to be home the whole time?'),
  a('Only at the start and the end.'),
];

export const escalationBatch34: readonly EscalationCase[] = [
  // Stuck conversations, repeats and chasing.
  escalate('ja', 'unresolved_turns', '更新してもだめです', { history: appStuckJa }),
  escalate('en', 'unresolved_turns', 'still getting the same error page', { history: downloadStuckEn }),
  escalate('en', 'unresolved_turns', 'this is going nowhere tbh', { history: downloadStuckEn }),
  escalate('ja', 'repeated_question', 'で、れぽーとっていつくるの', {
    history: [u('レポートの発送日を教えてください'), a('測定から5営業日以内にお送りします')],
  }),
  escalate('en', 'repeated_question', 'ok but what time exactly is the guy coming thursday', {
    history: [
      u('What time will the technician arrive on Thursday?'),
      a('Technicians arrive between 9 and 12.'),
    ],
  }),
  escalate(
    'en',
    'repeated_question',
    'Again: the invoice for unit 402 must be addressed to our company, not the tenant. Can this be fixed?',
    {
      history: [
        u('We need the invoice for unit 402 issued to the management company, not the tenant.'),
        a('You can change the billing address in your account settings.'),
      ],
    },
  ),
  escalate('ja', 'repeated_question', '3物件まとめた見積書をお願いしたいのですが、可能でしょうか', {
    history: [
      u('管理物件3件分の見積もりをまとめていただけますか'),
      a('各物件ごとにお見積もりをお出ししております'),
    ],
  }),
  escalate('ja', 'anger repeated_question', 'いい加減にしてもらえます？何回同じ説明させるんですか'),
  // Risky accounts with mild signals.
  escalate('ja', 'dissatisfaction', 'うーん、前回のレポート、思ってたのとちょっと違いました', {
    account: red,
  }),
  escalate('en', 'dissatisfaction', "Honestly not sure we'll renew, we barely used it this year", {
    account: renewing,
  }),
  escalate('ja', 'complaint', '最近また夜の音が気になり始めました。前も同じことがありましたね', {
    account: valuable,
  }),
  escalate('en', 'complaint', 'The app stopped recording during the night again', { account: red }),
  escalate('ja', 'dissatisfaction', '更新するかどうか、正直迷ってます', { account: renewing }),
  escalate('en', 'dissatisfaction', 'The last report was a bit underwhelming tbh', { account: valuable }),
  // Safety and threats in casual wording.
  escalate('ja', 'safety', '隣のやつ、ほんまいっぺんしばいたろか思てる'),
  escalate('ja', 'safety', '隣の部屋から焦げ臭いにおいがして、廊下に煙が出てます'),
  escalate('en', 'safety', 'the guy next door left a note saying he knows where my kids go to school'),
  escalate(
    'ja',
    'safety',
    '来週の測定の件ですが、火曜の午後でお願いできればと思います。駐車場は建物の裏にあります。あと、昨日隣の人に包丁を見せられて「次うるさくしたら刺す」と言われました。測定の時は私も在宅しています。',
  ),
  escalate(
    'en',
    'safety anger',
    'swear to god if he bangs one more time im gonna go up there and smash his face in',
  ),
  escalate('ja', 'threat', 'これ週刊誌とかにタレこんだら面白いことになりそうですね'),
  escalate('en', 'threat', 'gonna leave a 1 star on google and tell everyone on reddit how this went'),
  escalate('ja', 'threat', '口コミサイトに全部書いときますね'),
  // Intents in hiragana, casual, indirect and sarcastic forms.
  escalate('ja', 'refund_request', 'おかねかえしてほしいです'),
  escalate('ja', 'cancellation_request', 'もうやめるわ、解約で'),
  escalate('en', 'human_request', "pls just get me someone from your team, the bot isn't getting it"),
  escalate('ja', 'billing_dispute', 'せいきゅうがにじゅうになってるんだけど'),
  escalate('en', 'anger', 'Wow, great service. Five days and not a single reply. Really impressive.'),
  // Conversations progressing towards a solution.
  keep('ja', 'できました！ありがとうございます', { history: appStuckJa }),
  keep('ja', '言われた通りにしたら直りました', { history: appStuckJa }),
  keep('ja', 'タップしたら測定が始まりました。このまま置いておけばいいですか', {
    history: appProgressJa,
  }),
  keep('en', "ok did that, it's downloading now. cheers", { history: downloadStuckEn }),
  keep('en', 'done, got the PDF. can I also get it in Excel?', { history: downloadProgressEn }),
  keep('en', 'great, and can my partner be there instead of me?', { history: bookingEn }),
  keep('ja', 'はい、その日時で大丈夫です。よろしくお願いします', {
    history: [
      u('測定の予約をしたいです'),
      a('ご希望の日はありますか'),
      u('来週の土曜日がいいです'),
      a('土曜日は10時か14時が空いています'),
      u('14時でお願いします'),
      a('では土曜14時で仮予約しました。よろしいですか'),
    ],
  }),
  // Trouble told as over, thanks after a resolution.
  keep('ja', '先月の二重請求の件、返金を確認できました。ご対応ありがとうございました'),
  keep('ja', '前は隣の音にかなりイライラしてたんですけど、防音マットを敷いてからだいぶ落ち着きました'),
  keep(
    'en',
    'Last week I was pretty annoyed about the missed visit, but the new technician was great. Thanks!',
  ),
  keep('en', 'The billing mistake from March got corrected, appreciate it'),
  keep(
    'en',
    "I used to get so anxious at night, but since the measurement I know it's within the limits. Thank you",
  ),
  keep('ja', 'もう大丈夫です、解決しました。また何かあれば連絡します'),
  keep('ja', 'ご丁寧にありがとうございました。これで安心しました', {
    history: [
      u('レポートの数値がおかしい気がします'),
      a('ご不便をおかけしました。確認したところ、単位の表示に誤りがありました。修正版をお送りしました'),
    ],
  }),
  // Negated feelings, policy questions, calm descriptions, risky accounts asking neutral questions.
  keep('ja', '別に怒ってるとかじゃないんですが、測定日を変えたいです'),
  keep('en', 'Not complaining, just wondering whether the report covers low frequencies'),
  keep('ja', '契約期間の途中で解約した場合、違約金はかかりますか'),
  keep('en', 'what happens to my data if I cancel later on?'),
  keep('ja', '妻が少し音を気にしているので、一度測ってもらえればと思います'),
  keep('ja', '夜11時ごろから上の階で洗濯機の音がします。週3回くらいです'),
  keep('en', "Could we move Friday's visit to the following Monday?"),
  keep('en', 'Your FAQ says "refund" and "reimbursement", are those different things?'),
  keep('en', 'Can you send me the invoice for October as a PDF?', { account: red }),
  keep('ja', '更新の手続きはマイページからできますか', { account: renewing }),
  keep('ja', '測定は何時に終わりますか', {
    history: [u('測定は何時から始まりますか'), a('9時から開始します')],
  }),
];
