/**
 * A refund the customer no longer asks for (round 16): «返金の件、やっぱり取り下げます。次回割引で
 * 大丈夫です», «返金申請は撤回します», «返金は結構です». It is no refund request, and the withdrawal is
 * no cancellation of the contract either (取り下げ is read as one). Only the customer's own statement
 * counts: «返金はなしってどういうことですか» (a refund refused) and «返金の件は取り下げません» do not.
 * Katakana is written in hiragana, like the normalised text (きゃんせる). Review r16: a question
 * takes nothing back («返金は大丈夫ですか？» asks whether the refund is all right, «返金なしでいい
 * ですか？» whether the customer must do without).
 */

import { oncePerMessage } from './once-per-message';

const refundWithdrawn =
  /(?:返金|へんきん|払い?戻し)(?:の)?(?:件|話|申請|申し出|依頼|お願い|請求|要求|手続き)?(?:は|も|を|について(?:は)?)?(?:やっぱり|やはり|いったん|一旦|結局|もう)?(?:(?:取り?下げ|撤回|きゃんせる|取り?消し)(?:ます|ました|させて|することに|で(?:お願い|(?:大丈夫|結構|いい)(?!(?:です|でしょう|んです|の)?(?:か|\?))|[。!]|$))|(?:なし|無し|なかったこと)(?:で(?:お願い|(?:大丈夫|結構|いい)(?!(?:です|でしょう|んです|の)?(?:か|\?))|[。!]|$)|にして|にします)|(?:結構|不要|大丈夫)です(?!か|\?)|(?:いらない|要らない)(?:です|ので|から|[。!]|$)|(?:いりません|要りません))/gu;

// Review r16: the withdrawals are found once per message, not once per refund or cancellation word
// (a long message of «返金きゃんせるで。» repeated had been read once per match, in quadratic time).
const withdrawnPositions = oncePerMessage((text) => {
  const withdrawn = new Uint8Array(text.length);
  refundWithdrawn.lastIndex = 0;
  for (let match = refundWithdrawn.exec(text); match !== null; match = refundWithdrawn.exec(text))
    withdrawn.fill(1, match.index, match.index + match[0].length);
  return withdrawn;
});

/** True when `at` of normalised text falls inside the customer's withdrawal of a refund. */
export function isRefundWithdrawn(text: string, at: number): boolean {
  return withdrawnPositions(text)[at] === 1;
}
