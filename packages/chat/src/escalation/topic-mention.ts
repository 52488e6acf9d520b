/**
 * A word of distress named as a topic, not felt (round 17): "I wrote a post about noise and mental
 * health on my blog", "is there research on noise and anxiety?". The word follows a piece of writing
 * or study that is "about" or "on" it, in the same sentence, and is not the customer's own ("my
 * mental health", "our anxiety" are felt). One false alarm of round 17.
 *
 * Runs on normalised text.
 */
const topicBefore =
  /\b(?:post|article|blog|piece|talk|podcast|video|research|study|studies|survey|awareness|webinar|thread|essay|book|paper|leaflet|event) (?:about|on|regarding)\b[^.?!]{0,30}$/u;
const ownBefore = /\b(?:my|our|me|i|im|us)\s+$/u;

/** True when the distress word at `start` of normalised text is named as a topic (see the file comment). */
export function isTopicMention(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 60), start);
  return topicBefore.test(before) && !ownBefore.test(before);
}
