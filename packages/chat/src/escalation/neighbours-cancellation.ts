/**
 * A neighbour's own thing cancelled or not renewed (round 18, family "a third party's cancellation",
 * 3 of the listed false alarms): "The guys next door cancelled their Saturday party apparently", "my
 * neighbour cancelled his drum lessons lmaooo", «隣人が契約更新しないで出ていくって管理会社から聞きました».
 * The cancelling is done by the neighbour (the noise source), of their party, lessons or lease, and is
 * news, not a request to us.
 *
 * Only the neighbour as subject, right before the word in the same sentence, counts, and in English
 * only with their own thing after it (their, his, her): "the neighbour asked me to cancel my booking"
 * and «隣人のせいで解約したい» stay requests of the customer's own.
 *
 * Runs on normalised text (katakana folded to hiragana, commas and apostrophes dropped).
 */

const englishNeighbourBefore =
  /\b(?:neighbou?rs?|(?:guys?|people|family|folks|couple|kids?|tenants?) (?:next door|upstairs|downstairs|above|below)|next door)\b(?: \w+){0,2} $/u;
const englishTheirsAfter = /^ (?:their|his|her)\b/u;
const japaneseNeighbourBefore =
  /(?:隣人|隣の(?:人|部屋の人|住人|家)|となりの(?:人|家)|上の階の(?:人|住人)|下の階の(?:人|住人)|近所の(?:人|家))(?:さん)?(?:が|は)([^。!?のに]{0,8})$/u;
// Review r18 M8: a clause about the neighbour ending in a cause or a pause, then the customer's own
// cancellation («隣の人がうるさすぎて解約したい», «隣人が騒ぐから解約します», «隣人は変わらず、もう解約で»).
const clauseEndInGap = /て|で|から|ので|いし|ず|、/u;

/** True when the cancellation word at [start, end) of normalised text is a neighbour's own (see the file comment). */
export function isNeighboursCancellation(text: string, start: number, end: number): boolean {
  const neighbour = japaneseNeighbourBefore.exec(text.slice(Math.max(0, start - 24), start));
  if (neighbour !== null && !clauseEndInGap.test(neighbour[1]!)) return true;
  return (
    englishNeighbourBefore.test(text.slice(Math.max(0, start - 40), start)) &&
    englishTheirsAfter.test(text.slice(end, end + 8))
  );
}
