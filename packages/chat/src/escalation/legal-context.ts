import { isLawyerReviewFeature } from './lawyer-review';
import { lastMatchStart, oncePerMessage } from './once-per-message';
import { isPastLegalMatter } from './past-legal-matter';
import { isReportedFromSource } from './reported-source';
import { sentenceAround } from './sentence-around';
import { isServiceMediation } from './service-mediation';
import { isSettledBeforeStep } from './settled-dispute';
import { isThreatLookAlike } from './threat-look-alike';

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
 * The premium plan's lawyer review (lawyer-review.ts), a dispute settled before the step
 * (settled-dispute.ts) and a word read or heard about in general (reported-source.ts) are their own
 * files.
 *
 * Each match is judged on its own: the customer's own step later in the message ("…but I will sue
 * if this goes on") is another match and still escalates.
 */

// A denial of the step after the word, in the same sentence: 訴訟とかは考えてないです, 言うつもりは
// ないですよ, 弁護士とかそういう大げさな話じゃなくて, 今回は弁護士は関係なく; since round 16 also
// 訴訟などは考えておらず, and «訴える気» denied right after the verb, an adverb between
// («訴える気はまったくないです»; not «…謝る気はないみたいなので»). "Not a big deal" and "not that kind
// of talk" must stand right next to the word: «訴えますよ、大げさではなく» insists, and «弁護士に相談
// するしかないのではないでしょうか» asks whether it must come to that.
const japaneseDeniedAfter =
  /^[^。!?]{0,30}?(?:考えて(?:も|すら)?(?:い|お)?(?:ない|ません|りません|らず|へん)|わけ(?:じゃ|では)(?:ない|なく|ありません)|懲り懲り|こりごり|ほど(?:の)?(?:こと|話)?(?:じゃ|では)(?:ない|なく)|つもり(?:は|も)?(?:全然|全く|まったく|一切|別に|毛頭)?(?:ない|ありません|ございません|なく)|(?:する|やる)気(?:は|も)?(?:全然|全く|まったく|一切|さらさら)?(?:ない|ありません|なく)|そこまで(?:する|は|じゃ|では|の話|大げさ)|関係(?:なく|ない|ありません)|予定は(?:ない|ありません)|しに来た(?:ん|の)?(?:じゃ|では)(?:な|ありません))|^(?:[ぁ-ん]{0,2}(?:とか|なんて|みたいな|って|という|など)[はも]?)?(?:そういう|そんな)?(?:(?:大げさ|おおげさ)(?!(?:では|じゃ)(?:なく|ない|ありません))|の?(?:話|こと)(?:じゃ|では)(?:なく|ない|ありません))|^[ぁ-ん]{0,2}?(?:あどばいす|助言)(?:で|と)?(?:は|じゃ|では)(?:ない|なく|ありません)|^(?:に|と)?(?:ならず|ならなく)(?:に|て)?(?:済|すん|良|よ)|^る気(?:は|も)?(?:全然|全く|まったく|一切|さらさら|毛頭|ぜんぜん)?(?:ない|ありません|ございません|なく)|^[ぁ-ん]{0,3}?の(?:じゃ|では)なく|^[ぁ-ん]{0,2}とか(?:は|も)?(?:じゃ|では)(?:なく|ない)|^(?:に)?(?:どうこう)?(?:って|と|という)より/u;
// …or before it in English: "not looking to go to court", "not really planning to sue" (round 16),
// "No lawsuits", "no intention of suing". The denial governs the word itself: no new subject or clause
// in between ("we are not going to pay we will sue you", "not going to lie i will sue").
const governedWord = '(?!(?:i[mld]?|we(?:re|ll)?|you|s?hes?|they|and|but|so|if|lie)\\b)[a-z]+';
const englishDeniedBefore = new RegExp(
  `(?:^|[^a-z])(?:no|no more|(?:never|didnt|did not) (?:come|came|get|got|go|went) (?:to|as far as)|(?:nobody|no one)(?:s| is)?|not (?:(?:really|actually|at all|even|remotely|in any way) )?(?:looking|planning|going|trying|wanting|interested|thinking)(?: to| in| about| of| on)?(?: ${governedWord}){0,3}|no (?:intention|plans?|interest|desire|wish) (?:of|to|in)(?: ${governedWord}){0,3}|(?:dont|do not|wont|will not) (?:(?:really|actually|even) )?(?:want|plan|intend|wish) to(?: ${governedWord}){0,3})\\s*$`,
  'u',
);
// Round 18: a disclaimer asked about ("the chatbots answers arent legal advice, right?").
const englishDisclaimerBefore =
  /\b(?:answers?|replies|responses|chatbot|bot|chat|this|it)s? (?:arent|isnt|are not|is not|dont count as|doesnt count as) $/u;
const englishDeniedAfter = /^[^.?!]{0,30}?\b(?:or anything|(?:isnt|is not|not) (?:an option|on the table))/u;
// Review r16: a denial that leaves the step as the only way («法的措置以外は考えておりません», «訴えるほか
// 考えておりません», «訴訟しか考えていません»), is over («考えておりませんでした»), or holds only on a condition
// or until now ("not really planning to sue, unless this isn't fixed by Friday", "not looking to go to
// court, but if the report is wrong again I will", «…でしたが、今回の対応で気が変わりました»).
const onlyWayInDenial = /以外|しか|ほか/u;
const deniedInPastAfter = /^(?:でした|だった|かった)/u;
const changedMindAfter =
  /気が変わ|こうなったら|こうなった以上|次第|場合は|\b(?:unless|but if|otherwise|or else|if not|until)\b/u;
// A joke that is negated says the opposite: "not joking", "no joke", «冗談ではなく», «冗談で言ってる
// んじゃない», «冗談抜きで».
const japaneseJoke =
  /冗談(?!(?:では|じゃ)(?:なく|ない|ありません)|抜き|で(?:は|言って(?:る|い(?:る)?)?(?:ん|の|わけ)?(?:じゃ|では)))/u;
// Round 17: the customer's own joke at someone of the household, marked as such: «夫を訴えたいくらいで
// す（笑）». A wish of degree («くらい», «ほど») and a laugh right after; not at the neighbour or anyone
// in the dispute («上の人を訴えたいくらいです笑» stays legal).
const ownJokeBefore = /(?:夫|妻|主人|旦那|嫁|家族|子供|子ども|息子|娘|猫|犬|母|父)を$/u;
const ownJokeAfter = /^(?:たい|てやりたい)(?:くらい|ぐらい|ほど)[^。!?]{0,6}?(?:笑|[wｗ]|😂|🤣)/u;
// Someone else's step turned down or laughed off, anywhere after it: "were not doing that", "it
// wont come to that", «そこまでする気はない», «全然そんなつもりない», «冗談で», and since round 16 a bare
// "Not doing that" opening its sentence. A bare "haha", "lol" or emoji is no turning down: "…so im
// suing him haha" still sues.
const englishTurnedDown =
  /\b(?:(?:were|we are|im|i am) not (?:doing|going to do|gonna do) (?:that|it)|(?<=(?:^|[.!?,]) ?)not (?:doing|going to do|gonna do) (?:that|it)\b|(?:wont|will not|isnt going to|wouldnt|doesnt need to) (?:come|go|get) to that|(?:lmao|lol|haha) no\b|no drama|not going there|not going down that (?:road|route|path)|being dramatic|all bark|not worried|as a joke|running joke|in jest|took (?:that|it) back|withdrew (?:that|it)|calmed down|(?:s?he|they)(?:s|re| was| were)? (?:just )?(?:joking|kidding)|we (?:both )?laughed)/u;
// Round 18: «私はそういうのは嫌いなので», «私はそういうことは好みません».
const japaneseTurnedDown =
  /(?:そういう|そんな)(?:の|こと)は(?:嫌い|好み|好き(?:じゃ|では)|しません|しない)|口癖|気にしないで|冷静になって(?:くださ|くれ)|立ち消え|撤回|取り下げ|(?:そこまで|そんな)(?:の|こと)?(?:する|やる)?(?:気|つもり)(?:は|も)?(?:全然|全く|まったく|一切|別に|さらさら)?(?:ない|ありません|なく)|そこまで(?:じゃ|では)(?:ない|なく)/u;
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
  '\\b(?:s?he|they|some(?:one|body)|everyone|people|\\w*(?:friend|mate)s?|buddy|pal|dad|father|m[ou]m|mother|parents|wife|husband|partner|colleagues?|coworkers?|brother|sister|boss|neighbou?rs?|landlord|tenants?|residents?|roommates?|family|cousin|son|daughter|uncle|aunt|bf|gf)(?: (?:in|at|from|on) (?:[a-z]+ ){0,2}[a-z]+)?(?: (?:always|just|also|literally|keeps?|kept|ha[sd]|was|is))*';
const noOwnClause =
  '(?:(?!\\b(?:so|and|but|(?:be)?cause|then) (?:i[mld]?|ive|we(?:re|ll|d|ve)?)\\b)[^.?!]){0,40}$';
// Group 1 is set when someone else joked rather than said it.
const reportedBefore = new RegExp(
  `${someoneElse} (?:(jok\\w*)|says|said|saying|mentioned|tell\\w*|told|texted|messaged|suggest\\w*|yell\\w*|shout\\w*)\\b${noOwnClause}`,
  'u',
);
// No contrast or own take between the joke and the word: «冗談っぽく言ってますけど、本気で訴えます».
const japaneseJokedBefore = new RegExp(
  `${japaneseJoke.source}${/(?:で|めかして|っぽく|まじりに|半分で?)(?:(?!けど|けれど|でも|本気|正直)[^。]){0,16}$/u.source}`,
  'u',
);
// Round 16: a friend's or relative's words that end in a laugh are their joke: "my buddy literally
// texted me im gonna sue your neighbours dog lol". Not someone in the dispute ("my neighbour said
// hell sue me lol" is a step in the customer's case), not a step they suggest to the customer ("my
// cousin says i should lawyer up lol" asks about one), and not across a clause of the customer's own.
// Review r16: not the customer's household either (a wife, a husband, a partner, parents share the
// dispute: "my wife literally told me shes suing the landlord haha"), and not a step against a party
// to the dispute ("my dad said he would take them to court lol, he is fed up").
const friendOrFamily =
  '(?:\\w*(?:friend|mate)s?|buddy|pal|dad|father|m[ou]m|mother|brother|sister|cousin|son|daughter|uncle|aunt)';
const friendJokedBefore = new RegExp(
  `\\b${friendOrFamily}(?: (?:always|just|also|literally|keeps?|kept|ha[sd]|was|is))* (?:texted|messaged|wrote|sent|says|said|saying|tell\\w*|told|yell\\w*|shout\\w*)\\b(${noOwnClause})`,
  'u',
);
const suggestionToCustomer =
  /\b(?:(?:i|we|you) (?:should|could|can|need|must|ought|might)|to|just|why dont)\b/u;
const laughAfter = /^[^.?!]{0,40}?\b(?:lol|lmao|haha|jk)\b/u;
const disputePartyNearby =
  /\b(?:them|(?:the|my|our|his|her|their) (?:landlord|neighbou?rs?|upstairs|downstairs|building|management|agency)|landlord|upstairs|downstairs)\b/u;
// …unless the customer then takes the joke up: "my friend joked i should sue, but honestly im
// considering it", «友達は冗談で訴えればって言うけど、正直本気で考えてます».
const ownTakeAfter =
  /\b(?:honestly|actually|seriously|considering|consider it|thinking (?:about|of) it|might|maybe (?:i|we)|not (?:a|such a) bad idea|not joking)\b|本気|検討|考え(?:て(?:い)?る|てます|中)|ありかも|あり(?:だ|です)と思/u;

// The word as a place or a show, not a step: "the tennis court behind our building", «裁判所の近く
// に住んでる», «弁護士会館の裏», «ドラマの裁判シーン».
// Round 17: what happens in a show ("that courtroom drama where they sue the noisy neighbours"), an
// office in the same building ("my office is in the same building as a law firm"), a lawyer's office
// as a building or its sign («近所の弁護士事務所の看板», «法律事務所の入ってるビル») and «裁判所のすぐ近く»
// (5 of the round's false alarms). A court word as a place is read in isLegalStepNotMeant.
const placeOrShowBefore =
  /\b(?:tennis|basketball|badminton|volleyball|futsal|food|squash) $|(?:どらま|てれび|映画|番組|ゆーちゅーぶ|youtube)[^。]{0,8}$|見学(?:で|に|の)$|\b(?:drama|show|series|film|movie|novel|episode|sitcom) (?:where|in which) (?:they|people|someone|a [a-z]+|the [a-z]+) $|\b(?:building|floor|block) (?:as|with) an? $/u;
const placeOrShowAfter =
  /^(?:yard\b|所の(?:すぐ)?(?:近く|前|隣|裏|そば|向かい|横)|会?館|しーん|どらま|番組|もの(?:の|を)|(?:事務所)?の?(?:看板|(?:入って(?:る|いる)|入った|ある)(?:びる|建物)))/u;
// Review r17: …but not when the sentence with the place or the sign also takes a step: «近所の弁護士事
// 務所の看板を見て、相談に行こうと思ってます», «法律事務所の入ってるビルに行って、依頼してきます»,
// «裁判所のすぐ近くに住んでるので、明日にでも訴状を出しに行きます» (a consultation, a request, a filing, a
// claim, going there to do it).
const japaneseStepInSentence =
  /相談|依頼|頼(?:み|ん|も|む|め)|訴|提出|出しに|申し立|申立|起こ|請求|調停|示談|代理|内容証明|賠償|慰謝料|告訴|被害届|行って(?:き|み|く)|行こう|行きます|行く(?:予定|つもり)|伺/u;
// How far each side of the place word the step is looked for (a long message stays linear).
const placeStepWindow = 100;
// "Near the district court?": the court as a landmark; not "before it got near a court" (a step that nearly came).
const courtAsPlaceBefore = /\b(?:near|next to|opposite|behind|across from|close to) the (?:[a-z]+ )?$/u;
// Round 17: a profession next to the court word: "I'm a court stenographer", «友達の結婚相手が裁判官らし
// いです», and jury duty, «裁判員に選ばれちゃって» (3 false alarms).
const courtJobAfter = /^ (?:stenographer|reporter)\b/u;
// Round 18: a court district as where an office is ("our office sits in the middle of the court district").
const courtDistrictAfter = /^ (?:district|quarter)\b/u;
// Round 18: a former judge («父が元裁判官で», «オーナー様が元裁判官の方で»), work at a court («裁判所で書記官を
// してる», «家庭裁判所で調停委員をしている知人»), the court building under construction («裁判所の建て替え工事»)
// and a children's game («裁判ごっこ»).
const formerBefore = /元$/u;
const courtWorkAfter =
  /^所(?:で|に)[^。!?]{0,10}?(?:働|勤め|勤務|をして)|^所の(?:建て替え|工事|改装|解体|移転)|^ごっこ/u;
const mediatorJobAfter = /^委員(?:を|として)(?:して|やって)/u;
const japaneseJudgeOrJurorAfter =
  /^(?:官(?:らしい|です|なんです|だそう|でした|だった|をして|として)|員(?:に選ば|制度|の通知|候補))/u;

// Round 16: «訴え» as a noun for symptoms or complaints received, not a suit: «社員から頭痛の訴えが
// あります», «住民から騒音の訴えが多くて» (a property manager). «訴えます», «訴えを起こす», «訴えるぞ»
// stay legal.
const complaintNounBefore =
  /(?:頭痛|痛み|腰痛|肩こり|耳鳴り|不調|体調不良|めまい|吐き気|不眠|寝不足|睡眠不足|症状|騒音|音|振動|におい|臭い|寒さ|暑さ|苦情|不満|要望)の$/u;
// Review r16: not «届», and not from a neighbour or the other party («隣人から騒音の訴えが届きました» may be
// a suit against the customer); from residents or staff it stays a complaint received.
const complaintReceivedAfter = /^(?:が|は|も)(?:あ(?:り|る|っ)|多|出|来|き(?:て|た|ま)|寄せ|相次|増え)/u;
const disputePartySourceBefore =
  /(?:隣人|隣|相手|上の階|下の階|上階|下階|近所|大家)(?:の(?:人|方)|さん)?(?:から|より)[^。!?]{0,12}$/u;

// The word names who recommended the service, a profession or an office, not a step. The profession
// must be what is named, next to the word: "im a lawyer myself", "my neighbours a lawyer", «夫は弁護士
// です» — but not "this is a disgrace. my lawyer will contact you" or «私は弁護士に相談します»; a
// "lawyer friend" only when they recommended the service, not "my lawyer friend says i have a case".
// Round 18: the press and the consumer centre as a workplace too («地元の新聞社で働いてる», "my brother
// works at the consumer centre").
const professionWord =
  /^(?:弁護士|べんごし|法律事務所|司法書士|行政書士|消費者せんたー|国民生活せんたー|消費生活せんたー|記者|新聞社|報道機関|lawyers?|attorneys?|solicitors?|law firm|judges?|legal (?:team|department|counsel)|journalists?|consumer cent(?:re|er))$/u;
const japaneseReferralAfter =
  /^(?:さん|の先生)?(?:の)?(?:友人|友達|知り合い|人|方|職員|さいと|ほーむぺーじ|hp)?(?:に|で|から|が|の)?[^。]{0,24}?(?:薦め|勧め|すすめ|紹介(?!して(?:もらえ|いただけ|くださ|ほし|欲し)|をお願い)|教えてもら|教えてくれ|教わ|知りました|知った|で見[たて]|載って|で働|に勤め|勤務)|^に[^。]{0,40}?と言われて(?:来|き)(?:ました|た)/u;
// Review r18 (H5): «紹介» asked for is no referral: «提携の弁護士さんを紹介してもらえますか？».
// Round 16: the consumer centre's site or an article on it as how the customer found the service:
// «消費者センターのサイトで「騒音測定業者を選ぶポイント」って記事を読んで、こちらにたどり着きました».
const japaneseFoundThroughAfter =
  /^(?:の)?(?:さいと|ほーむぺーじ|hp|記事|ぱんふれっと|ちらし)(?:で|を|に|から|の)[^。!?]{0,40}?(?:こちら|御社|貴社|ここ|おたく|このさーびす)(?:に|を|へ|の)?(?:たどり着|辿り着|見つけ|知り|知っ)/u;
const japaneseProfessionBefore = /(?:職業|仕事|本業)(?:が|は)$|階が$/u;
// Round 18: also a neighbour, the company or an acquaintance («隣の部屋の人、弁護士さんらしいです»,
// «隣に住んでるのが弁護士さんなんですけど», «弊社は法律事務所です», «私は新聞記者をしています»).
const japanesePersonBefore =
  /(?:(?:私|わたし|夫|妻|主人|父|母|兄|姉|弟|妹|娘|息子|弊社|当社|人|方|知人|友人|住人)(?:は|が|、|,)|の(?:人|方)|うちは|のが)(?:新聞|雑誌)?$/u;
// Round 17: «姉が司法書士なんですけど、それは置いといて» (なんです).
const japaneseProfessionAfter =
  /^(?:事務所)?(?:さん)?(?:です|でした|なので|なんで|なんです|だから|だけど|として|らしい|を(?:して|経営|やって|営ん))/u;
// Round 18: a workplace or many of a profession among tenants or members, with no person before
// («地元の新聞社で働いてるんですが», «法律事務所を経営しています», «入居者さんは弁護士の方が多くて»,
// «会員さんに弁護士さんや税理士さんが多いので»); not when the sentence tells them something («新聞社に勤め
// てる友人に話して記事にしてもらいます»).
const japaneseWorkplaceAfter =
  /^(?:で(?:働|勤め|勤務)|に(?:勤め|勤務)|を(?:経営|営ん)|(?:さん|の方)(?:や[^。!?]{0,10}?)?(?:が|も)多|の[^。!?]{0,6}?員を(?:して|やって))/u;
// Review r18 (H5): a profession of the customer's or the household's is told in passing only when the
// sentence with it and the next one turn nothing on us or on this case: «妻が弁護士事務所をやってまして、この
// 請求書、見てもらってます。来週連絡が行くと思います», "My wife is also a lawyer. Expect a letter from her
// office about this." stay legal; "my downstairs neighbour is actually a judge, so I’d like everything
// done by-the-book" is told in passing.
const directedAtUsAfter =
  /見てもら|連絡(?:が(?:行|い|来|く)|させ|しま|いたし|を入れ)|(?:に|へ)(?:依頼|お願い)|任せ|経由|この(?:件|請求)|請求書|\b(?:expect|letters? from|hear(?:ing)? from|be in touch|contact(?:ing)? you|(?:about|over) (?:this|the (?:double )?charge|the bill|my refund)\b(?! (?:report|plan|service|measurement|device|meter))|refund me|take (?:this|it) further)\b/u;
/** The word's sentence after it and the next sentence, bounded. */
function toNextSentenceEnd(text: string, end: number): string {
  const rest = text.slice(end, end + 140);
  const first = rest.search(/[。!?\n]|\.(?:\s|$)/u);
  if (first < 0) return rest;
  const second = rest.slice(first + 1).search(/[。!?\n]|\.(?:\s|$)/u);
  return second < 0 ? rest : rest.slice(0, first + 1 + second);
}
const toldInSentence =
  /記事|話し|話す|言い|言う|相談(?:し|する)|伝え|書(?:い|く|か|こ|け)|載|報道|取材|知らせ|\b(?:hear|know|tell|told|report\w*|contact\w*|interested|just saying|about (?:this|you|it))\b/u;
// Round 18: an adverb after the verb ("my downstairs neighbour is actually a judge"), a business run or
// managed ("I manage a law firms office"), a job before the workplace ("worked as a paralegal at a law
// firm") and a plural ("a few of our members are law firms").
const englishProfessionBefore =
  /\b(?:(?!(?:it|this|that|there|here|what)\b)[a-z]+ (?:is|was|are|am)(?: (?:actually|also|apparently|really))?|im|were|hes|shes|theyre|whos|(?:my|our|his|her|the) (?:[a-z]+ )?[a-z]+s|friends?,?|work\w* as) an? (?:[a-z]+ )?$|\bwork\w*(?: as an? [a-z]+)? (?:at|for|in) (?:an? |the )?(?:[a-z]+ )?$|\b(?:manage|run|own)s? (?:an? |the )?$|\b(?:members|tenants|clients|neighbou?rs) are (?:all |mostly |also )?$/u;
const englishProfessionAfter =
  /^(?:s? (?:friend|neighbou?r|cousin))?(?: [a-z]+){0,3} (?:recommended|referred|told me about) (?:you|your|this|us)\b|^ (?:who|that) (?:work|lives?)\b|^(?: office)?(?: is)? on the \w+ floor/u;
// Round 18: also terms, a contract audit and a privacy question ("Our legal department asked whether
// you store voice recordings", "Our general counsel is auditing all vendor contracts").
const paperworkContext =
  /\b(?:copy|copies|signature|sign|signed|paperwork|audit\w*|nda|agreement|invoice|purchase order|terms|contracts?|privacy|pdf|store|recordings?)\b/u;
const disputeContext =
  /\b(?:dispute(?<!(?:no|any) dispute)|claim|case|court|sue|suing|liab|complain|breach|damage|tenant)/u;

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

/**
 * True when a friend's or relative's words were found (their clause before the word) and suggest no
 * step to the customer, nor one against a party to the dispute (in that clause, or in the word and
 * what follows it up to the laugh).
 */
function isFriendsJoke(clause: string | undefined, wordToLaugh: string): boolean {
  return (
    clause !== undefined &&
    !suggestionToCustomer.test(clause) &&
    !disputePartyNearby.test(clause) &&
    !disputePartyNearby.test(wordToLaugh)
  );
}

// Read once per message: a message with many legal words ("legal team copy legal team copy …")
// would otherwise be scanned once per word. Where the last turning-down phrase starts, or -1.
const lastTurnedDown = lastMatchStart(turnedDown);
// Round 18: the company's own counsel checking the contract («弊社顧問弁護士によるリーガルチェックを通す必要
// がございます»), with no dispute in the message.
// Review r18 (M5): a term found void, a cancellation clause or a charge is a dispute too («御社契約の解約条項
// が無効と判断されました»). Read once per message (S1: a message of many «顧問弁護士の契約» was scanned once per
// word).
const counselDisputeJapanese = /訴|裁判|揉め|争|賠償|慰謝料|損害|違反|返金|騒音|無効|条項|解約|請求/u;
const counselDisputeInMessage = oncePerMessage((text) => counselDisputeJapanese.test(text));
const inDispute = oncePerMessage((text) => disputeContext.test(text));

/**
 * True when the legal or threat word at [start, end) of normalised text is no legal step in the
 * customer's own case: denied, someone else's words turned down, or a profession, office or
 * referral (see the file's comment).
 */
export function isLegalStepNotMeant(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 48), start);
  const after = text.slice(end, end + 48);
  // The checks of one word first, cheapest first (review r17: a long message of «裁判官です。» read every
  // denial pattern for every word before it reached its own). Every check here only takes the word
  // back, so their order does not change what escalates.
  const word = text.slice(start, end);
  if (
    word === 'court' &&
    (courtAsPlaceBefore.test(before) || (courtJobAfter.test(after) && englishProfessionBefore.test(before)))
  )
    return true;
  if (word === 'court' && courtDistrictAfter.test(after)) return true;
  if (
    word === '裁判' &&
    (japaneseJudgeOrJurorAfter.test(after) ||
      (formerBefore.test(before) && after.startsWith('官')) ||
      courtWorkAfter.test(after))
  )
    return true;
  if (word === '調停' && (mediatorJobAfter.test(after) || isServiceMediation(text, start, end))) return true;
  // Review r18 (S1): a check of one word, so read with the others here, before the checks of every word.
  if (
    word === '弁護士' &&
    /顧問$/u.test(before) &&
    !counselDisputeInMessage(text) &&
    /契約|規約|りーがるちぇっく/u.test(sentenceAround(text, start, end, placeStepWindow).sentence)
  )
    return true;
  if (isThreatLookAlike(text, start, end)) return true;
  if (placeOrShowBefore.test(before)) return true;
  if (
    placeOrShowAfter.test(after) &&
    !japaneseStepInSentence.test(sentenceAround(text, start, end, placeStepWindow).sentence)
  )
    return true;
  const japaneseDenial = japaneseDeniedAfter.exec(after);
  const stepKept = changedMindAfter.test(text.slice(end, end + 120));
  if (
    japaneseDenial !== null &&
    !stepKept &&
    !onlyWayInDenial.test(japaneseDenial[0]) &&
    !deniedInPastAfter.test(after.slice(japaneseDenial.index + japaneseDenial[0].length))
  )
    return true;
  if (!stepKept && (englishDeniedBefore.test(before) || englishDeniedAfter.test(after))) return true;
  if (word === 'legal advice' && englishDisclaimerBefore.test(before)) return true;
  if (
    isSettledBeforeStep(text, start, end) ||
    isReportedFromSource(text, start, end) ||
    isPastLegalMatter(text, start, end)
  )
    return true;
  if (ownJokeBefore.test(before) && ownJokeAfter.test(after)) return true;
  const someoneSaid = reportedBefore.exec(before);
  const laugh = laughAfter.exec(after);
  // Someone else's joke («冗談で», "my friend joked she'd sue") is no step at all.
  const joked =
    someoneSaid?.[1] !== undefined ||
    japaneseJokedBefore.test(before) ||
    (laugh !== null &&
      isFriendsJoke(friendJokedBefore.exec(before)?.[1], text.slice(start, end + laugh[0].length)));
  if (joked && !ownTakeAfter.test(after)) return true;
  const reported = someoneSaid !== null || quoteOpen.test(before) || reportedAfter.test(after);
  if (reported && lastTurnedDown(text) >= start) return true;
  if (
    word === '訴え' &&
    complaintNounBefore.test(before) &&
    complaintReceivedAfter.test(after) &&
    !disputePartySourceBefore.test(before)
  )
    return true;
  if (
    word === 'damages' &&
    damagesVerbAfter.test(after) &&
    damagesSubjectBefore.test(before) &&
    !damagesClaimedBefore.test(before) &&
    !damagesRelativeAfter.test(after)
  )
    return true;
  if (isLawyerReviewFeature(text, start, end)) return true;
  if (word === 'counsel' && /\bgeneral $/u.test(before))
    return paperworkContext.test(after) && !inDispute(text);
  if (!professionWord.test(word)) return false;
  if (
    japaneseWorkplaceAfter.test(after) &&
    !toldInSentence.test(sentenceAround(text, start, end, placeStepWindow).sentence) &&
    !directedAtUsAfter.test(toNextSentenceEnd(text, end))
  )
    return true;
  if (
    japaneseReferralAfter.test(after) ||
    japaneseFoundThroughAfter.test(text.slice(end, end + 80)) ||
    japaneseProfessionBefore.test(before)
  )
    return true;
  if (
    japanesePersonBefore.test(before) &&
    japaneseProfessionAfter.test(after) &&
    !directedAtUsAfter.test(toNextSentenceEnd(text, end))
  )
    return true;
  if (
    /^[a-z]/u.test(word) &&
    (englishProfessionBefore.test(before) || englishProfessionAfter.test(after)) &&
    !(/^consumer/u.test(word) && toldInSentence.test(text.slice(end, end + 120))) &&
    !directedAtUsAfter.test(toNextSentenceEnd(text, end))
  )
    return true;
  return (
    (/^legal/u.test(word) || (word === 'counsel' && /\bgeneral $/u.test(before))) &&
    paperworkContext.test(after) &&
    !inDispute(text)
  );
}
