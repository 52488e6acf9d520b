import { foldKana } from '../text/normalize-text';
import { isCancellationThankedFor } from './cancellation-confirmed';
import { isCancellationKept } from './cancellation-kept';
import { namesRefundedPart } from './cancelled-part-refund';
import { isClearedAfter, isEnglishWorryCleared } from './cleared-misunderstanding';
import { isRebooking, type LexiconSignal } from './escalation-lexicon';
import type { EscalationReasonCode } from './escalation-reason';
import { isExplanationAccepted } from './explanation-accepted';
import { isMailingListCancellation } from './mailing-list';
import { isNegatedEnglish, isNegatedJapanese, isQuoted } from './negation';
import { isNeighboursCancellation } from './neighbours-cancellation';
import { oncePerMessage } from './once-per-message';
import { isOwnChoiceCharge } from './own-choice-charge';
import { isConditionOrStatus, namesParticularInstance } from './particular-instance';
import { patternSource } from './pattern-source';
import { isEnglishPriceQuestion, isJapanesePriceComparison } from './price-question';
import { changesRefundDestination } from './refund-paperwork';
import { isRefundReceivedAndClosed, isRefundShort } from './refund-received';
import { isRefundWithdrawn } from './refund-withdrawn';
import { offersReschedule } from './reschedule-refused';
import { isResolvedPast } from './resolved-past';
import { isShoutedByOthers } from './shouted-by-others';
import { isSomeoneElsesQuestion } from './someone-elses-question';

/**
 * An intent found by co-occurrence inside one clause, not by adjacency: an action object
 * (refund, cancellation, a charge) together with a cue (a request or desire, or an anomaly for
 * billing). A clause with the object and a policy-question marker is an inquiry instead — "返金は
 * できますか" asks about the policy, "返金してほしい" makes a request. This generalises over word
 * order and paraphrase far better than fixed phrases.
 */
interface IntentRule {
  readonly code: EscalationReasonCode;
  /** The mild code for a clause that mentions the object as a question about the policy. */
  readonly inquiryCode?: EscalationReasonCode;
  readonly language: 'ja' | 'en';
  readonly object: RegExp;
  readonly cue: RegExp;
  readonly block?: RegExp;
  /** Whether a negative after the cue (ja) or before cue or object (en) cancels the intent. */
  readonly negatable: boolean;
  /** `offset` is where the clause starts in the whole text. */
  readonly ignore?: (clause: string, text: string, object: RegExpExecArray, offset: number) => boolean;
}

const japanese = (source: RegExp | readonly RegExp[]) => new RegExp(foldKana(patternSource(source)), 'u');

const japaneseDesire =
  /たい|たく(?:存じ|思|ご連絡|お願い|、|,|$)|たかと(?:です|よ|ばい)|て(?:くだ|下さ|ほし|欲し|もら|いただ|頂|くれ|くん)|お願い|おねがい|希望|要求|求め|申請|進めて|しろ|せよ|返せ|べき|して(?:よ|ね|や|$)|て(?:や|よ)$|^(?:返金|へんきん|払い戻し)[!。]*$|させて|いただけ|頂け|ください|下さい|ほしい|欲しい|願います|てけ(?:ろ|れ)|せえ(?:や|よ|$)|ちょうだい|おね(?:しゃ|が)す|おなしゃす/u;
const japanesePolicyQuestion =
  /口座|振込先|変更|でき(?:ます|る)(?:か|の|\?|んで)|できない(?:の|か|ん)|可能|方法|どうすれば|どうしたら|どうやって|どのように|手順|やり方|場合|とき|時は|時に|なら|条件|ポリシー|規約|について|教えて|知りたい|ありますか|かかりますか|いつ|何日|どこ(?!ろ)|どの|期限|され(?:ます|る|た)|戻ってき|振り込まれ|ことは|ものですか|対象|って何|ほうほう|てじゅん|やりかた|決まり|きまり|ルール|ケース|ある(?:ん|の)ですか|ても(?:返|戻|大丈夫|いい)|でき(?:ます|る)よね|(?:ないと|じゃないと|でないと)(?:だめ|ダメ|いけ)/u;
const reschedule =
  /(振替|振り替え|ふりかえ|変更|ずら|延期|別の日|後ろ倒し|前倒し|rebook|reschedul|\bmove\b|\binstead\b|\bpush\b)/u;
// A pause is no cancellation, and neither is deciding against one («解約はやめて続けます», "pause
// rather than cancel"); nor (round 15) a cancellation once thought of and taken back: «解約も考えて
// ましたが…継続することにしました», «解約しようかと思ってたけど、やめました», «解約の話は取り下げます».
const notCancelling =
  /一時停止|休止|\bpause\b|rather than cancel|instead of cancel|(?:解約|かいやく|退会|きゃんせる)(?:は|を|するの(?:は|を))?(?:やめ(?:て|に|ます|ました|とき|よう)|見送)|(?:続ける|継続する)ことに(?:し|決め|なり)|(?:このまま|引き続き|やっぱり|やはり|結局)(?:続け|継続|使い続け)(?:ます|る|たい|させ)|(?:解約|かいやく|退会)の(?:話|件|申し出)(?:は|も)?(?:取り?下げ|撤回|なし|なかったこと)|(?:解約|かいやく|退会)(?:しよう|する)?(?:か|かと)?(?:思って|迷って|考えて)(?:い)?(?:た|まし)[^。!?]{0,8}?(?:けど|が)(?:やっぱり|結局)?やめ(?:ました|た|ます)/u;
// Round 18: only a reschedule offered counts, not one refused or complained of (reschedule-refused.ts).
const offersRescheduleWord = offersReschedule(reschedule);
const reschedulingOrNotCancelling = oncePerMessage(
  (text) => offersRescheduleWord(text) || isRebooking(text) || notCancelling.test(text),
);
const moneyWords = /(お?金|代金|料金|費用|全額|全部|支払|払った|円|ぶん|分)/u;
const englishYouRequest = /\b(?:can|could|would|will) you\b|\bplease\b|\bpl[sz]\b|\bkindly\b/u;
/**
 * What may stand before an English imperative at the start of a clause and keep it one: "pls cancel
 * my sub", "just cancel", "ok so refund it then", "go ahead and cancel".
 */
const englishImperativeLead =
  /^(?:(?:pl[sz]|please|pleas|just|ok(?:ay)?|so|then|kindly|yes|yeah|yep|fine|alright|right|now|go ahead and|hi|hey|hello|actually|you know what)\b[\s,.!-]*)*$/u;
/**
 * The imperative itself is the bare verb: "just cancel", "refund it", but not "just cancelled the other
 * app" or "yes cancelled it myself already", which tell of something done.
 */
// Round 17: "Refund done, and my card shows it" names the refund, it does not ask for one. Round 18:
// nor is «cancelってどうやるんですか» an English imperative (the Japanese rules read it).
const englishBareVerb =
  /^(?:cancel|cancle|cansel|refund|terminate|unsubscribe|close|end|quit|discontinue|stop)\b(?![ぁ-ゖ])(?! (?:done|received|arrived|came|went|is|was|has|had|processed|confirmed|showed|landed|hit|cleared)\b)/u;

const rules: readonly IntentRule[] = [
  {
    code: 'refund_request',
    inquiryCode: 'refund_inquiry',
    language: 'ja',
    object: japanese(
      /返金(?!先|方法|ポリシー|規定|率)|へんきん|払い?戻|払いもど|返還|(?:お?金|代金|料金|費用|全額|全部|支払(?:い|った)?分|払った分|ぶん|測定代)(?:を|は|も|だけでも)?(?:全額|全部)?(?:返|戻)|(?:返(?<!(?:繰り|折り|言い|聞き|見|ぶり)返)(?:して|せ)|かえ(?<!(?:繰り|折り|言い|聞き|見|ぶり)かえ)(?:して|せ))/u,
    ),
    cue: japanese(japaneseDesire),
    block: japanese(japanesePolicyQuestion),
    negatable: true,
    ignore: (_clause, text, object, offset) =>
      (/^(?:返|かえ)(?:して|せ)$/u.test(object[0]) && !moneyWords.test(text)) ||
      isRefundWithdrawn(text, offset + object.index) ||
      // Round 18: shouted by a neighbour or a drama's character (shouted-by-others.ts).
      isShoutedByOthers(text, offset + object.index) ||
      // Round 18: «返金は申請から10営業日以内なんですね。わかりました» (explanation-accepted.ts).
      isExplanationAccepted(text, offset + object.index) ||
      isSomeoneElsesQuestion(text, offset + object.index, offset + object.index + object[0].length),
  },
  {
    code: 'cancellation_request',
    inquiryCode: 'cancellation_inquiry',
    language: 'ja',
    object: japanese(
      /解約(?!率)|かいやく|退会|たいかい|キャンセル(?!待ち|料|ポリシー|規定|率)|cancel(?=し|する|で|を|お願)|取り?消|とりけ|取り?下げ|取り?(?:やめ|止め)|中止|(?:契約|プラン|サブスク|会員|サービス|利用|定期|申し?込み?|予約|購読|自動更新|更新)[^。]{0,10}?(?:やめ|辞め|止め|とめ(?<!まとめ)|終わりに|終了|解除|打ち切|うちき|停止|オフに)/u,
    ),
    cue: japanese([
      japaneseDesire,
      /|ます(?!か)|する(?:わ|から|ので|$)|予定|つもり|検討|考えて|方向|ことにし|ことにな|ことに決め|決めました|決定|で(?:お願い|頼|いい|結構|🙏|$)/u,
    ]),
    block: japanese([japanesePolicyQuestion, /|料金|手数料|違約金|いくら|無料|かかり/u]),
    negatable: true,
    // «返金の件、やっぱり取り下げます» takes back a refund, not the contract (refund-withdrawn.ts).
    ignore: (_clause, text, object, offset) =>
      reschedulingOrNotCancelling(text) ||
      isMailingListCancellation(text, offset + object.index, offset + object.index + object[0].length) ||
      isRefundWithdrawn(text, offset + object.index) ||
      // Round 18: shouted by others, or a neighbour's own thing cancelled.
      isShoutedByOthers(text, offset + object.index) ||
      isNeighboursCancellation(text, offset + object.index, offset + object.index + object[0].length) ||
      // Round 17: «キャンセルした分の返金» is about the refund; someone else's cancellation asked about.
      namesRefundedPart(text, offset + object.index + object[0].length) ||
      isSomeoneElsesQuestion(text, offset + object.index, offset + object.index + object[0].length),
  },
  {
    code: 'billing_dispute',
    language: 'ja',
    object: japanese(/請求|課金|引き?落と|引落|決済|明細|カード|督促|催促/u),
    cue: japanese(
      /二重|2重|重複|覚えのない|身に覚え|見覚えのない|心当たりのない|知らない|間違|まちが|誤|おかし[いく]|異な|相違|勝手に|不正|聞いてい?な|聞いていません|説明(?:が|は)?(?:なかった|ない|ありません)|知らない(?:うちに|間に)|のはずが|不当|過剰|違(?:う|います|いませんか|って)|ちが(?:う|って)|多い|多く|多すぎ|高い|高く|高すぎ|余分|2(?<!\d2)(?:回|つ|件)|二回|二つ|二件|倍|まだ|(?:てい|て|し)ないのに|(?:退会|解約|キャンセル|停止)(?:した|し|済み?)(?:なのに|のに|ですが|ですけど|後に|後も|たのに)|(?:支払った|払った|振り込んだ|入金した|支払い済み)(?:はず|のに)|(?:した|済み?|済んだ)はず|(?:頼ん|注文し|発注し|申し込ん|依頼し)(?:で|て)(?:い)?(?:ない|ません|へん|ねえ)/u,
    ),
    block: japanese(
      /いつ|どこ(?!ろ)|方法|どうやって|いくら|何円|宛名|発行|再発行|送って|郵送|変更でき|使えます|念のため確認/u,
    ),
    negatable: false,
    ignore: (clause, text, object, offset) =>
      isClearedAfter(text, offset + object.index + object[0].length) ||
      isOwnChoiceCharge(text, offset) ||
      // Round 18: a charge restated as explained and accepted (explanation-accepted.ts).
      isExplanationAccepted(text, offset + object.index) ||
      isInvoiceNotYetArrived(clause, text),
  },
  {
    code: 'billing_dispute',
    language: 'ja',
    object: japanese(/料金|金額|支払/u),
    cue: japanese(
      /二重|重複|覚えのない|身に覚え|間違|まちが|誤|おかし[いく]|異な|相違|勝手に|不正|聞いてい?な|聞いていません|説明(?:が|は)?(?:なかった|ない|ありません)|のはずが|不当|過剰|違(?:う|います|いませんか|って)/u,
    ),
    // Round 15: two kinds of contract or plan compared («法人契約と個人契約って、料金が違うんですか») ask
    // about the price list; an amount compared with the estimate or last month's stays a dispute.
    block: japanese([
      /いつ|どこ|方法|どうやって|いくら|何円|違いは|違いを|/u,
      /(?:契約|プラン|会員|コース|個人|法人|平日|休日|土日|祝日|夜間|日中|エリア|地域)(?:って|とで|では|で|は)(?:料金|金額)(?:が|は|って|も)?(?:違|ちが)/u,
    ]),
    negatable: false,
    // Round 17: «請求金額が先月と違うのは、延長したからですよね？» explains the charge (own-choice-charge.ts).
    ignore: (clause, text, _object, offset) =>
      isJapanesePriceComparison(clause) || isOwnChoiceCharge(text, offset),
  },
  {
    code: 'refund_request',
    inquiryCode: 'refund_inquiry',
    language: 'en',
    object:
      /\brefund|\breimburs|revers(?:e|al of) (?:the |my |this )?(?:payment|charge|transaction)|(?:charge|payment|transaction) (?:to be )?reversed|(?:my|our|the) (?:deposit|payment|fee|money|cash|\d[\d,]*(?: yen)?) ?back|money back|money (?:returned|refunded)|\b(?:have|get|want|need) (?:my|our|the) [^.?!]{0,24}\b(?:yen|money|payment|fee|deposit|\d)[^.?!]{0,6} back|charge ?back/u,
    // Round 17: "could i get a refund for the premium upgrade?" names what the refund is for.
    cue: /\b(?:want|need|would like|id like|demand|request|requesting|expect|deserve|please|pl[sz]|kindly|give|issue|process|send|owed?|must|should|asking for|asap|now|immediately|right away)\b|\b(?:can|could|would|will) you\b|\b(?:could|can|may) (?:i|we) (?:please )?(?:get|have) (?:a |my |our )?(?:full |partial )?refund (?:for|on) (?:the|my|our|this)\b/u,
    block:
      // Round 18: a product named "option" ("a refund for the night option") is no choice asked about.
      /\b(?:how|policy|policies|if|whether|when|what|whats|where|wheres|do you|does|is there|are there|eligible|possible|options?(?<!\b(?:night|premium|extra|weekend|evening|add-on|addon|express|rush|holiday) options?)|works?|takes?)\b/u,
    negatable: true,
    // Round 17: a refund request withdrawn ("Scrap the refund request from this morning", refund-withdrawn.ts).
    ignore: (_clause, text, object, offset) =>
      isRefundWithdrawn(text, offset + object.index) || isShoutedByOthers(text, offset + object.index),
  },
  {
    code: 'cancellation_request',
    inquiryCode: 'cancellation_inquiry',
    language: 'en',
    object:
      /\b(?:cancel(?:l?ing|l?ed)?|cancle|cansel|cancell)\b(?! ?(?:policy|fee|fees|charge|window|deadline))|\bterminat|\bunsubscrib|\bclos(?:e|ing) (?:my|our|the) account|\bend(?:ing)? (?:my|our|the|this) (?:[a-z]+ )?(?:contract|subscription|membership|plan|service|agreement)|\bquit(?:ting)?\b|\bdiscontinu|\bstop(?:ping)? (?:using|my|our|the)\b/u,
    cue: /\b(?:want|need|would like|id like|please|pl[sz]|kindly|going to|gonna|decided|wish|plan(?:ning)? to|thinking (?:about|of)|considering|will|ill|im|i am|we are|were|weve|ive|effective|immediately|asap|today|must)\b|\b(?:can|could|would|will) you\b/u,
    block:
      // Round 18: "you know what, just cancel…" asks nothing.
      /\b(?:how|policy|if|when|what(?<!\byou know what)|whats|where|do you|does|is it|is there|are there|possible|can i|could i|may i|allowed|whether|wonder|wondering|fee|fees|deadline)\b/u,
    negatable: true,
    ignore: (_clause, text, object, offset) =>
      reschedulingOrNotCancelling(text) ||
      isMailingListCancellation(text, offset + object.index, offset + object.index + object[0].length) ||
      // Round 17: withdrawn ("Ignore my earlier message about cancelling site 2") or thanked for as done.
      isRefundWithdrawn(text, offset + object.index) ||
      // Round 18: shouted by others ("the guy screams you're cancelled"), or a neighbour's own thing.
      isShoutedByOthers(text, offset + object.index) ||
      isNeighboursCancellation(text, offset + object.index, offset + object.index + object[0].length) ||
      // Review r17: only the cancellation inside the kept clause is given up (cancellation-kept.ts).
      isCancellationKept(text, offset + object.index) ||
      isCancellationThankedFor(text, offset + object.index, offset + object.index + object[0].length),
  },
  {
    code: 'billing_dispute',
    language: 'en',
    object:
      /\b(?:charg|bill(?:ed|ing)?\b|invoice|fees?\b|payment|debit|transaction|card|statement|amount|price|money|account)/u,
    cue: /\b(?:twice|double|two times|extra|hidden|unexpected|incorrect|wrong(?<!\b(?:nothing|nothings|nothing is|not|isnt|nothing seems) wrong)|too (?:high|much)|higher than|more than|overcharg\w*|never (?:booked|ordered|asked|agreed|used|signed|received)|(?:didnt|did not) (?:book|order|authori|agree|recogni|ask|sign)\w*|(?:dont|do not) recogni\w*|unauthori\w*|without (?:my )?(?:permission|consent)|(?:nobody|no one) told|(?:not|wasnt|never) (?:told|informed)|still (?:being )?(?:charg|bill)\w*|after (?:i |we |id |wed )?(?:had )?(?:already )?cancel\w*|disput(?<!\b(?:not|never|no|wont|dont|arent|isnt)(?: \w+){0,2} disput)\w*|mistake|error|fraud\w*|duplicate|flagged|why|even though|although|despite|keeps? (?:getting )?(?:charg|bill)\w*|stop (?:charging|billing)|but (?:i|we) (?:booked|paid|cancel|only|never|didnt)|cancel+ed\b[^.?!]{0,40}\b(?:charg|bill)ed|(?:you|your (?:side|team|mediator|engineer|technician|staff|company|office|end))(?: [a-z]+)? cancel+ed\b)/u,
    block:
      /\b(?:are there|is there|will there|do you charge|does it cost|how much|any extra|any additional|any hidden|what are)\b/u,
    negatable: false,
    // "Is the report included in the price or extra?" asks about the price list.
    ignore: (_clause, text, object, offset) =>
      isEnglishPriceQuestion(text, offset + object.index) ||
      isEnglishWorryCleared(text, offset + object.index, offset + object.index + object[0].length),
  },
];

// A charge of the customer's own said to be wrong is a dispute even in a question that would
// otherwise ask about the price list: "Is there a reason the invoice shows the wrong amount?".
const englishOwnChargeWrong =
  /\b(?:my|our|the|this|that) (?:invoice|bill|statement|charge|payment|receipt)\b[^.?!]{0,30}\b(?:wrong|incorrect|twice|double|duplicated?|two times)\b/u;

// Round 16: an invoice that has not come yet («請求書、今月まだ届いてないです») is no charge disputed,
// unless the clause names a charge («請求書も届いてないのに引き落とされてた») or the customer has
// chased it already or it is late again («何回かお願いしてるんですが», «経理から催促されてて», «先月も
// 遅かったですよね»), or (review r16) a deadline is near («支払期限が明日なんですけど»).
function isInvoiceNotYetArrived(clause: string, text: string): boolean {
  return (
    /請求書[^。!?]{0,12}?(?:届(?:いて(?:い)?(?:ない|ません)|かない|きません)|来て(?:い)?(?:ない|ません)|来ない|こない)/u.test(
      clause,
    ) &&
    !/引き?落と|引落|課金|決済|払|のに/u.test(clause) &&
    !/何回|何度|再三|催促|先月も|前回も|また|いつも|毎回|期限|締め|明日|遅れ/u.test(text)
  );
}

// Review r17: the first English cue may be denied in an earlier part of the clause while a later one
// asks ("i dont want a credit for next time, i want an actual refund to my card", "dont need the
// meter anymore, cancel the rental pls"): the cue is denied only when every cue in the clause is, or
// when the denied cue governs the object, with no comma or conjunction between them ("not asking for
// a refund, just want to understand the invoice"; "i dont want a refund, please fix it" is denied by
// the words before the object itself).
const globalCues = new WeakMap<RegExp, RegExp>();
function hasPlainEnglishCue(rule: IntentRule, clause: string): boolean {
  let cue = globalCues.get(rule.cue);
  if (cue === undefined) {
    cue = new RegExp(rule.cue.source, 'gu');
    globalCues.set(rule.cue, cue);
  }
  cue.lastIndex = 0;
  for (let match = cue.exec(clause); match !== null; match = cue.exec(clause)) {
    if (match[0] === '') cue.lastIndex += 1;
    if (!isNegatedEnglish(clause, match.index)) return true;
  }
  return false;
}

const partBreak = /[,;:]|\b(?:and|but|so|because|though|although)\b/u;
/** True when a cue ending at `cueEnd` stands before the object at `objectStart` in the same part of the clause. */
function governsObject(clause: string, cueEnd: number, objectStart: number): boolean {
  return cueEnd <= objectStart && !partBreak.test(clause.slice(cueEnd, objectStart));
}

const japaneseConnective = /ので|けど|けれど|のに|ため|たら|なら/u;

/** Japanese cues must follow the object closely, before a connective ("解約したので…乗り換えたい" is no request). */
function cueWindow(rule: IntentRule, clause: string, searchFrom: number, objectEnd: number): string {
  if (rule.language === 'en' || rule.code === 'billing_dispute') return clause;
  let window = clause.slice(searchFrom, objectEnd + 12);
  const connective = japaneseConnective.exec(window.slice(objectEnd - searchFrom));
  if (connective !== null) window = window.slice(0, objectEnd - searchFrom + connective.index);
  return window;
}

const clauseBreak = /[。!?\n;]+|\.(?:\s|$)/gu;

interface Clause {
  readonly text: string;
  /** Where the clause starts in the whole text. */
  readonly offset: number;
}

function splitClauses(text: string): Clause[] {
  const clauses: Clause[] = [];
  let start = 0;
  clauseBreak.lastIndex = 0;
  for (let match = clauseBreak.exec(text); match !== null; match = clauseBreak.exec(text)) {
    if (match.index > start && text.slice(start, match.index).trim() !== '')
      clauses.push({ text: text.slice(start, match.index), offset: start });
    start = match.index + match[0].length;
  }
  if (start < text.length && text.slice(start).trim() !== '')
    clauses.push({ text: text.slice(start), offset: start });
  return clauses;
}

// Speed (r18): read once per module, not made again on every call.
const nonAscii = /[^\s!-~]/;
const latinLetter = /[a-z]/;

/**
 * Finds intents by co-occurrence inside each clause of normalised text: requests (strong) and
 * questions about a policy (mild inquiries).
 */
export function findIntentSignals(text: string): LexiconSignal[] {
  const signals: LexiconSignal[] = [];
  const found = new Set<EscalationReasonCode>();
  const hasJapanese = nonAscii.test(text);
  const hasLatin = latinLetter.test(text);
  const clauses = splitClauses(text);
  // Read from the whole text once, not once per clause and rule.
  let particularInText: boolean | undefined;
  for (const rule of rules) {
    if (rule.language === 'ja' ? !hasJapanese : !hasLatin) continue;
    if (found.has(rule.code)) continue;
    for (const { text: clause, offset } of clauses) {
      const object = rule.object.exec(clause);
      if (object === null) continue;
      if (rule.ignore?.(clause, text, object, offset)) continue;
      if (isQuoted(clause, object.index, object.index + object[0].length)) continue;
      const objectEnd = object.index + object[0].length;
      const searchFrom = rule.language === 'ja' && rule.code !== 'billing_dispute' ? object.index : 0;
      const cueMatch = rule.cue.exec(cueWindow(rule, clause, searchFrom, objectEnd));
      const cueStart = cueMatch === null ? -1 : searchFrom + cueMatch.index;
      const cueEnd = cueMatch === null ? -1 : cueStart + cueMatch[0].length;
      const blocked =
        // New bank details for a refund under way are its status (refund-paperwork.ts).
        (rule.code === 'refund_request' && changesRefundDestination(text)) ||
        (rule.block?.test(clause) === true &&
          !(rule.language === 'en' && englishYouRequest.test(clause)) &&
          !(rule.code === 'billing_dispute' && /\bwhy\b|なぜ|なんで|どうして/u.test(clause)) &&
          !(rule.code === 'billing_dispute' && rule.language === 'en' && englishOwnChargeWrong.test(clause)));
      const imperative =
        rule.language === 'en' &&
        rule.code !== 'billing_dispute' &&
        englishImperativeLead.test(clause.slice(0, object.index)) &&
        englishBareVerb.test(clause.slice(object.index));
      let negated = false;
      if (rule.negatable) {
        if (rule.language === 'ja')
          negated = cueMatch !== null && isNegatedJapanese(clause, Math.max(cueEnd, objectEnd));
        else
          negated =
            isNegatedEnglish(clause, object.index) ||
            (cueMatch !== null &&
              isNegatedEnglish(clause, cueStart) &&
              (governsObject(clause, cueEnd, object.index) || !hasPlainEnglishCue(rule, clause)));
      }
      if (negated) continue;
      const objectStart = offset + object.index;
      if (rule.code === 'refund_request') {
        // Round 16: a refund received with thanks and nothing wrong gives no signal at all; one that
        // came short, wrong or late is still owed (refund-received.ts).
        if (isRefundReceivedAndClosed(text, objectStart, offset + objectEnd)) continue;
        if (isRefundShort(text, offset + objectEnd)) {
          signals.push({ code: rule.code, strength: 'strong', evidence: clause.trim().slice(0, 60) });
          found.add(rule.code);
          break;
        }
      }
      // A refund or cancellation told as done («前回の返金、今朝口座に入ってました», "refund received
      // in full") is spoken of, not asked for: it stays an inquiry, like the status of a refund under
      // way. Only its own sentence can report it done (round 15).
      const done = isResolvedPast(text, objectStart, offset + objectEnd, rule.inquiryCode !== undefined);
      if (done && rule.inquiryCode === undefined) continue;
      const particular =
        !done &&
        rule.inquiryCode !== undefined &&
        (particularInText ??= namesParticularInstance(text)) &&
        !isConditionOrStatus(clause);
      if ((((cueMatch !== null || imperative) && !blocked) || particular) && !done) {
        signals.push({ code: rule.code, strength: 'strong', evidence: clause.trim().slice(0, 60) });
        found.add(rule.code);
        break;
      }
      if (rule.inquiryCode !== undefined && !found.has(rule.inquiryCode)) {
        signals.push({ code: rule.inquiryCode, strength: 'mild', evidence: clause.trim().slice(0, 60) });
        found.add(rule.inquiryCode);
      }
    }
  }
  return signals;
}
