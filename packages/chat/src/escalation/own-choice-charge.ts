/**
 * A charge the customer explains by a choice of their own and asks only to confirm (round 16):
 * «今月の引き落とし、2回に分かれてるのは分割にしたからですよね？念のため。», «請求が増えたのはおぷしょんを
 * 追加したからですか». It is no billing dispute: the customer names the reason themselves. A charge
 * said to be wrong without such a reason («今月2回引き落とされています») stays one.
 */

const ownChoice =
  /(?:のは|のって|のも)[^。!?]{0,16}?(?:に(?:した|変えた|変更した|切り替えた)|を(?:選んだ|追加した|申し込んだ|付けた|つけた))(?:から|ため)(?:ですよね|だよね|ですか|でしょうか|かな|ですかね|ですね|ね)/u;
const sentenceStop = /[。!?\n]/u;

/** True when the sentence of normalised text from `at` on explains the charge by the customer's own choice. */
export function isOwnChoiceCharge(text: string, at: number): boolean {
  return ownChoice.test(text.slice(at).split(sentenceStop, 1)[0] ?? '');
}
