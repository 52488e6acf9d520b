/**
 * An English question about what something costs is no billing dispute (round 15): "Is the report
 * included in the price or extra?", "are visits on public holidays charged extra too?", "Do I get
 * charged if I cancel during the free trial?". It asks about the price list, not about a charge the
 * customer got. A question about the customer's own charge stays a dispute, however it is asked:
 * "why was I charged twice?", "Did you charge me twice?", "Is this charge a mistake?", "Why is
 * there a charge on my card for a plan I never ordered?".
 */

// The sentence opens as a question: an auxiliary or "what", after a greeting or a lead-in.
const questionOpening =
  /^(?:(?:and|also|so|ok(?:ay)?|hi|hey|hello|quick question|one more(?: thing| question)?|sorry|btw)\b[\s,.:;!-]*)*(?:is|are|does|do|will|would|can|could|should|whats|what|which|how)\b/u;
// …and names no charge of the customer's own, nothing in the past and no reason to ask "why".
const ownCharge =
  /\b(?:why|did|was|were|been|got|gotten)\b|\b(?:charged|billed|debited|taken|paid) (?:me|us)\b|\b(?:charge|bill) (?:me|us)\b|\b(?:my|our) (?:card|bill|invoice|statement|account|bank|payment|receipt|subscription)\b|\b(?:this|that|these|those)\b|\b(?:twice|double|duplicate|two times|wrong|incorrect|mistake|error|overcharg\w*|unauthori\w*|never|didnt|still|already|again|after i|after we)\b/u;

const sentenceStart = /[.!?。!?\n][^.!?。!?\n]*$/u;
const sentenceEnd = /[.!?。!?\n]/u;

/** True when the English sentence around `start` of normalised text asks what something costs. */
export function isEnglishPriceQuestion(text: string, start: number): boolean {
  const before = sentenceStart.exec(text.slice(0, start));
  const from = before === null ? 0 : before.index + 1;
  const stop = sentenceEnd.exec(text.slice(start));
  if (stop === null || stop[0] !== '?') return false;
  const sentence = text.slice(from, start + stop.index).replace(/^[\s\p{P}\p{S}]+/u, '');
  return questionOpening.test(sentence) && !ownCharge.test(sentence);
}
