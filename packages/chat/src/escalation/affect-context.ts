/**
 * The tense around an affect or complaint word (round 10), for the learned combination: a feeling
 * placed in the past ("I was angry last week", «先月は不安でした») reads as a hit to the lexicon
 * unless the message also says it is over (resolved-past.ts). The cue does not decide alone: it is
 * a feature the combination weighs against the text model and the word itself. A wider negation
 * scope (six English words before, «ことはない», «ほどではない» after) was tried as a second cue and
 * not kept: its fitted weight came out positive (+0.67), so it did not mark the false alarms.
 */
import type { EscalationReason, EscalationReasonCode } from './escalation-reason';

const affectCodes = new Set<EscalationReasonCode>(['anger', 'anxiety', 'complaint', 'dissatisfaction']);

// A past time or past form before the word, in the same sentence.
const pastBefore =
  /(?:以前|前回|先月|先週|先日|こないだ|この前|この間|最初は|はじめは|初めは|当初|前は|昔|当時|あの頃|あのころ|去年|昨年|その時|そのとき|\b(?:was|were|had|used to|back (?:then|in)|last (?:week|month|year|time|night)|at first|earlier|initially|at the time|ago)\b)[^。!?.]{0,40}$/u;
// A past form right after the word: 不安でした, 怒ってた, イライラしていました, "angry before".
const pastAfter =
  /^[ぁ-ん]{0,6}?(?:でした|ました|だった|かった|てた|ていた|てました|ていました)|^[^.?!]{0,20}\b(?:before|back then|at the time|at first|ago)\b/u;

/**
 * True when the evidence of some anger, anxiety, complaint or dissatisfaction reason sits in a
 * past-tense context of normalised text: a past time or form before it in the same sentence, or a
 * past form right after it (other codes and evidence not found in the text are skipped). For
 * example, "i was angry last week" with the anger evidence "angry" is in the past (internal: the
 * unit tests hold the worked examples).
 */
export function isAffectInPast(text: string, reasons: readonly EscalationReason[]): boolean {
  for (const reason of reasons) {
    if (!affectCodes.has(reason.code)) continue;
    const start = text.indexOf(reason.evidence);
    if (start < 0) continue;
    const end = start + reason.evidence.length;
    if (pastBefore.test(text.slice(Math.max(0, start - 60), start))) return true;
    if (pastAfter.test(text.slice(end, end + 40))) return true;
  }
  return false;
}
