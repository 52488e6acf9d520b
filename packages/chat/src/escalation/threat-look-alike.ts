import { oncePerMessage } from './once-per-message';

/**
 * A threat word that threatens no one (round 17): someone else's post about the noise ("My neighbour
 * posted about the noise on Twitter and tagged the building company lol"), another party's warning to
 * the neighbour ("The building management company said they'd 'report it to the authorities' if the
 * noise continues"), the consumer centre or a regulator as a source of lists and guidance ("The
 * consumer centre's website lists noise measurement companies. Are you registered with them?", "I
 * saw the regulator's guidance on night noise"), a referral link to share ("Is there a referral bonus
 * if I post my link on Facebook?"), and a consumer centre looked for about the neighbour, in a
 * message that says plainly it is not about the service («消費者センターってどこにあるか分かります？上の人
 * とのトラブルで相談したくて…いや、御社の件じゃないです»). 6 of the round's threat false alarms.
 *
 * Threats at the service stay: "My neighbour and I posted about your service on Twitter", "my husband
 * posted about you on facebook", "the consumer centre's website says I can report you", "I'll report
 * you to the regulator", "I'll post on Facebook if you don't fix it", «御社の件じゃないですけど、対応が
 * ひどいので消費者センターに言います».
 *
 * Review r17: the post or the report is read with the rest of its sentence ("They posted on google
 * reviews about you already"), the centre as a source stays a threat when the customer will call or go
 * to it, «御社の件じゃないです» counts only when it is the only mention of the service in the message, and
 * "other tenants might like to know about this service, do you have a flyer?" (asking for something to
 * hand round) is a recommendation, not a threat.
 */

// Someone else posted (past), about the noise or the neighbour, not about the service.
const someoneElseBefore =
  /\b(?:(?:my|our|the) (?:neighbou?rs?|sister|brother|friend|cousin|landlord|upstairs|downstairs)|s?he|they|someone|somebody) (?:just |also |already )?$/u;
const postedMatch = /^posted\b/u;
const aboutTheService = /\b(?:you|your|this company|this service|the company you)\b|御社|貴社|おたく/u;
// Another party said they would report the neighbour: "…said theyd report it to the authorities".
const otherPartySaidBefore =
  /\b(?:company|management|landlord|agency|council|owner|s?he|they) (?:said|says|told (?:us|me)) (?:theyd|they would|theyll|they will|hed|shed|hell|shell) $/u;
// The centre or the regulator as a source: its website, list, guidance or rules.
const sourceAfter =
  /^s? (?:website|site|page|list|guidance|guidelines|standards?|limits?|rules|recommendations|leaflet|booklet)\b/u;
// Not a complaint or a report about someone nearby (the customer's own report of the service is no such).
// Review r17: nor the centre to be called, contacted or gone to: "I read the consumer centre's guidance
// on cooling-off periods and I'm calling them tomorrow about your contract", "The consumer centre's list
// of rules says you have to cancel when asked. I'm going to them."
const complaintNearby =
  /\b(?:complain\w*|report(?:ing|ed)? (?:you|your company|this|them|it to)|file a|lodge a|(?:call|ring|phon|contact|email|e-mail|messag)\w*(?: up)? (?:them|it|the (?:consumer|regulator|centre|center|office))|(?:writ|talk|speak|go|going|gone|went|head\w*|turn\w*|complain\w*) (?:to|back to) (?:them|it|the (?:consumer|regulator|centre|center|office))|(?:take|taking|took) (?:this|it|you) to)\b/u;
// How far around the centre word that is read.
const complaintWindowBefore = 80;
const complaintWindowAfter = 160;
const referralInMatch = /\b(?:my|a|the|our) (?:referral )?(?:link|code)\b|\breferral\b/u;
// Review r17: the word's whole sentence after it (bounded), not the matched words alone: "They posted
// on google reviews about you already", "My brother posted on reddit about what happened with your
// engineer".
const restOfSentence = /^[^.!?。\n]{0,160}/u;
const notAboutServiceJapanese =
  /(?:御社|貴社|おたく|そちら)の(?:件|こと)(?:じゃ|では)(?:ない|なく|ありません)|(?:御社|貴社|おたく|そちら)(?:とは|には)関係(?:ない|なく|ありません)/gu;
const serviceJapanese = /御社|貴社|おたく|そちら/gu;
const complaintJapanese =
  /ひど|最悪|対応が|苦情|許せ|返金|言います|言いますよ|請求|解約|契約|料金|別で|別件/u;
// Review r17: read once per message (a message of many 消費 words would be scanned once per word), and
// only when every mention of the service in the message is inside a denial: «御社の件じゃないです。でも
// 御社の請求の件は別で消費者センターに相談します» names the service again and is about it.
const notAboutServiceMessage = oncePerMessage((text) => {
  const denials = text.match(notAboutServiceJapanese)?.length ?? 0;
  if (denials === 0) return false;
  const mentions = text.match(serviceJapanese)?.length ?? 0;
  return mentions <= denials && !complaintJapanese.test(text);
});
// Review r17: a sharing phrase that is a recommendation, asking for something to hand round: "Other
// tenants might like to know about this service, do you have a flyer?", "Other clinics would like to
// know about this, do you offer group discounts?" (2 false alarms of the round-17 "other clinics would
// like to know" pattern). "Other clinics would like to know about this, I'm sure." stays a threat.
const othersWouldKnowInMatch =
  /^(?:other|fellow) (?:[a-z]+ ){1,2}(?:would|will|might|should) (?:like to |want to |love to )?know\b/u;
const sharingMaterialAfter =
  /^[^.!?]{0,40}\b(?:(?:do|can|could|would|will) you (?:have|offer|send|give|provide|do|print|share|make)|(?:is|are) there|have you got)\b[^.!?]{0,30}\b(?:flyers?|leaflets?|brochures?|posters?|business cards?|discounts?|referral\w*|coupons?|vouchers?|promo\w*|group (?:rates?|deals?|bookings?|discounts?))\b/u;

// Round 18: someone else's threat, reported: a tenant or a neighbour who said they would go to the
// centre or the papers ("My neighbour told me shes going to report me to the consumer centre", "My
// tenant emailed me: If this continues Im going to the papers.", «入居者さんが、大家さんの修繕対応のことで
// 消費生活センターに行くと言っていました», «隣の奥様が「ネットに書いてやる」と息巻いておられました»). Not
// when the customer takes it up in between ("…, so Im going to the press"), nor about the service.
const someoneElseSaidBefore =
  /\b(?:neighbou?rs?|tenants?|landlord|owner|s?he|they|someone|somebody|roommate|resident)\b[^.?!]{0,30}?\b(?:told (?:me|us)|said|says|emailed|wrote|texted|mentioned|threatened)\b(?:(?!\b(?:so|and|but|then) (?:i|im|we|were)\b)[^.?!]){0,40}$/u;
const japaneseSomeoneBefore = /(?:さん|人|方|様)(?:が|は)[、,]?[^。!?]{0,30}$/u;
// Review r18 (M3): the service's own staff and the customer's household are no third party: «担当の方が返金
// できないとおっしゃったので、消費生活センターに相談するしかないと言っています、うちの夫が», «主人が、御社の対応
// はひどいから消費生活センターに行くと言っています».
const japaneseStaffOrHousehold =
  /(?:担当|おぺれーたー|すたっふ|さぽーと|窓口|係|夫|主人|妻|旦那|嫁|家内|家族|母|父)(?:の方|の人|者|さん|様)?(?:が|は)[、,]?[^。!?]{0,30}$/u;
const japaneseHouseholdSpeakerAfter =
  /^[^。!?]{0,40}?[、,](?:うちの)?(?:夫|主人|妻|旦那|嫁|家内|家族)(?:が|も)/u;
const japaneseSaidAfter =
  /^[」』]?[^。!?]{0,10}?(?:と|って)(?:言って(?:い|た|ま|お)|仰って|おっしゃって|息巻)/u;
// Round 18: the centre's site or pages read, or the centre as a tenant of a building («国民生活センターの
// サイトで騒音トラブルのページ読んでたら», «ビルの１階に消費生活センターが入っております»).
const japaneseSourceAfter =
  /^(?:の)?(?:さいと|ほーむぺーじ|hp|ぺーじ|ぱんふれっと|ちらし|資料)(?:で|を|の)[^。!?]{0,20}?(?:読|見)|^が入っ(?:て|た|ており)/u;
// …unless it was a suggestion to the customer («「消費者センターに言ったほうがいい」と言っておりました。そう
// いたします», "my friend told me to go to the consumer centre").
const suggestedBefore =
  /\b(?:told (?:me|us) to|(?:i|we) should|suggest\w*|advised|just (?:tell|say|go)|tell them)\b/u;
const suggestedAfter =
  /ほうが|方が|たら(?:いい|どう)|べき|そう(?:いた|し|する)|言われた通り|その通り|\b(?:honestly|i might|i will|ill|considering|maybe i)\b/u;
const japaneseComplaintNearby = /相談(?:し|す)|連絡し|電話し|行き|行く|言い|言う|通報|報告|御社|貴社|おたく/u;

// Review r18 (F3): a review on every site promised as praise of the service ("Can I leave a review on every
// site? You guys were amazing.", "You were brilliant, I am going to leave a review on every site"), with no
// complaint word in the message ("Amazing how bad this was" stays a threat).
const reviewEverywhereMatch = /^(?:leav|post|writ)\w* (?:a |an |my )?(?:review|post)s? (?:on|across) /u;
const praiseOfService =
  /\b(?:you|you guys|you all|your (?:team|staff|technician|engineer|service)|the (?:team|staff|technician|engineer|service))(?: (?:were|are|was|have been|did))? (?:so |really |absolutely |just )?(?:amazing|brilliant|fantastic|wonderful|awesome|superb|incredible|lovely|stars?|the best)\b/u;
const complaintInMessage = /\b(?:bad|worst|awful|terrible|useless|rude|refund|never|not|no|but|unless|if)\b/u;
const praisedInMessage = oncePerMessage(
  (text) => praiseOfService.test(text) && !complaintInMessage.test(text),
);

/** The word at [start, end) and the rest of its sentence after it (bounded). */
function wordToSentenceEnd(text: string, start: number, end: number): string {
  return text.slice(start, end) + (restOfSentence.exec(text.slice(end, end + 160))?.[0] ?? '');
}

/** True when the threat word at [start, end) of normalised text threatens no one (see above). */
export function isThreatLookAlike(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end);
  const before = text.slice(Math.max(0, start - 48), start);
  const after = text.slice(end, end + 48);
  if (postedMatch.test(word) && someoneElseBefore.test(before) && !/\band i\b/u.test(before))
    return !aboutTheService.test(wordToSentenceEnd(text, start, end));
  if (/^report/u.test(word) && otherPartySaidBefore.test(before))
    return !aboutTheService.test(wordToSentenceEnd(text, start, end));
  if (/^(?:consumer|regulator)/u.test(word) && sourceAfter.test(after))
    return !complaintNearby.test(
      text.slice(Math.max(0, start - complaintWindowBefore), end + complaintWindowAfter),
    );
  if (/^(?:post|share)/u.test(word) && referralInMatch.test(word)) return true;
  if (reviewEverywhereMatch.test(word) && praisedInMessage(text)) return true;
  if (othersWouldKnowInMatch.test(word) && sharingMaterialAfter.test(after)) return true;
  if (
    /^(?:consumer|regulator|press|papers|media|report|go)|消費|生活|ねっと|sns|晒/u.test(word) &&
    (someoneElseSaidBefore.test(text.slice(Math.max(0, start - 90), start)) ||
      (japaneseSomeoneBefore.test(before) &&
        japaneseSaidAfter.test(after) &&
        !japaneseStaffOrHousehold.test(before) &&
        !japaneseHouseholdSpeakerAfter.test(after))) &&
    !suggestedBefore.test(before) &&
    !suggestedAfter.test(text.slice(end, end + 60)) &&
    !aboutTheService.test(
      wordToSentenceEnd(text, start, end).replace(/\bnothing to do with (?:you|your company)\b/u, ''),
    )
  )
    return true;
  if (
    /生活|消費/u.test(word) &&
    japaneseSourceAfter.test(after) &&
    !japaneseComplaintNearby.test(text.slice(end, end + 80))
  )
    return true;
  if (/消費/u.test(word)) return notAboutServiceMessage(text);
  return false;
}
