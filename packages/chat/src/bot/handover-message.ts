import type { EscalationReasonCode } from '../escalation/escalation-reason';

/** The languages the bot's own messages are written in. */
export type Language = 'ja' | 'en';

const messages: Record<string, Record<Language, string>> = {
  safety: {
    ja: 'まずはご自身の安全を何よりも優先してください。いま身の危険がある場合は、すぐに110番（救急は119番）へ連絡してください。気持ちがつらいときは、よりそいホットライン（0120-279-338、24時間）でも話を聞いてもらえます。このあと担当のスタッフからすぐにご連絡します。',
    en: 'Please put your own safety first. If you are in danger right now, call the police on 110 (ambulance 119 in Japan). If you are struggling, you can talk to someone any time at the Yorisoi Hotline, 0120-279-338. A member of our team will contact you right away.',
  },
  legal: {
    ja: '法律に関わる大切なご相談ですので、ここからは専門のスタッフが直接お話を伺います。これまでの内容は引き継いでいますので、同じことを繰り返していただく必要はありません。少しだけお待ちください。',
    en: 'This touches on legal questions, so a specialist from our team will take it from here. They can see everything you have told me, so you will not need to repeat yourself. It will only be a moment.',
  },
  anger: {
    ja: 'ご不快な思いをおかけして、本当に申し訳ございません。お気持ちはしっかり受け止めました。ここからは担当のスタッフが責任を持って対応しますので、少しだけお待ちいただけますか。',
    en: 'I am truly sorry for how this has gone. I hear you, and I have passed everything on: a member of our team will take over personally in a moment.',
  },
  anxiety: {
    ja: 'とても不安な中でご連絡くださったのですね。一人で抱え込まなくて大丈夫です。ここからは担当のスタッフが直接お話を伺いますので、少しだけお待ちください。',
    en: 'That sounds really hard, and you do not have to deal with it alone. A member of our team will talk with you directly in a moment.',
  },
  money: {
    ja: 'お手続きやお支払いに関わる内容ですので、担当のスタッフが責任を持って確認し、ご連絡します。これまでの内容は引き継いでいますので、少しだけお待ちください。',
    en: 'Since this concerns your booking or payment, a member of our team will look into it personally and get back to you. They have everything you told me.',
  },
  human: {
    ja: '承知しました。担当のスタッフにおつなぎします。これまでの内容は引き継いでいますので、少しだけお待ちください。',
    en: 'Of course. I am connecting you with a member of our team now; they can see our conversation so far.',
  },
  model: {
    ja: '申し訳ありません、ただいま自動応答がうまくお答えできない状態です。担当のスタッフがご案内しますので、少しだけお待ちください。',
    en: 'I am sorry, I cannot answer properly right now. A member of our team will help you shortly.',
  },
  default: {
    ja: 'ここまでお話しくださりありがとうございます。より丁寧にご案内できるよう、ここからは担当のスタッフが直接対応します。これまでの内容は引き継いでいますので、少しだけお待ちください。',
    en: 'Thank you for explaining all this. To help you properly, a member of our team will take over from here; they can see our conversation so far.',
  },
  waiting: {
    ja: 'ありがとうございます。担当のスタッフに引き継いでいますので、もう少しだけお待ちください。いただいた内容もあわせてお伝えします。',
    en: 'Thank you. A member of our team has your conversation and will reply shortly; I have added this message for them.',
  },
};

const order: readonly [string, readonly EscalationReasonCode[]][] = [
  ['safety', ['safety']],
  ['legal', ['legal']],
  ['anger', ['anger', 'complaint', 'threat']],
  ['anxiety', ['anxiety']],
  [
    'money',
    ['refund_request', 'cancellation_request', 'billing_dispute', 'cancellation_inquiry', 'refund_inquiry'],
  ],
  ['human', ['human_request']],
  ['model', ['model_unavailable']],
];

/**
 * The message the customer reads when a person takes over: human and specific to the most serious
 * reason (safety first, with emergency and helpline numbers; then legal, anger or complaint,
 * anxiety, money matters, an explicit request, a model failure), in the customer's language.
 *
 * @example
 * ```ts
 * handoverMessage(['refund_request'], 'ja'); // 'お手続きやお支払いに関わる内容ですので、…'
 * ```
 */
export function handoverMessage(reasonCodes: readonly string[], language: Language): string {
  for (const [key, codes] of order) {
    if (codes.some((code) => reasonCodes.includes(code))) return messages[key]![language];
  }
  return messages.default![language];
}

/** The message while the conversation is already with a person. */
export function waitingMessage(language: Language): string {
  return messages.waiting![language];
}
