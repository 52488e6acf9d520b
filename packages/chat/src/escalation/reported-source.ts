import { oncePerMessage } from './once-per-message';
import { sentenceAround } from './sentence-around';

/**
 * A legal word read or heard about in general, not in the customer's own case, is no legal step
 * (round 16): quoted from a book or an article («「損害賠償が認められた判例」って本に書いてあったんですけ
 * ど»), a general example raised at a meeting («総会で「騒音問題で調停になった例もある」という話が出て»),
 * or a general question the customer says is not their situation ("if a neighbour dispute ever went
 * to court, would your report be something people use? Not my situation, just read about it.").
 *
 * The customer's own step stays legal: «本に「訴えたほうがいい」と書いてあったので訴えます» (the second
 * «訴え» is no quote), "if the neighbour keeps this up, I'll take him to court", "not my situation yet".
 */

// The word inside a quote that is not closed before it.
const insideQuote = /[「『][^」』]*$/u;
// The quote closes and a book, an article, a site or a programme is where it was read: «」って本に書い
// てあった», «」と記事に載っていた».
const readInAfter =
  /^[^」』。]{0,30}[」』](?:って|と|という)?(?:本|記事|さいと|ねっと|番組|てれび|にゅーす|新聞|論文|資料|教科書)(?:に|で)[^。!?]{0,6}?(?:書いて|載って|出て|紹介|読)/u;
// A meeting, a class or a book named before the quote, the quote a general example («…例もある»,
// «判例», «事例», «ケース»), and the quote reported as something said there: «総会で「…例もある」という話が
// 出て».
const sourceBeforeQuote =
  /(?:総会|会議|会合|説明会|勉強会|集会|理事会|授業|講義|せみなー|本|記事|番組|にゅーす|新聞)(?:で|に|には|では|でも)[「『][^」』]*$/u;
const generalExampleAfter =
  /^[^」』。]{0,30}?(?:例|判例|事例|けーす|場合)[^」』。]{0,8}[」』](?:という|って|との)(?:話|意見|説明)(?:が|も)?(?:出|あ)/u;

// Review r16: …but not a quote the customer then applies to their own case: «…ってネットに書いてあった
// ので、うちも請求したいです», «…って記事に載ってたんですが、うちのケースもいけますか？», «…という話が出て、
// うちもそうするべきか迷っています».
const ownCaseAfterQuote =
  /(?:うち|私|わたし|自分|我が家)(?:も|でも)|うちの(?:けーす|場合|件)|そうする|したい|いけますか|できますか|取れますか|使えますか|請求し|払って|払わせ|訴え|相談し/u;

// English: the word in a general condition ("if a dispute ever went to court"), with no "I", "we" or
// "my" in it, in a message that says, without "yet", it is not the customer's situation.
const generalConditionBefore =
  /\bif (?:a|an|someone|somebody|anyone|people|one)\b(?:(?!\b(?:i|im|ive|id|ill|we|were|my|our)\b)[^.?!])*$/u;
const notMySituation =
  /\b(?:not (?:my|our) (?:situation|case|problem|dispute)|nothing to do with (?:me|us)|not (?:about|for) (?:me|us))\b(?! yet)/u;

// Round 17: a quoted word asked about as a word: what it means, a title, or a term written in the
// service's report or terms («「示談」ってどういう意味ですか？ニュースで見て», «「法的措置」って言葉がレポー
// トに出てきたんですが», «「損害賠償」って言葉、利用規約に出てくるんですけど», «レポートの最後に「訴訟での
// 使用を保証するものではありません」ってありますけど、これはただの定型文ですか», «小説で「騒音訴訟」ってタイ
// トルの本読んでて笑いました»; 5 of the round's false alarms). The customer's own case after it
// (ownCaseAfterQuote) keeps the step, and so does a quote said to the customer («「訴えるぞ」って上の人に
// 言われた»: not asked as a word).
const askedAsWordAfter =
  /^[^」』。!?]{0,40}[」』](?:って|という|との|の)(?:どういう意味|意味|何|なん|言葉|文言|一文|表現|たいとる|題名)|^[^」』。!?]{0,40}[」』](?:って|と)(?:あります|書いてあ)[^。!?]{0,12}?(?:定型文|意味|どういう)/u;
const documentBeforeQuote =
  /(?:れぽーと|報告書|規約|契約書|約款|小説|本|漫画|まんが)(?:の最後|の中|の末尾)?(?:に|で|には|では)[「『][^」』]*$/u;
// English: "How loud is too loud legally-speaking? Just general curiosity, no issue at the moment."
// The word in a question with no "I", "we", "my" or "our", in a message that says it is only
// curiosity and not the customer's issue.
const justCuriosity =
  /\b(?:just (?:general )?curiosity|just (?:curious|wondering)|out of (?:general )?(?:interest|curiosity))\b[^.?!]{0,40}\bno (?:issue|problem|dispute)\b(?! yet)/u;
const ownInSentence = /\b(?:i|im|ive|id|ill|we|were|my|our|me|us)\b/u;
// Review r17: and nothing else in the message tells a situation: every other sentence is a question
// with no "I", "we" or "my" in it, or a thanks, and the curiosity sentence itself names no one. "Just
// curious, no problem really. Can you sue a neighbour for noise at 2am? He does it every night." tells
// the customer's own case. Read once per message: a long message of many legal words would otherwise
// be scanned once per word.
const someoneInSentence =
  /\b(?:i|im|ive|id|ill|we|were|my|our|me|us|mine|ours|s?he|hes|shes|they|theyre|them|him|her)\b/u;
const pleasantry = /^(?:thanks?(?: you)?(?: so much)?|cheers|ta|ok|okay|haha|lol)?$/u;
const curiosityOnly = oncePerMessage((text) => {
  const curiosity = justCuriosity.exec(text);
  if (curiosity === null) return false;
  let at = 0;
  for (const sentence of text.split(/(?<=[.!?。\n])/u)) {
    const from = at;
    at += sentence.length;
    const words = sentence.replace(/[.!?。\n\s]+$/u, '').trim();
    if (from <= curiosity.index && curiosity.index < at) {
      if (someoneInSentence.test(words.replace(curiosity[0], ''))) return false;
    } else if (sentence.trimEnd().endsWith('?')) {
      if (ownInSentence.test(words)) return false;
    } else if (!pleasantry.test(words)) return false;
  }
  return true;
});
const notMySituationInMessage = oncePerMessage((text) => notMySituation.test(text));

// Round 18: words heard through the wall, in quotes («隣の夫婦が毎晩ケンカしてて「訴えてやる！」「弁護士呼ぶぞ！」
// って怒鳴り声が聞こえてきます», «「弁護士さんに任せたから」と大声で言ってるのが毎日聞こえます») or in English
// ("I hear stuff like ill see you in court! through the wall"); not words said to the customer («「お前を
// 訴えてやる」って聞こえよがしに…»: the customer addressed).
const heardAfterQuote =
  /^[^」』。]{0,20}[」』](?:[「『][^」』]{0,20}[」』]){0,3}(?:って|と|という|みたいな)?[^。!?]{0,24}?聞こえ/u;
const customerAddressedInQuote = /お前|おまえ|あんた|お宅|おたく|てめえ|下の|上の|隣の/u;
const heardBefore = /\bhear\w*\b(?:(?!\b(?:so|and|but|then) (?:i|im|ill|we|well)\b)[^.?]){0,60}$/u;
const throughWallAfter = /^[^.?]{0,20}?\bthrough (?:the|our|my) (?:wall|walls|ceiling|floor)\b/u;
const customerAddressed = /\b(?:me|my|us|our)\b/u;
// Round 18: someone else's story: a drama, a post, a thread or an article about someone else's suit
// ("Saw a viral thread about someone suing their neighbour over noise", "I watched a drama last night
// where a family sued over noise", "a short story where two neighbours end up in court"), and in
// Japanese the word naming what a programme, a post or a video is about («騒音で慰謝料が認められた裁判の
// ニュース», «隣人を訴えた人の投稿がバズってました», «裁判の傍聴マニアのYouTube»). Not when the customer
// then takes it up ("…and I want to do the same", «うちも訴えたい»).
const englishStoryBefore =
  /\b(?:story|novel|drama|show|series|film|movie|episode|sitcom|thread|post|article|video|documentary)\b(?: [a-z]+){0,2} (?:where|in which|about)\b([^.?!]{0,60})$/u;
// Review r18 (H2): not when the customer's own clause runs between the story and the word ("I have a
// video of him where he screams at my kids, I want to sue him", "There is a post where my neighbour
// admits the noise, I will sue him with it", "the article about my case: the court hearing…"), nor when
// the media is the customer's own, had, used, sent or recorded ("Can I use the video about his shouting
// in court?", "I recorded a video where he bangs on my wall").
const ownInStoryGap = /\b(?:i|im|ive|id|ill|we|my|our|me|us)\b/u;
const ownMediaBefore =
  /\b(?:use|using|used|submit\w*|show|present|send|sent|attach\w*|recorded|filmed|took|made|have|got|here is|heres|my|our)(?: (?:a|an|the|this|that|these|those|my|our))?(?: [a-z]+)? (?:story|novel|drama|show|series|film|movie|episode|sitcom|thread|post|article|video|documentary)\b/u;
// Japanese: the word names what the media is about, right before it («裁判のニュース», «隣人を訴えた人の投稿»,
// «騒音を扱った裁判の記事»)…
const japaneseStoryAfter =
  /^(?:[^。!?、]{0,12}?の|を扱った|についての)(?:投稿|にゅーす|記事|動画|番組|youtube|ゆーちゅーぶ|どらま|映画|漫画)/u;
// …and the sentence uses no media as evidence, nor tells the customer's own («裁判で録音データや動画は証拠
// になりますか», «訴訟用に動画を撮っています», «弁護士の動画でみたんですが、…報告書って証拠になりますか»).
const japaneseEvidenceInSentence = /証拠|録音|録画|録っ|録り|撮|使|用に|うち|私|自分|我が家/u;
// Review r18 (S3): read once per message first; a message with none of them needs no sentence.
const japaneseEvidenceInMessage = oncePerMessage((text) => japaneseEvidenceInSentence.test(text));
// …or a story the customer is writing, asked about with no one of the customer's own in the word's
// sentence ("Is it realistic that a measurement report would be used in court?", «小説を書いていて、
// 騒音トラブルが裁判沙汰になる話を考えています»).
const writingFiction =
  /\b(?:writing|write|wrote) (?:a|my|the) (?:short story|story|novel|book|script|screenplay|play)\b|(?:小説|物語|脚本|しなりお|漫画)(?:で|を)[^。!?]{0,12}?(?:書い|題材|考えて)/u;
const japaneseFictionInSentence = /話|題材|すとーりー|取材|小説/u;
const ownStoryInSentence = /\b(?:i|im|ive|id|ill|we|were|my|our|me|us)\b|うち|私|自分|我が家/u;
const takenUpAfter =
  /\b(?:same|too|also|as well|like (?:them|that|they did|him|her)|could (?:i|we)|can (?:i|we)|should (?:i|we))\b|うちも|私も|うちでも|うちにも|当てはま|うちの(?:場合|けーす)|いけますか|使えますか|同じ(?:ように|こと)|訴え|請求|慰謝料|弁護士に|裁判(?:を|に)/u;
const writingFictionInMessage = oncePerMessage((text) => writingFiction.test(text));
// Review r18 (S3): whether the message has a word of taking up at all, read once per message; only then is
// the rest after each word read.
const takenUpInMessage = oncePerMessage((text) => takenUpAfter.test(text));

// Round 18: a question in general, said so, with no situation of the customer's own in the message
// («騒音トラブルって、一般的にどのくらいの割合で裁判になるものなんですか？興味があって»).
const japaneseGeneral = /一般的に|一般論|一般的な話/u;
const japaneseOwnSituation = /うち|私|自分|我が家|隣|上の|下の|管理会社|大家|相手方|予定|したい|考えて/u;
// …asking how it goes, not how to find a lawyer or what it costs («騒音トラブルに強い弁護士って、一般的に
// どうやって探すんですか？» stays legal).
const japaneseSeeking = /探|頼|依頼|相談|費用|いくら|弁護士/u;
const japaneseGeneralOnly = oncePerMessage(
  (text) => japaneseGeneral.test(text) && !japaneseOwnSituation.test(text),
);

// Review r18 (H3): in English the story itself is named in the word's sentence or the one before it
// ("…a short story where the main character… Is it realistic that a report would be used in court?");
// "I am writing my novel at home and the noise makes it impossible. Court is the next step" names none.
const storyNamed = /\b(?:story|stories|plot|characters?|scenes?|chapters?|protagonist|fiction|fictional)\b/u;
function storyNamedNear(text: string, start: number, sentence: string): boolean {
  if (storyNamed.test(sentence)) return true;
  const head = text.slice(Math.max(0, start - 240), start).split(/[.!?。\n]/u);
  return head.length > 1 && storyNamed.test(head[head.length - 2] ?? '');
}

/** True when the legal word at [start, end) of normalised text is heard through the wall or told of in someone else's story. */
export function isHeardOrStory(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 48), start);
  const after = text.slice(end, end + 48);
  if (insideQuote.test(before) && heardAfterQuote.test(after)) {
    const open = Math.max(before.lastIndexOf('「'), before.lastIndexOf('『'));
    if (!customerAddressedInQuote.test(before.slice(open) + after.slice(0, after.search(/[」』]/u))))
      return true;
  }
  const english = /^[a-z]/u.test(text.slice(start, end));
  if (
    english &&
    heardBefore.test(text.slice(Math.max(0, start - 80), start)) &&
    throughWallAfter.test(text.slice(end, end + 60)) &&
    !customerAddressed.test(text.slice(Math.max(0, start - 16), start))
  )
    return true;
  const takenUp = () => takenUpInMessage(text) && takenUpAfter.test(text.slice(end, end + 160));
  const window = english ? text.slice(Math.max(0, start - 90), start) : '';
  const story = english ? englishStoryBefore.exec(window) : null;
  if (
    story !== null &&
    !ownInStoryGap.test(story[1] ?? '') &&
    !ownMediaBefore.test(window.slice(0, window.length - (story[1] ?? '').length)) &&
    !takenUp()
  )
    return true;
  if (
    !english &&
    japaneseStoryAfter.test(after) &&
    !insideQuote.test(before) &&
    !takenUp() &&
    !(
      japaneseEvidenceInMessage(text) &&
      japaneseEvidenceInSentence.test(sentenceAround(text, start, end, 160).sentence)
    )
  )
    return true;
  if (writingFictionInMessage(text)) {
    const { sentence } = sentenceAround(text, start, end, 160);
    const japanese = /[^\s!-~]/u.test(text.slice(start, end));
    if (
      japanese
        ? japaneseFictionInSentence.test(sentence) && !/うち|私|自分|我が家/u.test(sentence)
        : !ownStoryInSentence.test(sentence) && storyNamedNear(text, start, sentence)
    )
      return !takenUp();
  }
  return false;
}

/** True when the legal word at [start, end) of normalised text is read or heard about in general. */
export function isReportedFromSource(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 48), start);
  const after = text.slice(end, end + 48);
  if (insideQuote.test(before) && !ownCaseAfterQuote.test(text.slice(end, end + 120))) {
    if (readInAfter.test(after)) return true;
    if (sourceBeforeQuote.test(before) && generalExampleAfter.test(after)) return true;
    if (askedAsWordAfter.test(after) || documentBeforeQuote.test(before)) return true;
  }
  if (isHeardOrStory(text, start, end)) return true;
  if (japaneseGeneralOnly(text) && /^(?:裁判|訴訟|調停)$/u.test(text.slice(start, end))) {
    const { sentence, question } = sentenceAround(text, start, end);
    if (question && !japaneseSeeking.test(sentence)) return true;
  }
  if (curiosityOnly(text)) {
    const { sentence, question } = sentenceAround(text, start, end);
    if (question && !ownInSentence.test(sentence)) return true;
  }
  return (
    generalConditionBefore.test(text.slice(Math.max(0, start - 80), start)) && notMySituationInMessage(text)
  );
}
