import { sentenceAround } from './sentence-around';

// A newsletter, mailing list or notification stopped is no cancellation of the contract:
// "Unsubscribe me from the newsletter", «メルマガの購読を解除したいです», «お知らせメールの配信停止».
// Only when the mailing list is what the cancellation names, and no contract word stands beside it
// ("unsubscribe me from the newsletter and cancel my subscription" still escalates), and the list
// must be what is stopped, next to the verb: not "I sent you three emails, cancel it now".
const mailingListStopped =
  /\b(?:unsubscrib\w*|opt(?:ing)? out|stop(?:ping)?(?: sending(?: me| us)?)?|cancel\w*|remove (?:me|us)) (?:(?:me|us|from|of|to|the|your|this|these|all|any|my|our|marketing|promotional|weekly|monthly|daily) )*(?:newsletters?|mailing lists?|e-?mails|e-?mail list|mails|notifications|promos|promotions|sms|text messages)\b|(?:めるまが|めーるまがじん|にゅーすれたー|めーる|お知らせ|通知|dm|案内|広告)(?:の)?(?:購読|配信|受信|送信)?(?:を|は|の)?(?:解除|停止|止め|とめ|やめ|きゃんせる|取り?消|ていし)/u;
const contractWords =
  /subscriptions?\b|contract|account|membership|plan\b|service|booking|\bsub\b|契約|さぶすく|ぷらん|会員|利用|さーびす|予約|退会|解約/u;

/**
 * True when the cancellation found at `position` of the normalised text stops a mailing list or
 * notifications and names no contract, subscription, account or booking in its sentence.
 */
export function isMailingListCancellation(text: string, position: number): boolean {
  const { sentence } = sentenceAround(text, position, position);
  return mailingListStopped.test(sentence) && !contractWords.test(sentence);
}
