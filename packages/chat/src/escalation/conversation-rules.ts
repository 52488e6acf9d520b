import { normalizeText } from '../text/normalize-text';
import { movesOn, pushesOldProblem, withoutTopicSoftener } from './conversation-moves-on';
import { japaneseProgressPatterns } from './japanese-progress';
import { findMissedQuestion } from './missed-question';
import { opensNewProblem } from './new-problem-after-thanks';
import { mayMatch, PatternGate } from './pattern-gate';

const resolution =
  /ありがと|助かりました|助かります|解決しました|解決です|解決できました|よくわかりました|よく分かりました|了解(?:です|しました)|承知しました|問題ありません|お騒がせしました|納得しました|すっきりしました|(?:いけ|開け|使え|見れ)ました(?!か)|\ball (?:good|clear|sorted)\b|\bthats sorted\b|\bthank|\bthx\b|\bgot it\b|that helps|\bsolved\b|\bperfect\b|sorted it/u;

/** True when normalised text closes the topic: thanks, "solved", "got it". */
export function isResolution(normalizedText: string): boolean {
  return resolution.test(normalizedText) && !opensNewProblem(normalizedText);
}

// The customer moving forward: a step done, a fix confirmed, a proposal accepted ("直りました",
// "できました", "did that, it's downloading now", "はい、その日時で大丈夫です").
const progress =
  /(?:直(?:り(?:まし)?た|った)|でき(?:まし)?た|できるように|(?:動き|始まり|表示され|映り|届き|つながり|変わり|消え|出)ました|(?:動|始ま|届|変わ)った|うまく(?:いき|いった)|(?:大丈夫|いけ|おっけー)です)(?!か)|^(?:done|great|cool)\b|\b(?:works|working|worked|fixed|showing|downloading|loading|running) now\b|\bit (?:works|worked)\b|\b(?:did|done|tried) (?:that|it|step)|\b(?:found|got) (?:it|the)\b|\bcheers\b|\bnow (?:it|its|i can|i see)\b/u;
// Round 15: a step reported done («入力しました», "the CSV imported fine", "logged out and in again
// and E-402 is gone"), a proposal accepted or a choice made («それでお願いします», «じゃあスタンダード
// にします», «了解、やってみますー», "Sounds good. I'll leave the device there tonight", "book it
// please"), and moving on to a new, different question («最後にもう一つだけ», «さっきのとは別件で»,
// "Different question —"): the customer is not stuck on the old topic.
const movingOn =
  /(?:入力|設定|登録|送信|申請|再起動|再いんすとーる|いんすとーる|ろぐいん|ろぐあうと)(?:し)?ました(?![がけ])|(?:測|印刷でき|ろぐいんでき|取|送)れ?ました(?!か)|(?:記録|表示|入金|反映)されて(?:い)?(?:まし)?た(?!か)|(?:それ|これ|その[^。!?]{0,8})で(?:お願い|おねがい)します|(?:で|に)(?:します|決めました)(?![かが])|で予約(?:を)?(?:お願い|したい|します)|(?:予約|申し?込み|申込)(?:を)?(?:お願いします|します|したいです)(?!か)|今日中に申し込みます|(?:やって|試して|見て|聞いて|つけて)みます|様子(?:を)?見ます|(?:それ|これ)(?:は)?いいですね|最後に(?:もう)?(?:一つ|ひとつ|1つ)|(?:もう)?(?:一つ|ひとつ|1つ|一個|いっこ)(?:だけ)?(?:聞|質問|お聞き|伺)|別件|(?:\d+|二|三|四)つ目の質問|\b(?:error|warning|message|e-?\d+)\b[^.?!]{0,12}\bgone\b|\b(?:imported|uploaded|installed|there now|all set|sorted|that worked|it worked|shows data|confirmed for)\b|\b(?:book it|lets book|ill book|booking (?:the )?(?:standard|premium|light|basic))\b|\bi(?:ll)? (?:choose|take|go with) (?:the )?(?:standard|premium|light|basic|that|this|it)\b|^(?:ok(?:ay)?,? |right,? |alright,? |great,? )?(?:sounds good|that works|will do|perfect)\b|\b(?:different|another|unrelated|separate) question\b|\bone more(?: thing| question)?:/u;
// …unless the customer is stuck or pressing: the same result, a failure, "still", "again". Written
// in hiragana, like the normalised text (えらー is エラー); an error that went away («エラーが出なく
// なって…保存できました») is no failure. Review r15: a contrast after the step done («再起動しました。
// でも…», "…, but", "though"), any negative present form («反応がありません», «改善しません», «直って
// ない»; not «すみません»), data lost, a blank or spinning screen, asking when it gets fixed, and a
// customer leaving for another company («他社にします», «他の業者に聞いてみます», "find someone who
// can actually fix it", "before I leave", "I'll take that as a no", "whatever") keep it stuck.
// Round 16: «また連絡します», «また考えます», «また来てほしい» and «翌週の同じ時間で» repeat nothing.
// Round 17: nor does «また明日やってみます» (a customer going to bed, conversation-moves-on.ts).
// Review r17: a thing the customer cannot do is stuck too («土曜日が選べない状態», «ボタンが押せない»,
// «アプリが開けず», «つながらない»), the negated potential forms the list above missed.
const stuck =
  /まだ|(?:選べ|押せ|開け|見れ|見られ|使え|払え|送れ|消せ|読め|読み込め|つながら|繋がら|ろぐいんでき|選択でき)(?:ない|ず)|また(?!(?:ご)?連絡|考え|機会|来て|お願い|よろしく|明日(?:やって|試して|見て))|再び|止ま|同じ(?!時間|曜日)|だめ|駄目|変わらな|やはり|(?:別|他|ほか)の(?:やり方|方法)|(?:て|で)(?:おり|い)?ません|(?:でき|動か|直ら|始まら|届か|出)(?:ない|ません|ず)|えらー(?!(?:が|は|も)?(?:出なく|でなく|消え|なくな|解消))|無理|意味(?:ない|がない)|でも|けど|けれど|相変わらず|あいかわらず|ません(?<!(?:すみ|すい|申し訳あり|もうしわけあり|構い|かまい|問題あり)ません)(?!か)|(?:て|で)(?:い)?ない|(?:でーた|記録|写真|ふぁいる|履歴)が[^。!?]{0,6}消え|真っ(?:白|黒)|いつ(?:に)?(?:なったら|直|治|なお)|他社|(?:他|ほか)の(?:業者|会社|さーびす|ところ)|\b(?:still|same|again|nothing|none|errors?|fail\w*|nowhere|useless|pointless|wont|doesnt|didnt|isnt|cant|cannot|not|but|though|whatever|i guess|spins?|spinning|forever|frozen|blank|broken|before i leave|(?:im|i am|ill|i will) leaving|leave (?:you|your)|competitor|another (?:company|provider|vendor)|someone (?:else|who)|as a no|as before|keeps? happening|end(?:ing)? (?:this|it))\b/u;

/** True when normalised text shows a customer stuck or pressing («まだ», «でも», "still", "doesnt"). */
export function showsStuck(normalizedText: string): boolean {
  return stuck.test(normalizedText);
}

// Round 16: signs that a Japanese customer who seems to move on is not (they veto the progress of
// japanese-progress.ts and the patterns above): asking again («…でしたっけ», «で、予約は…», «もう一
// 回», «それでどうなりますか»), resignation («はあ…わかりました», «はいはい», «もういいです», «…と
// しか言えない», «相談しても仕方ない», «もう自分で»), a customer comparing, reconsidering or leaving
// («比較した上で», «乗り換え», «見直し», «続けるか», «更新するか», «ちょっと考えます», «検討中», «検討してみます», «考えてみます», «未定»,
// «予算が削られ», «お金かけられなくて», «厳しい», «キャンセルで», «解約して», «やめます»,
// «終わりに»), a reservation after the acceptance («わかりました。ただ、…»), a sarcastic «そういう対応
// なんですね», an answer that never came («ご連絡なかった»), and asking for a person («担当者さんと直接
// 話せます?», «電話してもらえますか»). Review r16: giving up («諦めます», «他を当たってみます», «自分で
// 何とかしてみます»), counting the visits («これで4回目の訪問ですが») and a sentence left hanging on
// «…ですが» at the end (not a request softened so: «木曜でお願いしたいんですが»).
const notMovingOn =
  /諦め|あきらめ|(?:他|ほか)(?:を|で)(?:当た|あた|探|さが)|自分で(?:何とか|なんとか|やり|やって|調べ)|(?:[2-9]|\d{2,}|[二三四五六七八九十何])(?:回|度)目|(?:です|ます)(?<!(?:たいん|たいの|ほしいん|欲しいん|いいん)(?:です|ます))が。?$|(?:でした|だ)っけ|比較し(?:て|た上)|乗り換え|見直|もう(?:いい|結構)|予算(?:が|を)?(?:削|厳し|減|かっと|足り)|お金(?:が)?(?:ない|かけられ)|^(?:はあ|はぁ)|(?:^|[。!?])(?:(?:で|んで)(?=[\u4e00-\u9fff]|いつ|どう|なに)|だから|結局)|それで(?:どう|いつ|何|なに)|(?:相談|言っ|聞い)ても(?:仕方|しかた|無駄|むだ)|もう自分で|はいはい|としか|どうしよう|と思いたい|(?:きゃんせる|(?:なし|無し))で(?!す)|解約(?:して|を|手続|で(?!は)|したい|します|お願い)|やめ(?:ます|る|たい)|終わりに|(?:もう少し|ちょっと|少し)考え|続けるか|更新するか|検討(?:中|させ|せざる|して)|考えてみ|未定|厳しい|。ただ|(?:そういう|こういう|そんな|こんな)対応|もう一(?:回|度)|(?:担当|責任者|人間)(?:者)?(?:さん|の方)?と(?:直接)?(?:お)?話(?!し合|すのは)|電話(?:でき|して)(?:ますか|もらえ|ください)|(?:連絡|返事|返信|回答)(?:が|も)?なかった/u;
/**
 * True when normalised text shows the conversation moving towards a solution — a step done, a
 * fix confirmed, a proposal accepted — and no sign of being stuck ("still", "same", "だめ").
 */
export function isProgress(normalizedText: string): boolean {
  return showsProgress(normalizedText) && !stuck.test(normalizedText) && !notMovingOn.test(normalizedText);
}

// Speed (r18): the patterns of progress run only on a message that holds their required words
// (pattern-gate.ts): most messages hold none, and the stuck signs run only after one matched.
const progressPatterns: readonly RegExp[] = [progress, movingOn, ...japaneseProgressPatterns];
const progressGate = new PatternGate(progressPatterns);

/** True when one of the patterns of progress matches (the step done, the choice made, …). */
function showsProgress(normalizedText: string): boolean {
  const candidates = progressGate.candidates(normalizedText);
  for (let index = 0; index < progressPatterns.length; index += 1)
    if (mayMatch(candidates, index) && progressPatterns[index]!.test(normalizedText)) return true;
  return false;
}

/**
 * True when normalised text shows a long conversation leaving its old topic: {@link isProgress}, or
 * one of the ways of moving on of conversation-moves-on.ts (a new question announced, a slot chosen,
 * a fix confirmed, a closing) with no stuck sign, unless it announces a new question that asks for the
 * old problem to be remedied ({@link pushesOldProblem}). Only the `unresolved_turns` rule reads the second
 * part; the learned combination keeps reading {@link isProgress}, as it was trained.
 */
export function isMovingOn(normalizedText: string): boolean {
  // Review r17: a new question about the old problem ("can you send a replacement?") is no new topic.
  if (pushesOldProblem(normalizedText)) return false;
  return (
    isProgress(normalizedText) ||
    (movesOn(normalizedText) &&
      !stuck.test(withoutTopicSoftener(normalizedText)) &&
      !notMovingOn.test(normalizedText))
  );
}

const explicitRepeat =
  /さっきも(?:聞|言|質問)|先ほども(?:聞|お聞き|質問|伺)|何度も(?:聞|質問|言って|お聞き|問い合わせ)|何回も(?:聞|質問|言|問い合わせ)|同じ質問|質問に答えて|答えになって(?:い)?ない|聞いたことに答え|繰り返しになりますが|\bas i (?:already |just )?(?:asked|said|mentioned)|\bi (?:already|just) asked|\basked (?:this|that|you) (?:already|before|twice)|\b(?:you|u) (?:didnt|did not|still havent|havent|never) answer|\banswer my question|\bsame question|\basking (?:you )?again|\bhow many (?:more )?times (?:do|must|have|should|will) (?:i|we)|同じこと(?:ばかり|ばっかり|の繰り返し|を何度)|同じ(?:説明|こと|話|質問)を(?:\d|二|三|四|何)(?:回|度)も|堂々巡り|話がるーぷ|\b(?:already )?told you (?:this |that )?(?:twice|already|before|again|three times)|\bi (?:already|just) (?:told|said) (?:you|that|this)|\bgoing (?:round|around) in circles|\b(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) time (?:i|ive|im|i have|i am|we|weve|asking|writing|contacting)|\b(?:second|third|fourth|fifth) (?:email|message|mail|request|call|reminder|follow-?up|attempt|try)\b|(?:2|3|4|5|二|三|四|五|何)(?:回目|度目)(?:の(?:質問|問い合わせ|お問い合わせ|連絡|ご連絡|確認|催促|お願い|めーる|電話)|です(?!けど)|に|になり|なんですが|でしょう|だろう|かな|よ)|(?:前|この前|以前|前回|昨日|先週|先日)(?:に)?も(?:聞い|質問し|質問いた|お聞きし|伺っ|伺い|言っ|言い|書い)|\bfor the (?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) time\b|\bsorry to ask (?:this )?again/u;

/**
 * The phrase that says "I asked this already", or undefined. The phrases of missed-question.ts ("that
 * is not what I asked", «私が知りたいのは») count only after an earlier customer question the assistant
 * answered: pass the normalised history and its roles (none by default).
 */
export function findExplicitRepeat(
  normalizedText: string,
  history: readonly string[] = [],
  roles: readonly string[] = [],
): string | undefined {
  return explicitRepeat.exec(normalizedText)?.[0] ?? findMissedQuestion(normalizedText, history, roles);
}

const punctuation = /[\s\p{P}\p{S}]+/gu;

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (let index = 0; index + 1 < text.length; index += 1) {
    const gram = text.slice(index, index + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

function words(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of text.split(punctuation)) {
    if (word !== '') counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

function dice(left: Map<string, number>, right: Map<string, number>): number {
  let total = 0;
  let shared = 0;
  for (const count of left.values()) total += count;
  for (const [gram, count] of right) {
    total += count;
    shared += Math.min(count, left.get(gram) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

/**
 * Similarity of two normalised texts in [0, 1]: Dice over character bigrams when either contains
 * Japanese, over words otherwise. Symmetric; 1 for identical non-empty texts.
 *
 * @example
 * ```ts
 * textSimilarity('れぽーとはいつ届きますか', 'れぽーとはいつ届くんですか'); // ≈ 0.7
 * ```
 */
export function textSimilarity(left: string, right: string): number {
  const wide = /[^\s!-~]/.test(left) || /[^\s!-~]/.test(right);
  if (wide) return dice(bigrams(left.replace(punctuation, '')), bigrams(right.replace(punctuation, '')));
  return dice(words(left), words(right));
}

/**
 * {@link textSimilarity} against a fixed text, with that text's grams computed once: the
 * classifier compares the new message with every earlier customer message.
 */
export function similarityTo(fixed: string): (other: string) => number {
  const fixedWide = /[^\s!-~]/.test(fixed);
  const fixedBigrams = bigrams(fixed.replace(punctuation, ''));
  const fixedWords = words(fixed);
  return (other) =>
    fixedWide || /[^\s!-~]/.test(other)
      ? dice(fixedBigrams, bigrams(other.replace(punctuation, '')))
      : dice(fixedWords, words(other));
}

/** Normalises once per history entry; the classifier reads each entry several times. */
export function normalizeHistory(
  history: readonly { readonly role: string; readonly content: string }[],
): string[] {
  return history.map((turn) => normalizeText(turn.content));
}

const questionMark =
  /[?？]|(?:ですか|ますか|でしょうか|のか|んですか|かな)[。！!]?\s*$|^(?:what|when|where|why|how|who|which|is|are|do|does|can|could|will)\b/iu;
const englishStopWords = new Set([
  'this',
  'that',
  'with',
  'have',
  'what',
  'when',
  'where',
  'will',
  'your',
  'there',
  'from',
  'they',
  'about',
  'would',
  'could',
  'should',
  'does',
  'still',
  'just',
]);

/** Content terms of raw text: kanji runs, katakana words and English words of four letters or more. */
function contentTerms(text: string): Set<string> {
  const normalized = text.normalize('NFKC').toLowerCase();
  const terms = new Set<string>();
  for (const match of normalized.matchAll(/[\u4e00-\u9fff]+|[\u30a0-\u30ff]{2,}|[a-z]{4,}/gu)) {
    if (!englishStopWords.has(match[0])) terms.add(match[0]);
  }
  return terms;
}

/**
 * True when two customer messages are both questions about the same things: they share at least
 * two content terms (kanji runs, katakana words, English words) and those cover at least 60 % of
 * the smaller message's terms. Catches paraphrased repeats ("レポートはいつ届きますか" /
 * "まだレポート届かないんですか") that character similarity misses.
 */
export function isSameQuestion(current: string, earlier: string): boolean {
  return sameQuestionAs(current)(earlier);
}

/** {@link isSameQuestion} against a fixed message, with its terms computed once. */
export function sameQuestionAs(current: string): (earlier: string) => boolean {
  if (!questionMark.test(current.trim())) return () => false;
  const left = contentTerms(current);
  if (left.size < 2) return () => false;
  return (earlier) => sharesQuestion(left, earlier);
}

function sharesQuestion(left: Set<string>, earlier: string): boolean {
  if (!questionMark.test(earlier.trim())) return false;
  const right = contentTerms(earlier);
  let shared = 0;
  for (const term of left) if (right.has(term)) shared += 1;
  return shared >= 2 && shared / Math.min(left.size, right.size) >= 0.6;
}

// Asking again in other words: "で、…っていつ", "ok but what time exactly", "Again: …", "改めて".
const reasking =
  /^\s*(?:(?:いや|いえ|あの)[、,，\s]*)?(?:(?:で|んで)[、,，\s]|それで|だから|結局|(?:ok(?:ay)?|so|but|well)[\s,:])|\b(?:again|exactly|once more)\b|改めて|もう一(?:度|回)|(?:何度も|何回も|度々|たびたび)(?:すみません|申し訳)|結局|正確に|具体的に|はっきり|って(?:いつ|なに|何|どこ|どう|いくら)/iu;

/**
 * Paraphrase-level terms of normalised text: bigrams inside kanji runs, kana bigrams around a
 * long-vowel mark (the folded katakana words: "れぽーと" → "ぽー", "ーと"), English words of four
 * letters or more without an ending -ing, -ed, -es, -e or -s ("include" and "including" share
 * "includ"), what is asked (いつ, いくら, "when", "how much") and figures ("12,800"). Hiragana and
 * katakana spellings share their terms.
 */
function paraphraseTerms(text: string): Set<string> {
  const terms = new Set<string>();
  for (const [run] of text.matchAll(/[\u4e00-\u9fff]{2,}|[ぁ-んー]*ー[ぁ-んー]*/gu))
    for (let index = 0; index + 1 < run.length; index += 1) {
      const gram = run.slice(index, index + 2);
      if (run.charCodeAt(0) >= 0x4e00 || gram.includes('ー')) terms.add(gram);
    }
  for (const [word] of text.matchAll(/[a-z]{4,}/gu))
    if (!englishStopWords.has(word)) terms.add(word.replace(/(?:ing|ed|es|e|s)$/u, ''));
  // What is asked (when, how much, where) and the figures it is about count as terms too.
  for (const [term] of text.matchAll(askedWord)) terms.add(term);
  return terms;
}

const askedWord =
  /いつ|いくら|どこ|何時|何日|何円|\d[\d,.]{2,}|\b(?:when|where|how (?:much|long|many)|which)\b/gu;

/**
 * The same point asked again in other words, after an answer: the new message says it is asking
 * again ("で、", "いや、だから", "ok but … exactly", "again", "改めて", "…っていつ", "何度もすみませんが")
 * and shares at least two paraphrase terms, 40 % of the smaller message's, with an earlier customer
 * message (raw new message, normalised texts).
 */
export function reaskedAs(raw: string, text: string): ((earlier: string) => boolean) | undefined {
  if (!reasking.test(raw.normalize('NFKC'))) return undefined;
  const left = paraphraseTerms(text);
  if (left.size < 2) return undefined;
  return (earlier) => {
    const right = paraphraseTerms(earlier);
    let shared = 0;
    for (const term of left) if (right.has(term)) shared += 1;
    return shared >= 2 && shared / Math.min(left.size, right.size) >= 0.4;
  };
}
