/**
 * A refund or charge the customer restates as explained and accepts (round 18, family "refund
 * explanations accepted, billing worries cleared"): «返金額が数百円少ないなと思ったら振込手数料の分だった
 * んですね。規約を読んで納得しました», «なるほど、返金は申請から10営業日以内なんですね。わかりました、
 * 待ちます», «先月の請求、測定2回分だと思ってたら、1回は夜間オプションでしたね。明細見て納得です»,
 * «妻から「今月の請求ちょっと高くない？」と言われたので確認したら、…追加してたのを忘れてました。合って
 * ます、大丈夫です».
 *
 * Two things must hold: the sentence with the word ends by restating («…んですね», «…でしたね») or
 * tells of a check that found the cause («と思ったら», «確認したら», «忘れてました»), and an
 * acceptance follows (納得しました, 合ってます, わかりました, 待ちます, 大丈夫です). Trouble after it
 * keeps the signal: «…10営業日以内なんですね。もう15日経ってますけど», «…納得できません», a question,
 * or a request in a later sentence (read by the rules on their own).
 *
 * Runs on normalised text (katakana as hiragana, commas between Japanese characters dropped).
 */

const restated =
  /^[^。!?]{0,60}?(?:んですね|のですね|なんですね|でしたね|だったんですね|だったのですね|ってことですね|ということですね)(?:[。!]|$)/u;
const causeFound =
  /(?:と思ったら|と思ってたら|と思っていたら|確認したら|見たら|調べたら)[^。!?]{0,40}?(?:でした|だった|てました|ていました|忘れて)/u;
const accepted =
  /納得(?:しました|です|できました|いたしました)|合って(?:ます|いました|ました)|(?:わかりました|分かりました|了解(?:です|しました)?|承知しました)|待ちます|(?:大丈夫|問題ない|問題ありません)です(?!か)/u;
// Trouble anywhere after the acceptance; a question only in the acceptance's own sentence («…んですね。
// じゃあ次は、来週の土曜って空いてますか？» moves on to a new question).
const troubleAfter =
  /まだ|経って|過ぎ(?:て|ま)|のに|おかしい|納得(?:でき|いか|いきません)|足りない|間違|じゃないですか|ないです(?:か|よ)/u;

// The worry found true after all («二重だと思ったら本当に二重でした»), or something asked after the acceptance.
const confirmed = /本当に|ほんとに|やっぱり|やはり|確かに|実際に|して(?:くだ|下さ|ほし|もら)|お願いします/u;

/** True when the refund or charge word at `start` of normalised text is restated as explained and accepted. */
export function isExplanationAccepted(text: string, start: number): boolean {
  const sentenceStart = Math.max(text.lastIndexOf('。', start - 1), text.lastIndexOf('!', start - 1)) + 1;
  const from = text.slice(sentenceStart, sentenceStart + 160);
  if (!restated.test(from) && !causeFound.test(from)) return false;
  const acceptance = accepted.exec(from);
  if (acceptance === null) return false;
  const after = from.slice(acceptance.index);
  const ownSentence = after.split(/[。!]/u)[0] ?? '';
  return !troubleAfter.test(after) && !ownSentence.includes('?') && !confirmed.test(from);
}
