/**
 * A cancellation thought of and given up, in English (round 17, family "a request taken back"; the
 * Japanese forms are in intent-rules.ts, notCancelling): "I was going to cancel but my neighbour
 * started up again, so I'll keep the plan", "We were thinking of cancelling, but we'll stay".
 * The customer keeps the service. A cancellation word after the decision to keep keeps the request
 * ("I was going to cancel but I'll keep it until March, then cancel"), and so does a keep that is
 * denied ("I was going to cancel but then I thought I'd keep it… no, cancel it").
 *
 * Runs on normalised text (apostrophes dropped: "ill", "well").
 */

import { oncePerMessage } from './once-per-message';

const keptAfterAll =
  /\b(?:i|we)(?: was| were| had been|d)? (?:going to|gonna|about to|planning to|thinking (?:of|about)|considering|meaning to|ready to) (?:cancel\w*|terminat\w*|quit)\b[^.?!]{0,80}?\bbut\b[^.?!]{0,80}?\b(?:(?:ill|i will|well|we will|im going to|were going to|decided to|gonna|going to|want to|will) (?:keep|stay|continue|stick)|keep(?:ing)? (?:the|my|our|it)\b)/u;
const laterRequest = /\b(?:cancel|refund|terminat|unsubscrib)/u;

/**
 * True when normalised text tells of a cancellation thought of and given up, the service kept (read
 * once per message: the lexicon asks for every cancellation it finds).
 */
export const isCancellationKept = oncePerMessage((text: string): boolean => {
  const kept = keptAfterAll.exec(text);
  if (kept === null) return false;
  const end = kept.index + kept[0].length;
  return !laterRequest.test(text.slice(end, end + 300));
});
