/**
 * A reschedule word that offers no reschedule (round 18, family "reschedule refused": 4 of the listed
 * misses). A booking moved to another day is a booking change, not a cancellation, so the rules drop a
 * cancellation from a message with a word of rescheduling in it (振替, 変更, reschedule, move, instead).
 * The word offers no new date when the customer refuses it — «振替じゃなくキャンセルで！», "I asked you to
 * cancel my booking, not to reschedule it", "cancel it instead of rescheduling" — when it tells of our
 * rescheduling complained about ("Too many rescheduled appointments", «何度も日程を変更されて»), or when
 * it is another sense: moving house ("We've decided to move out instead", "I want to cancel my
 * subscription and move.").
 *
 * A message with any other reschedule word still reads as a booking change («振替じゃなくて来週に変更
 * で», "not Monday, reschedule it to Friday"). Runs on normalised text (katakana as hiragana,
 * apostrophes dropped), once per message.
 */

import { oncePerMessage } from './once-per-message';

// Before the word: refused, or told of as something done to the customer again and again.
const refusedBefore =
  /(?:\b(?:not|no|rather than|instead of|without|never asked (?:you )?(?:to|for)|(?:dont|do not|didnt|did not) (?:want|need|ask)(?: you)?(?: to| for)?|no more|too many|so many|all (?:these|the|those)|(?:another|yet another|constant|endless|repeated)) (?:to |a |any |the |it |more )?|(?:何度も|何回も|毎回|度重なる|たびたび|度々)(?:日程|予約|測定)?(?:の|を|が)?)$/u;
// After the word: refused in Japanese, or the English noun of reschedules complained about.
const refusedAfter =
  /^(?:じゃな|ではな|でな|は(?:いら|要ら|不要|結構|しな|しませ|なし|望ん|希望し(?:な|ませ)))|^ed (?:appointments|visits|bookings|measurements|sessions) (?:again|so|too)?|^(?:s|ed) (?:again and again|so many times|(?:two|three|four|\d) times)/u;
// "move" in the sense of moving house, and an "instead" told of that move.
const anotherSense =
  /^(?: (?:out|house|away|abroad|in with|to (?:a |another |the )?(?:new )?(?:flat|house|home|apartment|city|place|area|town))\b|[.!?]|$)/u;
const movingBefore = /\b(?:move|moving|moved) (?:out|house|away|abroad)\b[^.?!]{0,30}$/u;
const insteadOfSelf = /^ of (?:reschedul|rebook|moving|changing|postpon)/u;

/**
 * Wraps a pattern of reschedule words (one capture-free alternation) into a once-per-message test that
 * is true when some match offers a reschedule: not refused, not complained of, not another sense.
 */
export function offersReschedule(words: RegExp): (text: string) => boolean {
  const global = new RegExp(words.source, 'gu');
  return oncePerMessage((text) => {
    global.lastIndex = 0;
    for (let match = global.exec(text); match !== null; match = global.exec(text)) {
      const start = match.index;
      const end = start + match[0].length;
      const before = text.slice(Math.max(0, start - 40), start);
      const after = text.slice(end, end + 32);
      if (refusedBefore.test(before) || refusedAfter.test(after)) continue;
      const word = match[0];
      if (word === 'move' && anotherSense.test(after)) continue;
      if (word === 'instead' && (movingBefore.test(before) || insteadOfSelf.test(after))) continue;
      return true;
    }
    return false;
  });
}
