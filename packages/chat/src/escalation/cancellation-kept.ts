/**
 * A cancellation thought of and given up, in English (round 17, family "a request taken back"; the
 * Japanese forms are in intent-rules.ts, notCancelling): "I was going to cancel but my neighbour
 * started up again, so I'll keep the plan", "We were thinking of cancelling, but we'll stay".
 * The customer keeps the service. A cancellation word after the decision to keep keeps the request
 * ("I was going to cancel but I'll keep it until March, then cancel"), and so does a keep that is
 * denied ("I was going to cancel but then I thought I'd keep it… no, cancel it").
 *
 * Review r17: only the cancellation words inside the kept clause are given up — a request elsewhere
 * in the message stays one ("Please cancel my subscription effective today. We were thinking of
 * cancelling the extra sensor too, but we'll keep the sensor", "Cancel my plan now please. Last month
 * I was going to cancel but decided to stay") — and a threat to leave after the keep, or a keep
 * followed by things getting worse, keeps the cancellation ("…but I'll keep it for now. If the
 * report isn't fixed by Friday I'm out", "…decided to stay, and this month it's worse").
 *
 * Round 18: the keep may be told in the present ("I was going to cancel, but the mediation session
 * actually helped a lot. Staying on!"), and it may come in the next short sentence.
 *
 * Runs on normalised text (apostrophes dropped: "ill", "well").
 */

import { oncePerMessage } from './once-per-message';

const keptAfterAll =
  /\b(?:i|we)(?: was| were| had been|d)? (?:going to|gonna|about to|planning to|thinking (?:of|about)|considering|meaning to|ready to) (?:cancel\w*|terminat\w*|quit)\b[^.?!]{0,80}?\bbut\b[^?!]{0,80}?\b(?:(?:ill|i will|well|we will|im going to|were going to|decided to|gonna|going to|want to|will) (?:keep|stay|continue|stick)|keep(?:ing)? (?:the|my|our|it)\b|staying(?: on| with (?:you|it|the plan|the service))?\b)/gu;
// After the keep: another request, a threat to leave, a condition the keep hangs on, or worse news.
const laterRequest =
  /\b(?:cancel|refund|terminat|unsubscrib)|\b(?:im|i am|were|we are|ill be|well be) (?:out|done|gone|leaving|off)\b|\b(?:ill|i will|well|we will|im going to|were going to|gonna) (?:leave|go elsewhere|switch|walk|move)\b|\bswitch(?:ing)? (?:to|provider|company|supplier)\b|\b(?:otherwise|or else|last chance|final chance|last straw|worse|until|unless)\b|\bif\b[^.?!]{0,60}\b(?:not|isnt|arent|doesnt|dont|wont|hasnt|havent|never|no)\b/u;
/** How far after the keep another request or a threat is looked for (bounded, so linear). */
const laterWindow = 300;

// The spans of kept cancellations, found once per message (the lexicon asks for every cancellation
// word it finds).
const keptSpans = oncePerMessage((text: string): Uint8Array => {
  const kept = new Uint8Array(text.length);
  keptAfterAll.lastIndex = 0;
  for (let match = keptAfterAll.exec(text); match !== null; match = keptAfterAll.exec(text)) {
    const end = match.index + match[0].length;
    if (!laterRequest.test(text.slice(end, end + laterWindow))) kept.fill(1, match.index, end);
  }
  return kept;
});

/**
 * True when the cancellation word starting at `at` of normalised text lies in a cancellation thought
 * of and given up, the service kept, with no request or threat after it.
 */
export function isCancellationKept(text: string, at: number): boolean {
  return keptSpans(text)[at] === 1;
}
