import { oncePerMessage } from './once-per-message';
import { sentenceAround } from './sentence-around';

/**
 * When a legal or threat word is no legal step in the customer's own case (round 12). The issue's
 * convention: legal topics always escalate, questions included, and so does a legal step someone
 * else suggests for the customer's own case ("my colleague told me I can ask compensation through
 * the court"). They are no legal topic when the step is denied ("訴訟とかは考えてないです", "not
 * looking to go to court or anything", "No lawsuits, no drama"), when someone else's words are
 * quoted and the customer turns them down or laughs them off («友達に「訴えれば?」って言われたけど
 * 笑 そこまでする気はないです», "my dad keeps saying 'just sue them'. we're not doing that"), or when
 * the word names who recommended the service or what someone does for a living («弁護士の友人に
 * 薦められて», "my lawyer friend recommended you", "we're a law firm on the 5th floor",
 * «消費者センターの人に紹介されました»), or a legal department that wants a contract's paperwork.
 *
 * Each match is judged on its own: the customer's own step later in the message ("…but I will sue
 * if this goes on") is another match and still escalates.
 */

// A denial of the step after the word, in the same sentence: 訴訟とかは考えてないです, 言うつもりは
// ないですよ, 弁護士とかそういう大げさな話じゃなくて, 今回は弁護士は関係なく. "Not a big deal" and
// "not that kind of talk" must stand right next to the word: «訴えますよ、大げさではなく» insists,
// and «弁護士に相談するしかないのではないでしょうか» asks whether it must come to that.
const japaneseDeniedAfter =
  /^[^。!?]{0,30}?(?:考えて(?:い)?(?:ない|ません|ないです)|つもり(?:は|も)?(?:全然|全く|まったく|一切|別に|毛頭)?(?:ない|ありません|ございません|なく)|(?:する|やる)気(?:は|も)?(?:全然|全く|まったく|一切|さらさら)?(?:ない|ありません|なく)|そこまで(?:する|は|じゃ|では|の話|大げさ)|関係(?:なく|ない|ありません)|予定は(?:ない|ありません)|しに来た(?:ん|の)?(?:じゃ|では)(?:な|ありません))|^(?:[ぁ-ん]{0,2}(?:とか|なんて|みたいな|って|という|など)[はも]?)?(?:そういう|そんな)?(?:(?:大げさ|おおげさ)(?!(?:では|じゃ)(?:なく|ない|ありません))|の?(?:話|こと)(?:じゃ|では)(?:なく|ない|ありません))|^[ぁ-ん]{0,3}?の(?:じゃ|では)なく|^[ぁ-ん]{0,2}とか(?:は|も)?(?:じゃ|では)(?:なく|ない)|^(?:に)?(?:どうこう)?(?:って|と|という)より/u;
// …or before it in English: "not looking to go to court", "No lawsuits", "no intention of suing". The
// denial governs the word itself: no new subject or clause in between ("we are not going to pay we
// will sue you", "not going to lie i will sue").
const governedWord = '(?!(?:i[mld]?|we(?:re|ll)?|you|s?hes?|they|and|but|so|if|lie)\\b)[a-z]+';
const englishDeniedBefore = new RegExp(
  `(?:^|[^a-z])(?:no|not (?:looking|planning|going|trying|wanting|interested|thinking)(?: to| in| about| of| on)?(?: ${governedWord}){0,3}|no (?:intention|plans?|interest|desire|wish) (?:of|to|in)(?: ${governedWord}){0,3}|(?:dont|do not|wont|will not) (?:want|plan|intend|wish) to(?: ${governedWord}){0,3})\\s*$`,
  'u',
);
const englishDeniedAfter = /^[^.?!]{0,30}?\b(?:or anything|(?:isnt|is not|not) (?:an option|on the table))/u;
// A joke that is negated says the opposite: "not joking", "no joke", «冗談ではなく», «冗談で言ってる
// んじゃない», «冗談抜きで».
const japaneseJoke =
  /冗談(?!(?:では|じゃ)(?:なく|ない|ありません)|抜き|で(?:は|言って(?:る|い(?:る)?)?(?:ん|の|わけ)?(?:じゃ|では)))/u;
// Someone else's step turned down or laughed off, anywhere after it: "were not doing that", "it
// wont come to that", «そこまでする気はない», «全然そんなつもりない», «冗談で». A bare "haha", "lol"
// or emoji is no turning down: "…so im suing him haha" still sues.
const englishTurnedDown =
  /\b(?:(?:were|we are|im|i am) not (?:doing|going to do|gonna do) (?:that|it)|(?:wont|will not|isnt going to|wouldnt|doesnt need to) (?:come|go|get) to that|(?:lmao|lol|haha) no\b|no drama|not going there|being dramatic|all bark|not worried|as a joke|running joke|in jest|(?:s?he|they)(?:s|re| was| were)? (?:just )?(?:joking|kidding)|we (?:both )?laughed)/u;
const japaneseTurnedDown =
  /(?:そこまで|そんな)(?:の|こと)?(?:する|やる)?(?:気|つもり)(?:は|も)?(?:全然|全く|まったく|一切|別に|さらさら)?(?:ない|ありません|なく)|そこまで(?:じゃ|では)(?:ない|なく)/u;
const turnedDown = new RegExp(
  `${englishTurnedDown.source}|${japaneseTurnedDown.source}|${japaneseJoke.source}`,
  'gu',
);
// Someone else's words: an open quote before the word that has not closed yet, or "saying",
// "told me to", «って言われ», «と言われ» soon after it. In English the speaker must be someone else
// ("my dad keeps saying", "she joked"), never the customer ("as i said", "like i said before"), and
// no clause of the customer's own may start in between ("my neighbour yells every night so im suing").
const quoteOpen = /[「『"“][^」』"”]*$/u;
const reportedAfter =
  /^[^。]{0,24}?(?:って|と)(?:言われ|いわれ|笑われ|騒い|言って|いって)|^[^。]{0,24}?[」』"”]/u;
const someoneElse =
  '\\b(?:s?he|they|some(?:one|body)|everyone|people|\\w*(?:friend|mate)s?|dad|father|m[ou]m|mother|parents|wife|husband|partner|colleagues?|brother|sister|boss|neighbou?rs?|landlord|family|cousin|bf|gf)(?: (?:in|at|from) (?:[a-z]+ ){0,2}[a-z]+)?(?: (?:always|just|also|literally|keeps?|kept|ha[sd]|was|is))*';
const noOwnClause =
  '(?:(?!\\b(?:so|and|but|(?:be)?cause|then) (?:i[mld]?|ive|we(?:re|ll|d|ve)?)\\b)[^.?!]){0,40}$';
// Group 1 is set when someone else joked rather than said it.
const reportedBefore = new RegExp(
  `${someoneElse} (?:(jok\\w*)|says|said|saying|tell\\w*|told|suggest\\w*|yell\\w*|shout\\w*)\\b${noOwnClause}`,
  'u',
);
const japaneseJokedBefore = new RegExp(`${japaneseJoke.source}${/(?:で|めかして)[^。]{0,16}$/u.source}`, 'u');
// …unless the customer then takes the joke up: "my friend joked i should sue, but honestly im
// considering it", «友達は冗談で訴えればって言うけど、正直本気で考えてます».
const ownTakeAfter =
  /\b(?:honestly|actually|seriously|considering|consider it|thinking (?:about|of) it|might|maybe (?:i|we)|not (?:a|such a) bad idea|not joking)\b|本気|検討|考え(?:て(?:い)?る|てます|中)|ありかも|あり(?:だ|です)と思/u;

// The word as a place or a show, not a step: "the tennis court behind our building", «裁判所の近く
// に住んでる», «弁護士会館の裏», «ドラマの裁判シーン».
const placeOrShowBefore =
  /\b(?:tennis|basketball|badminton|volleyball|futsal|food|squash) $|(?:どらま|てれび|映画|番組|ゆーちゅーぶ|youtube)[^。]{0,8}$/u;
const placeOrShowAfter =
  /^(?:yard\b|所の(?:近く|前|隣|裏|そば|向かい|横)|会?館|しーん|どらま|番組|もの(?:の|を))/u;

// The word names who recommended the service, a profession or an office, not a step. The profession
// must be what is named, next to the word: "im a lawyer myself", "my neighbours a lawyer", «夫は弁護士
// です» — but not "this is a disgrace. my lawyer will contact you" or «私は弁護士に相談します»; a
// "lawyer friend" only when they recommended the service, not "my lawyer friend says i have a case".
const professionWord =
  /^(?:弁護士|べんごし|法律事務所|消費者せんたー|国民生活せんたー|消費生活せんたー|lawyers?|attorneys?|solicitors?|law firm|legal (?:team|department|counsel)|journalists?)$/u;
const japaneseReferralAfter =
  /^(?:さん|の先生)?(?:の)?(?:友人|友達|知り合い|人|方|職員|さいと|ほーむぺーじ|hp)?(?:に|で|から|が|の)?[^。]{0,24}?(?:薦め|勧め|すすめ|紹介|教えてもら|教わ|知りました|知った|で見[たて]|載って|で働|に勤め|勤務)/u;
const japaneseProfessionBefore = /(?:職業|仕事|本業)(?:が|は)$|階が$/u;
const japanesePersonBefore = /(?:私|わたし|夫|妻|主人|父|母|兄|姉|弟|妹|娘|息子)(?:は|が)$/u;
const japaneseProfessionAfter = /^(?:さん)?(?:です|でした|なので|なんで|だから|だけど|として)/u;
const englishProfessionBefore =
  /\b(?:(?!(?:it|this|that|there|here|what)\b)[a-z]+ (?:is|was|are|am)|im|were|hes|shes|theyre|whos|(?:my|our|his|her|the) (?:[a-z]+ )?[a-z]+s|friends?,?|work\w* as) an? (?:[a-z]+ )?$|\bwork\w* (?:at|for|in) (?:an? |the )?(?:[a-z]+ )?$/u;
const englishProfessionAfter =
  /^(?:s? (?:friend|neighbou?r|cousin))?(?: [a-z]+){0,3} (?:recommended|referred|told me about) (?:you|your|this|us)\b|^ (?:who|that) work|^(?: office)?(?: is)? on the \w+ floor/u;
const paperworkContext =
  /\b(?:copy|copies|signature|sign|signed|paperwork|audit|nda|agreement|invoice|purchase order)\b/u;
const disputeContext = /\b(?:dispute|claim|case|court|sue|suing|liab|complain|breach|damage|tenant)/u;

// Round 15: a step that never came, because the dispute was settled before it («隣とは調停とかになる
// 前に和解できました», "we settled before it went to court"). Settled, in the past: «調停になる前に和解
// したいです», "we need to settle before it goes to court" are the customer's own case, and escalate.
const japaneseAvoidedAfter =
  /^[^。!?]{0,6}?(?:に|と)?(?:なる|いく|行く|進む)前に[^。!?]{0,10}?(?:(?:和解|解決)(?:でき|し)(?:まし)?た|話が(?:つき(?:まし)?た|ついた|まとまり(?:まし)?た|まとまった)|(?:収|おさ)まり(?:まし)?た|落ち着き(?:まし)?た)(?![いくかっらり])/u;
const englishAvoidedBefore =
  /\b(?:settled|sorted (?:it|things|this) out|resolved (?:it|things|this)|worked (?:it|things|this) out|made (?:up|peace))\b[^.?!]{0,30}\bbefore (?:it|things|anything|this) (?:went|got|came|had to go|ended up)(?: to| in| near)?(?: a| the)? $/u;
// A question about the premium plan's lawyer review names the service's own lawyer, not a step: "does
// the lawyer review mean a lawyer will contact my neighbour?". Only the lawyer: "does the lawyer review
// mean I can sue them?" asks about a step of the customer's own.
const lawyerReviewFeature = /\blawyer[- ]review|\b(?:reviewed|checked|supervised) by (?:a |the )?lawyers?\b/u;
const reviewingLawyer = /^(?:lawyers?|attorneys?)$/u;
// Review r15: a lawyer acting against someone in the question is the customer's own step: "does the
// lawyer review mean a lawyer will represent me against my landlord?", "…take my landlord on for me?".
const lawyerStepInSentence =
  /\b(?:represent\w*|against|dispute|claim|case|take [a-z ]{0,30}\bon\b|court|sue|suing)\b/u;
// Review r15: the settled step never came only when it was settled, and nothing is open after it: not
// "we never settled…", "it wasn't settled…", "we had hoped it would be settled…", nor a settlement
// broken («…和解したのに、相手が約束を守りません», "…but they never paid", "and now they're ignoring
// the agreement", «でも和解金がまだ振り込まれていません»).
const settlementDeniedBefore =
  /\b(?:never|not|no|wasnt|werent|isnt|didnt|hasnt|havent|hoped?|hoping|wish\w*|would|should|could|might|want\w*|need\w*|tried)\b/u;
const settlementOpenAfter =
  /まだ|また|のに|でも|けど|しかし|守(?:ら|っ(?:て(?:い)?)?な)|払(?:わ|って(?:い)?な)|振り?込(?:ま|んで(?:い)?な)|\b(?:but|still|now|again|never|havent|hasnt|didnt|ignor\w*|refus\w*|breach\w*|broke)\b/u;
// "damages" as a verb is harm to things, not money claimed: "what's your policy if the technician
// damages something?" — but "we'll claim damages", "sue for damages the court awards" stay legal.
const damagesVerbAfter =
  /^ (?:something|anything|things|the|my|our|your|his|her|their|a|an|it|any|furniture|floors?|walls?)\b/u;
// Review r15: the verb needs its subject right before ("if the technician damages…", "it damages"); "any
// damages", "the damages", "owe me damages" are money, and so is the noun with a relative clause after
// ("damages the technician caused", "damages my insurance won't cover").
const damagesSubjectBefore =
  /(?:\b(?:s?he|it|they|someone|somebody|anyone|anybody|this|that|which|who)|\b(?:the|a|an|your|our|his|her|their|this|that) (?!(?:any|all|the|some|no|of|for)\b)[a-z]+)\s*$/u;
const damagesRelativeAfter =
  /^ (?:the|my|our|your|his|her|their|a|an|this|that) (?:[a-z]+ ){0,2}(?:caused|did|made|broke|wont|will|would|cant|didnt|doesnt|couldnt|is|was|has|had|must)\b|^ (?:the|my|our|your) moment\b/u;
const damagesClaimedBefore =
  /\b(?:claim\w*|seek\w*|sue|suing|pay|demand\w*|ask\w* for|want|after|for|get|award\w*)\s*$/u;

// Read once per message: a message with many legal words ("legal team copy legal team copy …")
// would otherwise be scanned once per word. Where the last turning-down phrase starts, or -1.
const lastTurnedDown = oncePerMessage((text) => {
  let last = -1;
  turnedDown.lastIndex = 0;
  for (let match = turnedDown.exec(text); match !== null; match = turnedDown.exec(text)) last = match.index;
  return last;
});
const inDispute = oncePerMessage((text) => disputeContext.test(text));

/**
 * True when the legal or threat word at [start, end) of normalised text is no legal step in the
 * customer's own case: denied, someone else's words turned down, or a profession, office or
 * referral (see the file's comment).
 */
export function isLegalStepNotMeant(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 48), start);
  const after = text.slice(end, end + 48);
  if (placeOrShowBefore.test(before) || placeOrShowAfter.test(after)) return true;
  if (japaneseDeniedAfter.test(after)) return true;
  if (englishDeniedBefore.test(before) || englishDeniedAfter.test(after)) return true;
  if (japaneseAvoidedAfter.test(after) || englishAvoidedBefore.test(before)) {
    const sentenceBefore = before.slice(
      Math.max(...['.', '!', '?', '。'].map((stop) => before.lastIndexOf(stop))) + 1,
    );
    if (!settlementDeniedBefore.test(sentenceBefore) && !settlementOpenAfter.test(text.slice(end, end + 120)))
      return true;
  }
  const someoneSaid = reportedBefore.exec(before);
  // Someone else's joke («冗談で», "my friend joked she'd sue") is no step at all.
  if ((someoneSaid?.[1] !== undefined || japaneseJokedBefore.test(before)) && !ownTakeAfter.test(after))
    return true;
  const reported = someoneSaid !== null || quoteOpen.test(before) || reportedAfter.test(after);
  if (reported && lastTurnedDown(text) >= start) return true;
  const word = text.slice(start, end);
  if (
    word === 'damages' &&
    damagesVerbAfter.test(after) &&
    damagesSubjectBefore.test(before) &&
    !damagesClaimedBefore.test(before) &&
    !damagesRelativeAfter.test(after)
  )
    return true;
  if (reviewingLawyer.test(word)) {
    const { sentence, question } = sentenceAround(text, start, end);
    if (question && lawyerReviewFeature.test(sentence) && !lawyerStepInSentence.test(sentence)) return true;
  }
  if (!professionWord.test(word)) return false;
  if (japaneseReferralAfter.test(after) || japaneseProfessionBefore.test(before)) return true;
  if (japanesePersonBefore.test(before) && japaneseProfessionAfter.test(after)) return true;
  if (/^[a-z]/u.test(word) && (englishProfessionBefore.test(before) || englishProfessionAfter.test(after)))
    return true;
  return /^legal/u.test(word) && paperworkContext.test(after) && !inDispute(text);
}
