/**
 * A refund the customer no longer asks for (round 16): «返金の件、やっぱり取り下げます。次回割引で
 * 大丈夫です», «返金申請は撤回します», «返金は結構です». It is no refund request, and the withdrawal is
 * no cancellation of the contract either (取り下げ is read as one). Only the customer's own statement
 * counts: «返金はなしってどういうことですか» (a refund refused) and «返金の件は取り下げません» do not.
 * Katakana is written in hiragana, like the normalised text (きゃんせる).
 */

const refundWithdrawn =
  /(?:返金|へんきん|払い?戻し)(?:の)?(?:件|話|申請|申し出|依頼|お願い|請求|要求|手続き)?(?:は|も|を|について(?:は)?)?(?:やっぱり|やはり|いったん|一旦|結局|もう)?(?:(?:取り?下げ|撤回|きゃんせる|取り?消し)(?:ます|ました|させて|することに|で(?:お願い|大丈夫|結構|いい|[。!]|$))|(?:なし|無し|なかったこと)(?:で(?:お願い|大丈夫|結構|いい|[。!]|$)|にして|にします)|(?:結構|不要|大丈夫)です|(?:いらない|要らない)(?:です|ので|から|[。!]|$)|(?:いりません|要りません))/gu;

/** True when `at` of normalised text falls inside the customer's withdrawal of a refund. */
export function isRefundWithdrawn(text: string, at: number): boolean {
  refundWithdrawn.lastIndex = 0;
  for (let match = refundWithdrawn.exec(text); match !== null; match = refundWithdrawn.exec(text))
    if (match.index <= at && at < match.index + match[0].length) return true;
  return false;
}
