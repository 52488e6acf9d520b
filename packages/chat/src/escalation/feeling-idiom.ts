/**
 * A word of fear or anger used as a figure of speech, not felt (round 18, train14-ah/-aj): a degree
 * of something good («報告書、怖いくらい正確でした», «怖いほど当たってる»), a fear said in jest with a
 * laugh right after it («部屋片付けないと…って思うと怖い笑», «こわいw»), and praise marked as such
 * ("This is insane (in a good way)"). The word is kept when the degree is of the noise or of
 * something bad («怖いくらい静かで», «怖いくらいうるさい»), when the laugh is denied («怖すぎて笑えない»),
 * and when "in a good way" is not right after it.
 *
 * Runs on normalised text (katakana folded to hiragana, full-width brackets and «ｗ» in ASCII).
 */
const degreeOfGood =
  /^[いくかさ]?(?:くらい|ぐらい|ほど)[^。!?]{0,6}(?:正確|当た|似て|順調|ぴったり|完璧|詳し|丁寧|早|速|すむーず|分かりやす|わかりやす)/u;
const jest = /^[いくかさ]?(?:です)?(?:笑(?!え|わ|い事|いごと)|\(笑\)|w+(?![a-z]))/u;
const inAGoodWay = /^[^.?!]{0,3}\(?in a good way\b/u;

/** True when the feeling word ending at `end` of normalised text is a figure of speech (see above). */
export function isFeelingIdiom(text: string, end: number): boolean {
  const after = text.slice(end, end + 24);
  return degreeOfGood.test(after) || jest.test(after) || inAGoodWay.test(after);
}
