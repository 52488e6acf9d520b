/**
 * The paperwork of a refund (round 16): where its form is («返金申請のフォームってどこにありますか？»)
 * or which account a refund under way goes to («振込先の口座が変わりました。返金はこちらにお願いします：
 * 〇〇銀行 △△支店»). Asking for the form is a question about how refunds work, not a request (a reason
 * given beside it still makes one: «…どこにありますか？もう使わないと思うので» is read by the intent
 * rules as before); new bank details for a refund already agreed are its status, an inquiry.
 * Katakana is written in hiragana, like the normalised text (ふぉーむ).
 */

/** After «返金申請» or «返金手続き»: the form, the page or the office where it is made. */
export const refundPaperworkAfter =
  /^(?:の)?(?:ふぉーむ|用紙|書類|申請書|様式|ぺーじ|りんく|画面|窓口|書き方|送り先|宛先)/u;

// The account the refund is paid to, changed.
const destinationChanged =
  /(?:振込先|振り込み先|振込口座|返金先|口座)(?:の口座|の情報|番号)?(?:が|を|は)?(?:変わ|変更|新しく)/u;

/** True when normalised text changes the account a refund under way is paid to. */
export function changesRefundDestination(text: string): boolean {
  return destinationChanged.test(text);
}
