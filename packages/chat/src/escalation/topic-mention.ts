/**
 * A word of distress named as a topic, not felt (round 17): "I wrote a post about noise and mental
 * health on my blog", "is there research on noise and anxiety?". The word follows a piece of writing
 * or study that is "about" or "on" it, in the same sentence, and is not the customer's own ("my
 * mental health", "our anxiety" are felt). One false alarm of round 17.
 *
 * Round 18 (train14-ah): the word asked of a service or said of people in general ("Which plan is
 * least stressful for someone who…?", "Do you offer anything for people who find noise disputes
 * really stressful?"): a comparative «least/less» right before it, or «people/those/anyone who
 * find/feel/are» in the same sentence. "The least I can say is it is stressful" and "people who know
 * me say I am stressed" are the customer's own: the comparative must be right before the word, and
 * the sentence must not say I/my/me after «who».
 *
 * Runs on normalised text.
 */
const askedOfService = /\b(?:least|less) $/u;
const peopleWho =
  /\b(?:people|those|someone|anyone|customers|residents|tenants|folks) who (?:find|feel|are|get)\b(?![^.?!]{0,40}\b(?:i|im|me|my)\b)[^.?!]{0,40}$/u;
const topicBefore =
  /\b(?:post|article|blog|piece|talk|podcast|video|research|study|studies|survey|awareness|webinar|thread|essay|book|paper|leaflet|event) (?:about|on|regarding)\b[^.?!]{0,30}$/u;
const ownBefore = /\b(?:my|our|me|i|im|us)\s+$/u;

/** True when the distress word at `start` of normalised text is named as a topic (see the file comment). */
export function isTopicMention(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 60), start);
  // Review r18 S3: a message of many such words reads this once per word, so each pattern runs only
  // when a literal it needs is in the 60 characters before ("who", "least/less", "about/on/regarding").
  if ((before.endsWith('least ') || before.endsWith('less ')) && askedOfService.test(before)) return true;
  if (before.includes(' who ') && peopleWho.test(before)) return true;
  return (
    (before.includes(' about') || before.includes(' on ') || before.includes(' regarding')) &&
    topicBefore.test(before) &&
    !ownBefore.test(before)
  );
}
