/**
 * A charge the customer explains by a choice of their own and asks only to confirm (round 16):
 * «今月の引き落とし、2回に分かれてるのは分割にしたからですよね？念のため。», «請求が増えたのはおぷしょんを
 * 追加したからですか». It is no billing dispute: the customer names the reason themselves. A charge
 * said to be wrong without such a reason («今月2回引き落とされています») stays one, and so does a reason
 * the next sentence denies (review r16): «…おぷしょんを追加したからですか？追加した覚えはないです。»,
 * «…分割にしたからですよね？一括で払ったはずなんですが».
 */

// Round 17: a plan extended or changed by the customer («請求金額が先月と違うのは、延長したからですよね？»).
const ownChoice =
  /(?:のは|のって|のも)[^。!?]{0,16}?(?:に(?:した|変えた|変更した|切り替えた)|を(?:選んだ|追加した|申し込んだ|付けた|つけた)|(?:延長|追加|変更|増設|あっぷぐれーど)(?:を)?した)(?:から|ため)(?:ですよね|だよね|ですか|でしょうか|かな|ですかね|ですね|ね)/u;
const deniedNext =
  /覚え(?:は|が)?(?:ない|ありません)|はず|一度だけ|(?:し|選ん|申し込ん)て(?:い)?(?:ない|ません)|のに|けど|けれど/u;
const sentenceStop = /[。!?\n]/u;
/** How far after `at` the two sentences are read (a bounded window keeps it linear). */
const window = 200;

/**
 * True when the sentence of normalised text from `at` on explains the charge by the customer's own
 * choice, and the next sentence does not deny it.
 */
export function isOwnChoiceCharge(text: string, at: number): boolean {
  const [sentence = '', next = ''] = text.slice(at, at + window).split(sentenceStop, 2);
  return ownChoice.test(sentence) && !deniedNext.test(next);
}
