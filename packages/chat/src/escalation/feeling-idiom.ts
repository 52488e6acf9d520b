/**
 * A word of fear or anger used as a figure of speech, not felt (round 18, train14-ah/-aj): a degree
 * of something good («報告書、怖いくらい正確でした», «怖いほど当たってる»), a fear said in jest with a
 * laugh right after a thought of the customer's own («部屋片付けないと…って思うと怖い笑»), and praise marked as such
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
// Review r18 M1: a laugh also follows a real fear («怖いです笑 隣の人がまた夜中に叫んでて», «隣人に睨まれる
// のが怖いw 本気で», «正直怖い笑 もう引っ越したい»). The jest counts only after a thought of the
// customer's own («…って思うと怖い笑», «…かと思うと怖いw»), and not when that sentence names a
// neighbour, a person or the night («隣の人がまた来るって思うと怖い笑»; our technician coming is no
// such person: «測定の人が来る前に部屋片付けないと…って思うと怖い笑»).
const ownThoughtBefore = /(?:と|って)思うと[^。!?、]{0,5}$/u;
const personInSentence = /隣|上の階|下の階|近所|大家|男|女|あいつ|あの人|夜中/u;

/** True when the feeling word ending at `end` of normalised text is a figure of speech (see above). */
export function isFeelingIdiom(text: string, end: number): boolean {
  const after = text.slice(end, end + 24);
  if (degreeOfGood.test(after) || inAGoodWay.test(after)) return true;
  if (!jest.test(after)) return false;
  const before = text.slice(Math.max(0, end - 40), end);
  if (!ownThoughtBefore.test(before)) return false;
  const sentenceStart = Math.max(before.lastIndexOf('。'), before.lastIndexOf('!'), before.lastIndexOf('?'));
  return !personInSentence.test(before.slice(sentenceStart + 1));
}
