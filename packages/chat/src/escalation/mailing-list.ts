import { sentenceAround, sentenceWindow } from './sentence-around';

// A newsletter, mailing list or notification stopped is no cancellation of the contract:
// "Unsubscribe me from the newsletter", «メルマガの購読を解除したいです», «お知らせメールの配信停止».
// Only when the mailing list is what the cancellation names, and no contract word stands beside it
// ("unsubscribe me from the newsletter and cancel my subscription" still escalates), and the list
// must be what is stopped, next to the verb: not "I sent you three emails, cancel it now".
// Review r16: the cancellation found must itself be the list's stop verb (overlap the list phrase),
// so that a contract cancelled beside it still counts: "Stop sending me emails and cancel everything",
// "unsubscribe me from the newsletter and cancel".
const mailingListStopped =
  /\b(?:unsubscrib\w*|opt(?:ing)? out|stop(?:ping)?(?: sending(?: me| us)?)?|cancel\w*|remove (?:me|us)) (?:(?:me|us|from|of|to|the|your|this|these|all|any|my|our|marketing|promotional|weekly|monthly|daily) )*(?:newsletters?|mailing lists?|e-?mails|e-?mail list|mails|notifications|promos|promotions|sms|text messages)\b|(?:めるまが|めーるまがじん|にゅーすれたー|めーる|お知らせ|通知|dm|案内|広告)(?:の)?(?:購読|配信|受信|送信)?(?:を|は|の)?(?:解除|停止|止め|とめ|やめ|きゃんせる|取り?消|ていし)/gu;
// Review r16: everything cancelled, or the customer leaving, takes in the contract too ("cancel it
// all", "cancel the emails and everything else, we are leaving").
const contractWords =
  /subscriptions?\b|contract|account|membership|plan\b|service|booking|\bsub\b|everything|\bit all\b|\ball of it\b|\bleav(?:e|ing)\b|契約|さぶすく|ぷらん|会員|利用|さーびす|予約|退会|解約/u;
// Review r16: a second cancellation beside the list's stop verb cancels something else, the contract:
// "unsubscribe me from the newsletter and cancel", «メルマガ解除して、解約もお願いします».
const otherCancellation = /\bcancel|\bterminat|\bunsubscrib|\bquit\b|解約|退会|きゃんせる|取り?消/u;

/**
 * True when the cancellation found at [start, end) of the normalised text is the stop verb of a
 * mailing list or notifications, and its sentence names no contract, subscription, account or
 * booking.
 */
export function isMailingListCancellation(text: string, start: number, end: number): boolean {
  const { sentence, stopAt } = sentenceAround(text, start, start);
  if (contractWords.test(sentence)) return false;
  // Where the sentence starts in the text: it runs up to its stop, or to the end of the window.
  const sentenceEnd = stopAt < 0 ? Math.min(text.length, start + sentenceWindow) : stopAt;
  const sentenceStart = sentenceEnd - sentence.length;
  if (otherCancellation.test(sentence.replace(mailingListStopped, ' '))) return false;
  mailingListStopped.lastIndex = 0;
  for (
    let list = mailingListStopped.exec(sentence);
    list !== null;
    list = mailingListStopped.exec(sentence)
  ) {
    const listStart = sentenceStart + list.index;
    if (listStart < Math.max(end, start + 1) && start < listStart + list[0].length) return true;
  }
  return false;
}
