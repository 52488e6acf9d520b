/**
 * A person named in a message that asks for none (round 16): talked to already («あのあと上の方と
 * 話せて、今は静かです»), put off to the day of the visit («担当者と話すのは当日で大丈夫です»), the
 * topic of a remark whose comma normalisation dropped («管理会社の担当者、話は聞いてくれるけど…»
 * becomes «担当者話は…»), and a call already arranged that the customer only asks about ("I was told
 * someone would call me tomorrow — what number will it come from?"). A wish stays a request:
 * «担当者と話したいです», «担当者と話せたらいいのですが», «担当者と話せていません», "I was told
 * someone would call me, nobody did".
 *
 * Runs on normalised text, on the evidence of a human-request match at [start, end).
 */

// 話せて, 話せた, 話せました, 話しました: the talk happened (not 話せたら, 話せていない, 話したい, and since
// review r16 not «話せた方が早い», «話した方が早い»).
// Round 17: «上の人と話し合いました» (talked it over), not «話し合いたい».
const talkedAfter =
  /^(?:せ(?:て(?!(?:い)?な)|た(?![らいほ方])|まし)|し(?:た(?![いくらほ方])|まし(?!ょう))|し合(?:いまし|った|って(?!(?:い)?な|ほし|くだ|もら)))/u;
// Review r17: a て-form leads on to what follows it in the sentence, which may be a wish («責任者と直接
// 話し合って決めたいです», «話せてから決めたい»): then the talk is wanted, not done.
const talkedInTeForm = /^(?:せて|し合って)/u;
const wishLater =
  /^[^。!?]{0,30}?(?:たい|たく|ほしい|欲しい|お願い|ください|下さい|もらえ|いただけ|頂け|ませんか|べき)/u;
// 話すのは当日で大丈夫です, 話すのは後でいいです: the talk is put off, nothing is asked now.
const putOffAfter =
  /^[ぁ-ん]{0,3}?のは[^。!?]{0,10}?(?:で|でも)(?:大丈夫|いい|良い|結構|構いません|かまいません)/u;
// «担当者話は»: no particle between the person and 話, which is the topic (は) of the remark (not
// «電話で話はできませんか»).
const topicWithoutParticle = /[^とにをへらは接おで]話$/u;
// "I was told someone would call me": the call is arranged by the company.
const arranged =
  /\b(?:told|said|promised|arranged|scheduled|booked|confirmed)\b[^.?!]{0,30}\b(?:would|will|is going to|is to)\b/u;
// …and the customer asks about it: from what number, at what time, when.
const askedAbout = /\b(?:what|which) (?:number|time)\b|\bwhen (?:will|would|should|is)\b/u;
// …and not overdue: "its thursday now", "it has been a week" (review r16).
const notHappened =
  /\b(?:nobody|no one|never|still|yet|didnt|did not|hasnt|has not|havent|have not|its been|it has been|days|weeks?|overdue|\w+day now)\b/u;

// Round 17: the opening hours of the phone line asked about («電話相談の受付時間って何時から何時ですか？»),
// with no wish to talk in the message («…何時までですか？今すぐ話したい» stays a request).
const hoursAskedAfter =
  /^(?:の)?(?:受付|うけつけ|営業|対応)?(?:時間|日|曜日)(?:帯)?(?:って|は|を)?[^。!?]{0,12}?(?:何時|なんじ|いつ|何曜|教えて)/u;
const wishToTalk = /たい|ほしい|欲しい|お願い|ください|下さい|急ぎ|すぐ/u;
// Round 17: whether the worker visiting calls ahead ("Will the engineer call me before coming, or do they
// just turn up?"): how the visit works, not a call asked for ("Can the engineer call me before coming?"
// and "Please have the engineer call me" stay requests).
const workerCallsAhead =
  /\b(?:will|would|does|do) (?:the|your|an?) (?:engineer|technician|tech|installer|driver|courier|staff member|measurer|visitor)s? $/u;
const aheadAfter = /^ (?:before|ahead|first|when|on the way)\b[^.!]{0,60}\?/u;

// Round 18: a talk declined («人と話さなくても、チャットで全部済むなら助かります»), a phone line asked about
// for its hours only («チャットじゃなくて電話の窓口ってありますか？営業時間だけ知りたいです»; not with a
// wish to talk, «…今すぐ話したい»), and a person of the customer's own side ("Someone senior at my company
// wants to understand your service").
const declinedAfter = /^(?:さ(?:なくて|ずに|ないで)|す必要(?:は|も)?(?:ない|ありません))/u;
const hoursOnly = /(?:営業時間|受付時間|電話番号|番号)(?:だけ|のみ)(?:知りたい|教えて|確認したい)/u;
const wishToTalkNow = /話(?:したい|させて|せ(?:ます|ません)か)|繋いで|つないで|代わって|かけて(?:ほし|くだ)/u;
const ownSideAfter =
  /^ (?:at|in|from|on) (?:my|our) (?:company|firm|team|side|office|organi[sz]ation|end|business|practice|clinic)\b/u;

/** True when the human request at [start, end) of normalised text asks for no person (see the file comment). */
export function isPersonNotRequested(text: string, start: number, end: number): boolean {
  const evidence = text.slice(start, end);
  const after = text.slice(end, end + 40);
  if (
    /(?:電話|通話)相談$/u.test(evidence) &&
    hoursAskedAfter.test(after) &&
    !wishToTalk.test(text.slice(end))
  )
    return true;
  if (
    /^(?:call|ring|phone) (?:me|us)$/u.test(evidence) &&
    workerCallsAhead.test(text.slice(Math.max(0, start - 40), start)) &&
    aheadAfter.test(text.slice(end, end + 80))
  )
    return true;
  if (evidence.endsWith('話') && declinedAfter.test(after)) return true;
  if (hoursOnly.test(text) && !wishToTalkNow.test(text)) return true;
  if (ownSideAfter.test(after)) return true;
  if (evidence.endsWith('話')) {
    if (talkedAfter.test(after) && !(talkedInTeForm.test(after) && wishLater.test(after))) return true;
    if (putOffAfter.test(after)) return true;
    if (topicWithoutParticle.test(evidence) && after.startsWith('は')) return true;
  }
  return (
    arranged.test(text.slice(Math.max(0, start - 40), end)) &&
    askedAbout.test(text) &&
    !notHappened.test(text)
  );
}
