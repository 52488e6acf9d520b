/**
 * Request words shouted by someone else (round 18, family "request words of a drama or a neighbour",
 * 3 of the listed false alarms): «隣の人、夜中に電話で「金返せ！」って怒鳴ってて», «ドラマで「契約解除だ！」
 * って叫ぶシーンがあって», "Watched a movie where the guy screams 'you're cancelled!' at his boss". The
 * refund or cancellation words are inside a quotation shouted or said by a third person or a story's
 * character, so they ask nothing of us.
 *
 * Only a speaker who is plainly not the customer nor the service counts: a neighbour, a person or
 * character, a drama or film named before the quotation. The customer's own words («私が「金返せ」って
 * 言ったら…», "I screamed 'cancel it'"), the service's («担当の人が「返金します」と言ってたのに»), and
 * words quoted without a shout or say after them are left to the other rules.
 *
 * Runs on normalised text (katakana folded to hiragana, commas and apostrophes dropped), once per
 * message.
 */

import { oncePerMessage } from './once-per-message';

// Japanese: a quotation of up to 30 characters, then shouted or said («って怒鳴って», «と叫ぶ»).
const japaneseQuote =
  /[「『]([^「」『』]{1,30})[」』](?:って|と)(?:[^。!?]{0,4}?)(?:怒鳴|どな|叫|さけ|わめ|喚|連呼|言って(?:て|る|た|い)|言う(?!と|なら|から)|言いながら)/gu;
// …by a third person or a story named shortly before it in the same sentence.
const japaneseOtherSpeaker =
  /(?:隣|となり|上の階|下の階|上の人|下の人|近所|隣人|住人|どらま|映画|番組|あにめ|しーん|登場人物|男(?:の人)?|女(?:の人)?|おじさん|おばさん|酔っ(?:ぱら|払)い|子ども|子供|夫婦|かっぷる)[^。!?「『]{0,24}$/u;
// …not the customer or the service's people.
const japaneseSelfOrService =
  /(?:私|わたし|自分|僕|ぼく|俺|おれ|担当|御社|貴社|そちら|測定員|すたっふ|窓口|さぽーと)(?:が|は|も|から)?[^。!?「『]{0,12}$/u;
// English (quotation marks mostly dropped by normalisation): a third person or character shouting,
// and the three words right after the shout (not "shouting all night", "shouting, I want to cancel").
const englishShout =
  /\b(?:he|she|they|guy|man|woman|lady|neighbou?rs?|boss|character|someone|somebody|people|kids?|couple|landlord)\b[^.?!]{0,16}?\b(?:screams?|screamed|screaming|yells?|yelled|yelling|shouts?|shouted|shouting|goes) ["“]?(?!(?:at|all|about|for|and|because|so|when|whenever|every|in|on|through|over|from|till|until|like|loudly|again|constantly|i|we|my|our|me|us)\b)(?:[a-z]+ ){0,2}[a-z]+/gu;

const shoutedSpans = oncePerMessage((text: string): Uint8Array => {
  const spans = new Uint8Array(text.length);
  japaneseQuote.lastIndex = 0;
  for (let match = japaneseQuote.exec(text); match !== null; match = japaneseQuote.exec(text)) {
    const before = text.slice(Math.max(0, match.index - 30), match.index);
    if (japaneseOtherSpeaker.test(before) && !japaneseSelfOrService.test(before))
      spans.fill(1, match.index, match.index + 1 + (match[1]?.length ?? 0) + 1);
  }
  englishShout.lastIndex = 0;
  for (let match = englishShout.exec(text); match !== null; match = englishShout.exec(text))
    spans.fill(1, match.index, match.index + match[0].length);
  return spans;
});

/** True when `at` of normalised text lies in words shouted or said by a third person or a story's character. */
export function isShoutedByOthers(text: string, at: number): boolean {
  return shoutedSpans(text)[at] === 1;
}
