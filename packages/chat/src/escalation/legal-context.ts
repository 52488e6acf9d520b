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
// ないですよ, 弁護士とかそういう大げさな話じゃなくて, 今回は弁護士は関係なく.
const japaneseDeniedAfter =
  /^[^。!?]{0,30}?(?:考えて(?:い)?(?:ない|ません|ないです)|つもり(?:は|も)?(?:全然|全く|まったく|一切|別に|毛頭)?(?:ない|ありません|ございません|なく)|(?:する|やる)気(?:は|も)?(?:全然|全く|まったく|一切|さらさら)?(?:ない|ありません|なく)|そこまで(?:する|は|じゃ|では|の話|大げさ)|(?:話|こと|の)(?:じゃ|では)(?:なく|ない|ありません)|関係(?:なく|ない|ありません)|大げさ|予定は(?:ない|ありません)|^[ぁ-ん]{0,2}とか(?:は|も)?(?:じゃ|では)(?:なく|ない)|^(?:に)?(?:どうこう)?(?:って|と|という)より|しに来た(?:ん|の)?(?:じゃ|では)(?:な|ありません))/u;
// …or before it in English: "not looking to go to court", "No lawsuits", "no intention of suing".
const englishDeniedBefore =
  /(?:^|[^a-z])(?:no|not (?:looking|planning|going|trying|wanting|interested|thinking)(?: to| in| about| of)?(?: [a-z]+){0,3}|no (?:intention|plans?|interest|desire|wish) (?:of|to|in)(?: [a-z]+){0,3}|(?:dont|do not|wont|will not) (?:want|plan|intend|wish) to(?: [a-z]+){0,3})\s*$/u;
const englishDeniedAfter = /^[^.?!]{0,30}?\b(?:or anything|(?:isnt|is not|not) (?:an option|on the table))/u;
// Someone else's step turned down or laughed off, anywhere after it: "were not doing that", "it
// wont come to that", «そこまでする気はない», «全然そんなつもりない», «冗談で».
const turnedDown =
  /\b(?:(?:were|we are|im|i am) not (?:doing|going to do|gonna do) (?:that|it)|(?:it |that )?(?:wont|will not|isnt going to|wouldnt|doesnt need to) (?:come|go|get) to that|(?:lmao|lol|haha) no\b|no drama|not going there|jok(?:e|ed|es|ing)|being dramatic|all bark|not worried|(?:haha|lol|lmao)\b|😂|🤣)|(?:そこまで|そんな)(?:の|こと)?(?:する|やる)?(?:気|つもり)(?:は|も)?(?:全然|全く|まったく|一切|別に|さらさら)?(?:ない|ありません|なく)|そこまで(?:じゃ|では)(?:ない|なく)|冗談/u;
// Someone else's words: an open quote before the word that has not closed yet, or "saying",
// "told me to", «って言われ», «と言われ» soon after it.
const quoteOpen = /[「『"“][^」』"”]*$/u;
const reportedAfter =
  /^[^。]{0,24}?(?:って|と)(?:言われ|いわれ|笑われ|騒い|言って|いって)|^[^。]{0,24}?[」』"”]/u;
const reportedBefore =
  /\b(?:says|said|saying|keeps? saying|told me to|telling me to|tells me to|suggested|joked|jokes|joking|yells?|yelled|shouts?|shouted)\b[^.?!]{0,40}$/u;

const jokedBefore = /\b(?:joked|joking|jokes)\b[^.?!]{0,40}$|冗談(?:で|めかして)[^。]{0,16}$/u;

// The word as a place or a show, not a step: "the tennis court behind our building", «裁判所の近く
// に住んでる», «弁護士会館の裏», «ドラマの裁判シーン».
const placeOrShowBefore =
  /\b(?:tennis|basketball|badminton|volleyball|futsal|food|squash) $|(?:どらま|てれび|映画|番組|ゆーちゅーぶ|youtube)[^。]{0,8}$/u;
const placeOrShowAfter =
  /^(?:yard\b|所の(?:近く|前|隣|裏|そば|向かい|横)|会?館|しーん|どらま|番組|もの(?:の|を))/u;

// The word names who recommended the service, a profession or an office, not a step.
const professionWord =
  /^(?:弁護士|べんごし|法律事務所|消費者せんたー|国民生活せんたー|消費生活せんたー|lawyers?|attorneys?|solicitors?|law firm|legal (?:team|department|counsel)|journalists?)$/u;
const japaneseReferralAfter =
  /^(?:さん|の先生)?(?:の)?(?:友人|友達|知り合い|人|方|職員|さいと|ほーむぺーじ|hp)?(?:に|で|から|が|の)?[^。]{0,24}?(?:薦め|勧め|すすめ|紹介|教えてもら|教わ|知りました|知った|見た|見て|載って|で働|に勤め|勤務)/u;
const japaneseProfessionBefore =
  /(?:職業|仕事|本業)(?:が|は)$|階が$|(?:私|わたし|夫|妻|主人|父|母|兄|姉|弟|妹|娘|息子)(?:は|が)$/u;
const englishReferralAround =
  /\b(?:recommended|referred|suggested|told me about) (?:you|your|this|us)|\b(?:works?|working) (?:at|for|as)\b|\b(?:were|we are|im|i am|is|hes|shes) an?\b|s an? (?:lawyer|attorney|solicitor|journalist)\b|\bfriend\b|\b(?:on|the) (?:\d+(?:st|nd|rd|th)|ground|top) floor/u;
const paperworkContext =
  /\b(?:copy|copies|signature|sign|signed|paperwork|audit|nda|agreement|invoice|purchase order)\b/u;
const disputeContext = /\b(?:dispute|claim|case|court|sue|suing|liab|complain|breach|damage|tenant)/u;

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
  const reported = quoteOpen.test(before) || reportedAfter.test(after) || reportedBefore.test(before);
  if (reported && turnedDown.test(text.slice(start))) return true;
  // Someone else's joke («冗談で», "my friend joked she'd sue") is no step at all.
  if (jokedBefore.test(before)) return true;
  const word = text.slice(start, end);
  if (!professionWord.test(word)) return false;
  if (japaneseReferralAfter.test(after) || japaneseProfessionBefore.test(before)) return true;
  const around = text.slice(Math.max(0, start - 40), end + 40);
  if (/^[a-z]/u.test(word) && englishReferralAround.test(around)) return true;
  return /^legal/u.test(word) && paperworkContext.test(after) && !disputeContext.test(text);
}
