/**
 * A cancellation the company has already made and the customer thanks it for (round 17, family
 * "booking cancelled and confirmed", 1 of the 2 listed; the other, «昨日キャンセルした件、再予約できま
 * した», is a rebooking, escalation-lexicon.ts): "Thanks for cancelling the visit for me yesterday,
 * got the confirmation email". Nothing is asked. A cancellation or refund word after the thanks
 * keeps the request: "Thanks for cancelling the visit. Can you also cancel my plan?".
 *
 * Runs on normalised text (apostrophes dropped).
 */

const thanksBefore = /\b(?:thanks|thank you|thx|cheers)(?: so much| again| a lot)? for $/u;
const laterRequest = /\b(?:cancel|refund|terminat|unsubscrib)/u;

/** True when the cancellation word at [start, end) of normalised text is thanked for as done. */
export function isCancellationThankedFor(text: string, start: number, end: number): boolean {
  return (
    thanksBefore.test(text.slice(Math.max(0, start - 24), start)) &&
    !laterRequest.test(text.slice(end, end + 300))
  );
}
