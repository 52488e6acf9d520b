/**
 * A cancellation word that names what a refund is for (round 17, family "a refund received", 1 of
 * the 3 listed): «前回キャンセルした分の返金、無事確認できました», «キャンセル分の返金はいつですか». The
 * object is the refund, not a cancellation: the refund rules read it (a refund asked for,
 * «キャンセルした分の返金をお願いします», still escalates as a refund request).
 *
 * Runs on normalised text (katakana folded: きゃんせる).
 */

const forRefundAfter = /^(?:し(?:た|ていた|てた)|済み|済)?(?:分|ぶん)(?:の)?(?:返金|へんきん|払い?戻し)/u;

/** True when the cancellation word ending at `end` of normalised text names what a refund is for. */
export function namesRefundedPart(text: string, end: number): boolean {
  return forRefundAfter.test(text.slice(end, end + 12));
}
