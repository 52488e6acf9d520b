/**
 * An emotion, complaint or billing problem the customer reports as over: told in the past and
 * followed, later in the message, by a resolution or thanks ("先月はイライラしてましたが、話し合いが
 * まとまりました。ありがとうございました", "I was anxious last month, but it's sorted now. Thanks").
 * The signal describes how things were, not how they are, so it does not escalate.
 */

import { oncePerMessage } from './once-per-message';
import { sentenceEnd } from './sentence-around';

// What closes the matter: solved, calmed down, a misunderstanding, thanks; or a present that
// contrasts with it — a good state now ("今はぐっすり眠れてます", "things are calm now", "the anxiety
// is gone", "the last two reports were great"), a changed opinion ("見直しました", "満足してます"),
// a correction or an apology received ("訂正されてました", "お詫びの連絡いただいたので大丈夫です");
// and (round 15) money or a charge that came back or was taken back, seen by the customer
// ("前回の返金、今朝口座に入ってました", "返金されてるのを確認しました", "取り消しを確認しました",
// "refund received in full", "your team already voided it"), and a dispute settled ("和解できました");
// and (round 17) a calm told after the past feeling ("I was furious about this yesterday, but after
// sleeping on it I'm ok"); and (round 16) a refund that "hit my account", "showed up on my card" or that "you processed"
// («返金の処理してもらったの確認しました»).
// Katakana is written in hiragana, like the normalised text (かーど, みす).
const resolution =
  /(?:返金|入金|返還|払い?戻し|取り?消し|取消し?|訂正|修正)(?:され(?:てい?(?:る|ます|まし|た)|まし|た)|(?:いただ|して(?:いただ|もら))(?:き(?:まし)?た|いた)|(?:を|も)?確認(?:でき|し)|済|が?完了)|(?:され(?:てい?)?る|され(?:てい)?た|いただいた|もらった)のを?確認|^(?:の件|は|も|を)?(?:本日|今日|今朝|昨日|無事に?|もう|ちゃんと)?(?:口座への入金を?)?(?:確認(?:でき|し|いたし)まし|受け取り(?:まし)?た|受領し|届き(?:まし)?た|きて(?:まし|た))|^[^。!?]{0,12}?無事に(?:確認|受け取|入金|届|戻|返|入)|^し(?:を|が|も)?確認(?:でき|し)ました|(?:(?:口座|かーど|明細)に(?:入金され|反映され)|(?:戻|返)ってき)(?:ていまし|てまし|ていま(?!せ)|てま(?!せ)|てる|まし|た(?![らり]))|^(?:は|も)?(?:もう|ちゃんと|無事に?|今朝|昨日|今日)?(?:口座に)?入って(?:いまし|まし|ます|る|た(?![らり]))|受領しました|和解(?:でき|し)(?:まし)?た|お手数(?:を)?おかけしました|^[^.?!]{0,8}?\b(?:received|voided|came through|went through|arrived|landed|shows? (?:up )?on my|showed up|hit (?:my|our))\b|\byou (?:processed|issued)\b|\b(?:voided|received (?:the |my |a |full |your )?(?:refund|credit|money|reimbursement))\b|解決(?:し(?:まし)?た|済|でき(?:まし)?た)|落ち着(?:い|き)(?:て|た|まし)|まとま(?:り(?:まし)?た|った)|(?:収|おさ)ま(?:り(?:まし)?た|った)|(?:止|や)みました|静かになり|改善(?:し|され)(?:まし)?た|(?:もう|今は|いまは|ので|から)(?:大丈夫|平気|問題な)|(?:今は|いまは|今では)[^。!?]{0,12}(?:眠れ|快適|元気|安心|満足|楽し|静か)|見直し(?:まし)?た|満足して|(?:訂正|修正)され|直して(?:いただけ|もらえ)|お詫び|勘違い|誤解(?:でした|だった)|(?:私|わたし|こちら)の(?:間違い|みす|確認不足)|おかげ(?:で|さま)|ありがと|感謝|助かり(?:まし)?た|助かります|\b(?:sorted|resolved|fixed|settled|cleared up)\b|all good|(?:was|been|got) (?:reversed|refunded|corrected|credited)|came through|(?:fine|better|ok|okay|calm|quiet|settled|happy) now|(?:is|are|has|have) (?:gone|passed|over)\b|(?:were|was|have been|has been) (?:great|good|fine|excellent|perfect|spot on)|made up for|(?:im|i am|were|we are|i feel) (?:ok|okay|fine|alright|calmer)\b(?! with)|after sleeping on it|\bthank|\bappreciate|my (?:mistake|bad|error)|misunderstanding|turned out/u;
// Told in the past: a past form shortly after the expression, or a past time before it.
const pastAfter =
  /^[^。!?.]{0,14}?(?:た|でした|ました|てた|ていた|だった|かった)|^[^.?!]{0,40}\b(?:but|however)\b|^[^.?!]{0,12}\b(?:was|were|has been|have been|got|had)\b/u;
const pastBefore =
  /(?:以前|前回|先月|先週|先日|こないだ|この前|この間|最初は|はじめは|初めは|当初|前は|昔は|当時|あの頃|あのころ|去年|昨年|\bwas\b|\bwere\b|\bhad\b|\bgot\b|\bused to\b|\bback in\b|\blast (?:week|month|year|time)\b|\bat first\b|\bearlier\b|\binitially\b)[^。!?.]{0,30}$/u;
// Something still wrong after the resolution keeps the signal, and so does a denied one ("nothing
// was fixed", "解決していない" never matches).
const stillOpen = /まだ|未だ|いまだ|また|再び|再度|なのに|\bstill\b|\byet\b|\bagain\b|\bbut now\b/u;
// A resolution told in the past needs no other past form: "…got corrected", "返金を確認できました".
const pastResolution =
  /解決(?:し(?:まし)?た|済|でき(?:まし)?た)|直(?:り(?:まし)?た|った|して(?:いただ|もら))|確認(?:でき|し)ました|(?:返金|訂正|修正|取り?消)(?:され|して(?:いただ|もら)|を確認|済)|(?:was|were|been|got) (?:reversed|refunded|corrected|credited|fixed|resolved|sorted|settled|cleared up|cancelled|canceled|removed|waived)|^(?:返金|入金|返還|払い?戻し|取り?消し|取消し?|訂正|修正|され|いただ|もら|し(?:を|が|も)?確認|口座|かーどに|明細に|戻ってき|返ってき|の件|は|も|を|もう|ちゃんと|無事|本日|今朝|昨日|今日|確認|受け取|届き|きて|入って|受領|和解)|^[^.?!]{0,8}?\b(?:received|voided|came through|went through|arrived|landed|shows? (?:up )?on my|showed up|hit (?:my|our))\b|\byou (?:processed|issued)\b/u;
// "thanks for fixing the double charge": the thanks comes first.
const thanksForBefore =
  /(?:\bthank|\bappreciate)[^.?!]{0,12} for (?:fixing|sorting|correcting|resolving|refunding|reversing|handling|dealing with|taking care of)\b[^.?!]{0,40}$/u;
const deniedBefore =
  /\b(?:not|nothing|never|nobody|no one|isnt|hasnt|wasnt|werent|havent|didnt|dont|no)\b[^.?!]{0,12}$/u;

// Review r15: money that "arrived", "landed" or «反映されて» is a resolution only when it is the
// refund or reversal; the charge itself arrives too ("Unauthorized charge arrived on my card",
// «二重に引き落とされていて、かーどに反映されてました»).
const arrivalOnly =
  /反映|入金され|入って|届き|きて|\b(?:received|arrived|landed|shows?|showed up|hit (?:my|our)|came through|went through|you processed|you issued)\b/u;
const refundSubject =
  /返金|返還|払い?戻|取り?消|取消|訂正|修正|戻って|返って|\b(?:refund|credit|revers|money back|reimburs|void|correct)/u;
// A resolution only hoped for or asked about («返金されたら», «返金されたかどうか», "if refunded")
// or denied right after ("received no explanation") resolves nothing; nor (review r16) money that
// showed up only to go ("Refund showed up as pending then disappeared").
const conditionalOrDeniedAfter =
  /^(?:[らりば]|か(?:どうか|[をもは]?(?:教え|確認|知り|分か|わか)))|^\s*(?:no|nothing|none)\b|^[^.?!]{0,30}\b(?:pending|disappeared|vanished|then (?:disappeared|vanished|went|was|got|bounced))\b/u;

// Speed: the rest of a message is read once per match, and a long message with many matches and no
// resolution (20,000 characters of «まだ来ない。») had its rest read again for each (quadratic). Where a
// resolution can start in the message is found once; the rest after `end` can hold one only at its
// first character (where «^» and \b read differently) or where the message holds one after `end`: the
// pattern has no look-behind, and the sentence is cut before a sentence end, where its look-aheads and
// \b read the same as in the message.
const longRest = 400;
const resolutionAt = new RegExp(resolution.source, 'uy');
const resolutionAnywhere = new RegExp(resolution.source, 'gu');
const lastResolutionStart = oncePerMessage((text) => {
  let last = -1;
  resolutionAnywhere.lastIndex = 0;
  for (let match = resolutionAnywhere.exec(text); match !== null; match = resolutionAnywhere.exec(text)) {
    last = match.index;
    // Every start, also one inside the match just found.
    resolutionAnywhere.lastIndex = match.index + (text.codePointAt(match.index)! > 0xffff ? 2 : 1);
  }
  return last;
});

/** The first resolution in `after`, the rest of `text` from `end` (see above). */
function firstResolution(text: string, end: number, after: string): RegExpExecArray | null {
  // A short rest is read at once: finding every start in the message would cost more.
  if (after.length > longRest && lastResolutionStart(text) <= end) {
    resolutionAt.lastIndex = 0;
    if (!resolutionAt.test(after)) return null;
  }
  return resolution.exec(after);
}

/**
 * True when the expression at [start, end) of normalised text is told in the past and the rest
 * of the message reports it resolved (with no "still" after it). With `sentence`, only the rest of
 * its sentence counts: a request («サブスク解除してください。騒音の件は解決しました») is not taken
 * back by another matter resolved in the next sentence.
 */
export function isResolvedPast(text: string, start: number, end: number, sentence = false): boolean {
  let after = text.slice(end);
  if (sentence) {
    const stop = sentenceEnd.exec(after);
    if (stop !== null) after = after.slice(0, stop.index);
  }
  if (thanksForBefore.test(text.slice(Math.max(0, start - 60), start)) && !stillOpen.test(after)) return true;
  const closing = firstResolution(text, end, after);
  if (closing === null) return false;
  if (conditionalOrDeniedAfter.test(after.slice(closing.index + closing[0].length))) return false;
  if (
    arrivalOnly.test(closing[0]) &&
    !refundSubject.test(text.slice(Math.max(0, start - 30), end + closing.index + closing[0].length))
  )
    return false;
  if (stillOpen.test(after.slice(closing.index))) return false;
  if (deniedBefore.test(after.slice(Math.max(0, closing.index - 16), closing.index))) return false;
  return (
    pastResolution.test(after.slice(closing.index)) ||
    pastAfter.test(after) ||
    pastBefore.test(text.slice(Math.max(0, start - 40), start))
  );
}
