/**
 * A cancellation the company has already made and the customer thanks it for (round 17, family
 * "booking cancelled and confirmed", 1 of the 2 listed; the other, «昨日キャンセルした件、再予約できま
 * した», is a rebooking, escalation-lexicon.ts): "Thanks for cancelling the visit for me yesterday,
 * got the confirmation email". Nothing is asked. A cancellation or refund word after the thanks
 * keeps the request: "Thanks for cancelling the visit. Can you also cancel my plan?". Review r17: so
 * does sarcasm, thanks for a cancellation the customer did not want ("Thanks for cancelling my
 * appointment without even telling me. Great service.").
 *
 * Runs on normalised text (apostrophes dropped).
 */

const thanksBefore = /\b(?:thanks|thank you|thx|cheers)(?: so much| again| a lot)? for $/u;
const laterRequest = /\b(?:cancel|refund|terminat|unsubscrib)/u;
// Review r17: thanks said in sarcasm, the cancellation a complaint ("Thanks for cancelling my
// appointment without even telling me. Great service."): a cancellation made unasked, unannounced
// or on the customer, or the thanks capped with mock praise.
const complaintAfter =
  /\bwithout (?:even |any |a )?(?:telling|asking|informing|letting|warning|notice|notif\w*|my (?:consent|permission|say)|a word|explanation|reason)|\b(?:no|zero) (?:notice|warning|word|explanation|reason|call|email)\b|\b(?:didnt|did not|never|not) (?:even )?(?:tell|told|ask|asked|inform|informed|let|warn|notify|notified|bother)\b|\b(?:nobody|no one|noone) (?:told|asked|informed|called)\b|\bon (?:me|us)\b|\b(?:great|brilliant|fantastic|wonderful|amazing|excellent|superb|lovely|top) (?:service|job|work|customer service|stuff)\b|\b(?:well done|nice one|just great|thanks a lot|thanks for nothing|cheers for nothing|real(?:ly)? professional|so professional)\b|\b(?:wow|seriously|unbelievable|ridiculous|typical)\b|\?!|!\?|🙄|👏/u;

/** True when the cancellation word at [start, end) of normalised text is thanked for as done. */
export function isCancellationThankedFor(text: string, start: number, end: number): boolean {
  return (
    thanksBefore.test(text.slice(Math.max(0, start - 24), start)) &&
    !laterRequest.test(text.slice(end, end + 300)) &&
    !complaintAfter.test(text.slice(end, end + 300))
  );
}
