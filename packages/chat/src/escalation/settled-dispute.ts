/**
 * A legal step that never came, because the dispute was settled first, is no legal step (round 15):
 * «隣とは調停とかになる前に和解できました», "we settled before it went to court". Round 16 adds the step
 * named with its verb or «の前に» («弁護士を入れる前に話し合いで片付きました», «調停の前に話し合いで解決
 * しました»), a step that nearly came or was thought of, then settled after all («簡易裁判までいきかけ
 * ましたけど、結局は示談で話がつきました», «一時は本気で弁護士に頼もうかと思ったこともあるんです。でも
 * 結局…話し合いでおさまりました»), «示談» as the settlement itself, done («示談で話がつきました»), and
 * "before it ever got near a court".
 *
 * Settled, in the past, and nothing open after it: «調停になる前に和解したいです», "we need to settle
 * before it goes to court", "we never settled…", «…和解したのに、相手が約束を守りません», «…話がつき
 * ました。でも相手がお金を払いません» are the customer's own case, and escalate.
 */

// Settled, in the past, and not asked or qualified: not «解決したい», «解決したら», «解決したか»,
// «解決したと思ったら».
const settledPast =
  /(?:(?:和解|解決)(?:でき|し)(?:まし)?た|話が(?:つき(?:まし)?た|ついた|まとまり(?:まし)?た|まとまった)|(?:収|おさ)まり(?:まし)?た|落ち着き(?:まし)?た|片(?:付|づ)(?:き(?:まし)?た|いた))(?![いくかっらりと])/u;
// The step, then «前に» and the settlement: «調停とかになる前に和解できました», «弁護士を入れる前に話し
// 合いで片付きました», «調停の前に話し合いで解決しました».
const japaneseBeforeStep = new RegExp(
  `^[^。!?]{0,6}?(?:(?:に|と|を)?(?:なる|いく|行く|進む|入れる|頼む|立てる|起こす)|の)前に[^。!?]{0,10}?${settledPast.source}`,
  'u',
);
// The step nearly came or was thought of, then «結局» settled: «簡易裁判までいきかけましたけど、結局は示談
// で話がつきました», «弁護士に頼もうかと思ったこともあるんです。でも結局…おさまりました».
const japaneseNearlyThenSettled = new RegExp(
  `^[^。!?]{0,12}?(?:(?:いき|行き|なり)かけ|寸前|(?:しよう|頼もう|立てよう|相談しよう|お願いしよう)か?と(?:思|考)(?:った|えた|いました|えました))[^]{0,40}?(?:結局|けっきょく|最終的に)[^。!?]{0,40}?${settledPast.source}`,
  'u',
);
// Round 17: the wish to take the step was there, then settled by talking: «上の人を訴えたい気持ちもあっ
// たけど、冷静になって話し合いで解決しました».
const japaneseWishThenSettled = new RegExp(
  `^[^。!?]{0,8}?(?:たい|よう)(?:という|と)?(?:気持ち|思い)(?:も|は)?(?:あった|ありました)(?:けど|けれど|が)[^。!?]{0,30}?${settledPast.source}`,
  'u',
);
// «示談» as the settlement itself: «示談で話がつきました», «示談が成立しました».
const japaneseSettlementDone = new RegExp(
  `^(?:で|が)[^。!?]{0,4}?(?:${settledPast.source}|成立し(?:まし)?た(?![いくかっらりと]))`,
  'u',
);
// Round 18: "Our case last year settled out of court, thanks partly to your report." (only the
// sentence after it is read for anything open: "New apartment now" is another matter).
const englishOutOfCourtBefore = /\b(?:settled|resolved) out of $/u;
const englishBeforeStep =
  /\b(?:settled|sorted (?:it|things|this) out|resolved (?:it|things|this)|worked (?:it|things|this) out|made (?:up|peace))\b[^.?!]{0,30}\bbefore (?:it|things|anything|this) (?:ever |even )?(?:went|got|came|had to go|ended up)(?: to| in| near)?(?: a| the)? $/u;
// Review r15: not "we never settled…", "it wasn't settled…", "we had hoped it would be settled…", nor a
// settlement broken or with something still open after it («…和解したのに、相手が約束を守りません»,
// "…but they never paid", "and now they're ignoring the agreement", «でも和解金がまだ振り込まれて
// いません»); review r16: or the trouble back after it («…おさまりました。ところが今月に入って再発して
// います», «相手が約束を破りました»).
const settlementDeniedBefore =
  /\b(?:never|not|no|wasnt|werent|isnt|didnt|hasnt|havent|hoped?|hoping|wish\w*|would|should|could|might|want\w*|need\w*|tried)\b/u;
// Review r17: or a claim of the customer's own after it, against the service or anyone: «…話し合って解決
// しました。ただ御社の報告書が遅れたせいで損害が出たので、その分は請求します».
const settlementOpenAfter =
  /まだ|また|のに|でも|けど|しかし|ところが|ただ(?!いま)|それとは別|別件|請求|損害|賠償|弁償|再発|再び|約束を破|払いません|守(?:ら|っ(?:て(?:い)?)?な)|払(?:わ|って(?:い)?な)|振り?込(?:ま|んで(?:い)?な)|\b(?:but|still|now|again|never|havent|hasnt|didnt|ignor\w*|refus\w*|breach\w*|broke|claim\w*|damages|compensation)\b/u;

/**
 * True when the legal word at [start, end) of normalised text names a step that never came because
 * the dispute was settled first (see the file comment).
 */
export function isSettledBeforeStep(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 80), start);
  const after = text.slice(end, end + 120);
  let settledAt = -1;
  const japanese =
    japaneseBeforeStep.exec(after) ??
    japaneseNearlyThenSettled.exec(after) ??
    japaneseWishThenSettled.exec(after) ??
    (text.slice(start, end) === '示談' ? japaneseSettlementDone.exec(after) : null);
  if (text.slice(start, end) === 'court' && englishOutOfCourtBefore.test(before)) {
    const sentenceAfter = /^[^.!?]{0,120}/u.exec(text.slice(end))?.[0] ?? '';
    return !settlementOpenAfter.test(sentenceAfter) && !/\b(?:will|would|want|hope|try)\b/u.test(before);
  }
  if (japanese !== null) settledAt = end + japanese[0].length;
  else if (englishBeforeStep.test(before)) settledAt = end;
  if (settledAt < 0) return false;
  const sentenceBefore = before.slice(
    Math.max(...['.', '!', '?', '。'].map((stop) => before.lastIndexOf(stop))) + 1,
  );
  return (
    !settlementDeniedBefore.test(sentenceBefore) &&
    !settlementOpenAfter.test(text.slice(settledAt, settledAt + 120))
  );
}
