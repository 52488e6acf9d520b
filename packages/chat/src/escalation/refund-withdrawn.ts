/**
 * A refund the customer no longer asks for (round 16): «返金の件、やっぱり取り下げます。次回割引で
 * 大丈夫です», «返金申請は撤回します», «返金は結構です». It is no refund request, and the withdrawal is
 * no cancellation of the contract either (取り下げ is read as one). Only the customer's own statement
 * counts: «返金はなしってどういうことですか» (a refund refused) and «返金の件は取り下げません» do not.
 * Katakana is written in hiragana, like the normalised text (きゃんせる). Review r16: a question
 * takes nothing back («返金は大丈夫ですか？» asks whether the refund is all right, «返金なしでいい
 * ですか？» whether the customer must do without).
 *
 * Round 17 (family "a request taken back", 6 of the listed false alarms): a refund asked for before
 * and let go now («さっき返金お願いしたんですけど、やっぱり大丈夫です»), the customer's own quoted words
 * taken back («この前「返金して」って言ったの、取り消してください»), and in English a refund or
 * cancellation request withdrawn ("Scrap the refund request from this morning please", "Ignore my
 * earlier message about cancelling site 2"). An English withdrawal counts only when no refund or
 * cancellation word follows it ("ignore my earlier message about cancelling site 2, cancel all
 * sites instead" still asks), and a question takes nothing back («…やっぱり大丈夫ですか？»).
 *
 * Round 18 (same family, 8 of the listed false alarms): a refund or cancellation asked for or meant
 * earlier and taken back after a reason, in the same message («さっき返金をお願いしましたが、日程を
 * 振り替えてもらえることになったので取り消します», «さっき解約をお願いしましたが、家族と相談して続ける
 * ことにしました。取り消しでお願いします», «返金お願いしようと思ってたけど、…全部ありました。大丈夫
 * です», «解約するかもとお伝えしましたが、撤回いたします»); a cancellation let go («やっぱりキャンセル
 * なしでそのままでお願いします»); and "Scratch my earlier refund request". The taking back must be
 * the customer's own act (取り消します, 撤回いたします, 続けることにしました, やっぱり…そのまま): a
 * cancellation undone by the company («勝手に取り消されました»), a reason with no taking back («まだ
 * 届きません»), and a question («大丈夫ですか») keep the request.
 */

import { oncePerMessage } from './once-per-message';

const refundWithdrawn =
  /(?:返金|へんきん|払い?戻し)(?:の)?(?:件|話|申請|申し出|依頼|お願い|請求|要求|手続き)?(?:は|も|を|について(?:は)?)?(?:やっぱり|やはり|いったん|一旦|結局|もう)?(?:(?:取り?下げ|撤回|きゃんせる|取り?消し)(?:ます|ました|させて|することに|で(?:お願い|(?:大丈夫|結構|いい)(?!(?:です|でしょう|んです|の)?(?:か|\?))|[。!]|$))|(?:なし|無し|なかったこと)(?:で(?:お願い|(?:大丈夫|結構|いい)(?!(?:です|でしょう|んです|の)?(?:か|\?))|[。!]|$)|にして|にします)|(?:結構|不要|大丈夫)です(?!か|\?)|(?:いらない|要らない)(?:です|ので|から|[。!]|$)|(?:いりません|要りません))/gu;

// Round 17: asked before (お願いした, 申請した, 頼んだ), and now let go after けど or が.
const askedThenLetGo =
  /(?:返金|へんきん|払い?戻し)(?:を|の)?(?:お願い|おねがい|申請|依頼|頼ん|申し込ん)(?:し)?(?:た|て(?:い)?た|ました|だ)(?:ん(?:です|だ)|の(?:です)?)?(?:けど|けれど|が)(?:やっぱり|やはり|もう|結局)(?:(?:大丈夫|結構|いい|不要)です(?!か|\?)|(?:大丈夫|結構|いい)(?:[。!]|$)|(?:取り?下げ|撤回|きゃんせる|取り?消し)(?:ます|します|で))/gu;
// Review r18 M9: the reason is read up to the end of its sentence; the taking back may start the next
// sentence («…全部ありました。大丈夫です») or end in 取り消/撤回 there, but «…連絡がありません。電話は
// 結構です» lets go of something else, and «続けることになりました。納得いってません» was not chosen.
// Round 18: asked for or meant earlier (お願いしましたが, しようと思ってたけど, するかもとお伝えしましたが),
// then, after a reason of up to one more sentence, taken back by the customer; a confirming «取り消しで
// お願いします» right after is part of it.
const askedThenTakenBack =
  /(?:返金|へんきん|払い?戻し|解約|かいやく|退会|きゃんせる)(?:の件|の申請|申請)?(?:を|の)?(?:(?:お願い|おねがい|申請|依頼|連絡)(?:し)?(?:た|て(?:い)?た|ました)|頼ん(?:だ|でた|でいた)|(?:お願い|申請)?(?:しよう|する)(?:か)?(?:と|かと|かも(?:と|って)?)(?:思って(?:い)?(?:た|まし(?:た)?)|考えて(?:い)?(?:た|まし(?:た)?)|(?:お伝え|伝え|言い|言っ|ご連絡|連絡)(?:し)?(?:た|ました)))(?:ん(?:です|だ)|の(?:です)?)?(?:けど|けれど|が)[^?。]{0,70}?(?:。\s*(?:[^?。]{0,40}?(?=取り?消|撤回)|(?:やっぱり|やはり|もう|結局|なので|ですので)?))?(?:取り?消し(?:ます|します|させて|で(?:お願い|大丈夫)|を(?:お願い)?|て(?:ください|下さい|ほしい|もらえ)|たい)|撤回(?:します|いたします|させて|で)|(?:続ける|継続する)ことに(?:し|決め|なり(?![^。!?]{0,8}[。!]\s*(?:納得|不満|おかし|困|ひど|酷)))(?!た(?:わけ|訳)|ていな|てな)|(?:やっぱり|やはり|結局)[^。!?]{0,6}?(?:予定(?:どおり|通り)|そのまま|このまま|続け|継続)|(?:大丈夫|結構|不要)です(?!か|\?)|なかったことに)(?:[^?。!]{0,20}[。!]\s*(?:取り?消し|撤回)[^。!?]{0,12})?/gu;
// Round 18: a cancellation let go in place («やっぱりキャンセルなしでそのままでお願いします»).
const cancellationLetGo =
  /(?:やっぱり|やはり|結局)[^。!?]{0,4}?(?:きゃんせる|解約|退会)(?:は)?(?:なし|無し)で(?:そのまま|このまま|お願い|大丈夫|いい)/gu;
// Round 17: a quote request taken back («昨日お願いした見積もり、やっぱり取り下げます»), read as a
// request withdrawn, not a contract cancelled; not beside a contract word («見積もりは取り下げて、解約します»).
const quoteWithdrawn =
  /見積(?:もり|り)?(?:の)?(?:依頼|お願い|件|申し込み)?(?:は|も|を)?(?:やっぱり|やはり|いったん|一旦|結局)?(?:取り?下げ|撤回)(?:ます|します|させて|で(?:お願い|[。!]|$)|[。!]|$)/gu;
const contractWord = /解約|退会|契約|ぷらん|さぶすく|会員/u;
// Round 17: the customer's own quoted refund request taken back («「返金して」って言ったの、取り消してください»).
const quotedRequestTakenBack =
  /「[^」]{0,12}?(?:返金|へんきん|払い?戻|返して)[^」]{0,12}?」(?:って|と)(?:言った|お願いした|頼んだ|書いた|送った|言いました)(?:の|件|こと)(?:は|を|も)?(?:取り?消|撤回|なしに|なかったことに)/gu;
// Round 17: an English refund or cancellation request withdrawn.
const englishWithdrawn =
  /\b(?:scrap|scratch|withdraw|drop|retract|cancel|forget(?: about)?|never ?mind|ignore|disregard)\b (?:the |my |that |our |this )?(?:earlier |previous |last |first |original )?(?:refund|cancell?ation) (?:request|claim|application)\b|\b(?:ignore|disregard|forget(?: about)?|scrap|never ?mind)\b (?:my|the|that|our) (?:earlier |previous |last |first |other )?(?:message|request|email|e-mail|chat|note|mail)s? (?:about|regarding|re|on|asking (?:for|to)) (?:the |a |my )?(?:refund|cancel\w*)|\bnever ?mind (?:about )?(?:the|my) (?:refund|cancellation)\b/gu;
// …unless another refund or cancellation follows it; review r17: or the money asked back in other
// words ("Ignore my earlier message about the refund, I was polite then. Now I demand it back today").
const laterRequest =
  /\b(?:cancel|refund|terminat|unsubscrib|reimburs|demand|chargeback)|\bmoney\b|\b(?:owe|pay|give|send|return|transfer) (?:me|us)\b|\b(?:want|need|expect|get|give|send|pay|return|have)\w* (?:it|them|that|this|my|our|the) [^.?!]{0,20}?\bback\b|\b(?:want|need|expect|get|give|have)\w* (?:it|them|that|this) back\b/u;
/** How far after an English withdrawal another request is looked for (bounded, so linear). */
const laterWindow = 300;

// Review r16: the withdrawals are found once per message, not once per refund or cancellation word
// (a long message of «返金きゃんせるで。» repeated had been read once per match, in quadratic time).
const withdrawnPositions = oncePerMessage((text) => {
  const withdrawn = new Uint8Array(text.length);
  refundWithdrawn.lastIndex = 0;
  for (let match = refundWithdrawn.exec(text); match !== null; match = refundWithdrawn.exec(text))
    withdrawn.fill(1, match.index, match.index + match[0].length);
  for (const pattern of [askedThenLetGo, quotedRequestTakenBack, askedThenTakenBack, cancellationLetGo]) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text))
      withdrawn.fill(1, match.index, match.index + match[0].length);
  }
  if (!contractWord.test(text)) {
    quoteWithdrawn.lastIndex = 0;
    for (let match = quoteWithdrawn.exec(text); match !== null; match = quoteWithdrawn.exec(text))
      withdrawn.fill(1, match.index, match.index + match[0].length);
  }
  englishWithdrawn.lastIndex = 0;
  for (let match = englishWithdrawn.exec(text); match !== null; match = englishWithdrawn.exec(text)) {
    const end = match.index + match[0].length;
    if (!laterRequest.test(text.slice(end, end + laterWindow))) withdrawn.fill(1, match.index, end);
  }
  return withdrawn;
});

/** True when `at` of normalised text falls inside the customer's withdrawal of a refund. */
export function isRefundWithdrawn(text: string, at: number): boolean {
  return withdrawnPositions(text)[at] === 1;
}
