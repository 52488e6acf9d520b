/**
 * Progress in Japanese conversations (round 16): the ways a Japanese customer moves a long
 * conversation forward that the step-done and choice-made patterns of conversation-rules.ts miss.
 * A writer's 800 Japanese conversations (data/escalation-train11-z.jsonl) had about 200 false
 * alarms of `unresolved_turns` on such messages. The patterns run on normalised text (hiragana,
 * 。 kept, ! and ? in ASCII, 、 between Japanese characters removed); the stuck signs of
 * conversation-rules.ts («まだ», «同じ», «でも», «…ません», «でしたっけ», «解約して») still veto every
 * one of them.
 */

// A choice made or an offer accepted: «木曜でお願いします», «女性でお願いしたいです», «10日にしてく
// ださい» (not «いい加減にしてください»), «1週間にしとく», «オンにしました», «じゃあ明後日の午前で», «じゃ
// あ来月からで», «それで十分です», «JIS準拠なら安心です», «9時なら間に合います», «1円の差ですね。問題な
// いです», «申し込みます», «更新で», «見積もり出してもらえますか», «機器のレンタルお願いします».
const choiceMade =
  /で(?:お願い|おねがい)(?:します|したいです|いたします|できますか)|(?:お願い|おねがい)したいです|[\d日月週時]にしてください|に(?:しとく|しときます|しました)(?![がけ])|(?:^|。|じゃあ|じゃ|では|なら|ほな)[^。!?]{0,12}(?:から|[日月週時]|午前|午後|更新|それ|これ)で(?:[。!]|$)|(?:それ|これ)で(?:十分|大丈夫|ok|おっけー)です|なら(?:安心|十分|大丈夫|問題ない|間に合い|いけ)|問題ないです(?!ね)|申し?込みます|(?:更新|継続)(?:で|します)(?:[。!]|$)|見積(?:もり|書)?(?:を)?(?:ください|お願い|出して|もらえ|いただけ)|(?:測定|れんたる|手配|英語版)(?:を)?(?:お願い|おねがい)(?:します|できますか)/u;

// A step that worked: «入れました», «リンク作れました», «押せるようになりました» (not «動悸がするよ
// うになりました»), «見やすくなりました», «合いました», «今見たら届いてました», «chromeで開いたらいけ
// た», «全部直ってました», «メール来ました», «登録し直しました», «変更完了です» (not «本当に完了です
// か»).
const stepWorked =
  /(?:入れ|作れ|開け|押せ|出せ|見れ|見られ|使え|いけ|行け|合い|戻り|繋がり|解除され)ました(?!か)|(?:いけ|でき|入れ|合っ|直っ|届いて)た(?:[。!]|$)|(?:直っ|届い)て(?:まし)?た|(?:やすく|(?:押せ|使え|入れ|見れ|開け|眠れ|寝れ|寝られ)るように)(?:なりました|なった)|(?:めーる|通知|連絡|返信|荷物|機器|報告書)(?:が|も)?(?:来|き)(?:まし)?た|し直しました(?![がけ])|完了(?:です|しました)(?!か)/u;

// An understanding reached or relief: «そういうことか», «なるほど», «わかりました» (not «料金はわかりま
// した», which goes on to what is still not answered), «理解しました», «それなら納得», «ほんとだ»,
// «はっきり書いてもらえてよかった», «助かってます». Review r16: a bare «はい、わかりました。» with nothing
// after it shows no understanding reached: a stuck customer says it too.
const understood =
  /[てで]よかった(?!の?か)|^よかった|助かってます|そういうことか|なるほど|(?<![のはが])(?:わかりました|分かりました|理解しました)(?![。!\s]*$)|納得(?:です|できました|$|。)|ほんとだ/u;

// A next step of the customer's own: «明細確認してみます», «下の人に聞いてみます» (not «記者に話して
// みます»), «OKもらえたらまた連絡しますね», «すぐ送ります».
const ownNextStep =
  /(?<!話し)(?:て|で)みます(?!か)|(?:たら|また|追って)(?:ご)?連絡(?:します|いたします)|すぐ送ります/u;

// A new question after an acknowledgement or on the side: «へえ、自治体に出せるんですね。測定って…
// 家の中?», «ついでに聞きたいんですが», «お願いします。あと、押印とか要りますか».
const newQuestion =
  /^(?:へえ|へー|そうなんですね|そうなんだ|よかった)[^?]*\?|ついでに|。あと[^。!?]*(?:\?|ですか|ますか)/u;

/**
 * True when normalised Japanese text shows one of the kinds of progress above. It does not look
 * for stuck signs: {@link isProgress} weighs those.
 */
export function showsJapaneseProgress(normalizedText: string): boolean {
  return japaneseProgressPatterns.some((pattern) => pattern.test(normalizedText));
}

/** The kinds of progress above, any of which shows progress (for the pattern gate of isProgress). */
export const japaneseProgressPatterns: readonly RegExp[] = [
  choiceMade,
  stepWorked,
  understood,
  ownNextStep,
  newQuestion,
];
