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
const complaintNearby =
  /\b(?:complain\w*|report(?:ing|ed)? (?:you|your company|this|them|it to)|file a|lodge a)\b/u;
const referralInMatch = /\b(?:my|a|the|our) (?:referral )?(?:link|code)\b|\breferral\b/u;
const notAboutServiceJapanese =
  /(?:御社|貴社|おたく|そちら)の(?:件|こと)(?:じゃ|では)(?:ない|なく|ありません)|(?:御社|貴社|おたく|そちら)(?:とは|には)関係(?:ない|なく|ありません)/u;
const complaintJapanese = /ひど|最悪|対応が|苦情|許せ|返金|言います|言いますよ/u;

/** True when the threat word at [start, end) of normalised text threatens no one (see above). */
export function isThreatLookAlike(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end);
  const before = text.slice(Math.max(0, start - 48), start);
  const after = text.slice(end, end + 48);
  if (postedMatch.test(word) && someoneElseBefore.test(before) && !/\band i\b/u.test(before))
    return !aboutTheService.test(word);
  if (/^report/u.test(word) && otherPartySaidBefore.test(before)) return !aboutTheService.test(word);
  if (/^(?:consumer|regulator)/u.test(word) && sourceAfter.test(after))
    return !complaintNearby.test(text.slice(Math.max(0, start - 60), end + 80));
  if (/^(?:post|share)/u.test(word) && referralInMatch.test(word)) return true;
  if (/消費/u.test(word) && notAboutServiceJapanese.test(text)) return !complaintJapanese.test(text);
  return false;
}
