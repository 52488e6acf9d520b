import { oncePerMessage } from './once-per-message';
import { sentenceAround } from './sentence-around';

/**
 * The service's own mediation (round 18): «調停» as the sessions of the service's mediation add-on
 * («AI調停サービス» in the plan catalogue), asked about, booked, moved or thanked for, is a feature
 * of the product and no legal step: «調停の予約って
 * オンラインでもできますか？», «調停の日程を1週間後ろにずらせますか？», «新しい調停員さんとの面談、来週
 * 水曜でお願いします», «では、まず調停からお願いします», «御社の調停のおかげで、隣の方と円満に話がつきま
 * した», «調停ありがとうございました», «調停と弁護士レビューって、どっちが先にやるものなんですか？プラン
 * の説明を見てもよく分からなくて» (about 30 of round 18's false alarms).
 *
 * The service is named by one of: its mediator («調停員», not the court's «調停委員»), the company
 * («御社の調停»), the plan or the lawyer review in the sentence, booking words right after the word
 * (its booking, date, session, application, how it goes, online, the camera), or the session thanked
 * for or said to have gone well («調停のおかげで», «調停してもらってから», «調停うまいこといった»).
 *
 * A mediation of the customer's own case at a court stays legal: filed or to be filed («申し立て»),
 * civil or at a court («民事調停», «家庭裁判所», «調停委員»), the report or the data taken to it as
 * evidence («調停に報告書を出したい», «調停の資料», «調停で使う»), the other side filing
 * («相手方から調停を申し立てられました»), or one the dispute is heading to («調停になりそうです»,
 * «調停ってやつに持ち込みたい»).
 */

const companyBefore = /(?:御社|貴社|おたく|そちら|ぷれみあむ|premium|ai)の?$/u;
// Right after the word: the service's mediator, booking words, a session thanked for or gone well.
const serviceAfter =
  /^(?:員(?!会)|(?:の|を|が|は)?(?:予約|日程|日にち|面談|申し込|申込|お申し?込|流れ|ぷらん|おかげ|時間|当日|とき|時|あと|後|かめら|おんらいん|ありがとう|有難う|きゃんせる分)|(?:って|は)[、,]?(?:おんらいん|かめら|どんな感じ|どういう流れ|どのくらい|何回|もし|相手(?:の方)?が(?:参加|来|断))|(?:から)?(?:お願い|おねがい)|(?:して|を?して)もら(?:って|え|い)|(?:が|は|も)?(?:うまく|うまいこと|上手く|無事)|(?:とか|と)(?:弁護士|話し合いの(?:さぽーと|支援))|(?:とか|も)?(?:が)?付(?:く|いて))/u;
// In the sentence: the plan or the lawyer review named as a feature.
const featureInSentence = /ぷらん|ぷれみあむ|premium|弁護士(?:さん)?の?(?:れびゅー|ちぇっく)|弁護士監修/u;
// A mediation at a court, or evidence taken to it, in the word's sentence.
// Review r18 (M7): a date or a notice that arrived («調停の日程が届いたんですが», «調停期日の通知», «呼出状») is
// the court's summons, not a booking with us.
const courtStepInSentence =
  /(?:日程|期日|通知|呼出状?|呼び出し状?)(?:が|の)?(?:届|来)|呼出|呼び出し|期日|申し?立|民事|裁判所|調停委員|家裁|簡裁|証拠|証人|証言|提出|報告書|れぽーと|資料|書類|でーた|原本|持ち込|になりそう|ってやつ|使(?:う|い|え)|出(?:す|し|せ)|弁護士に|訴/u;
// Review r18 (S2): read once per message first; a message with none of these words needs no sentence.
const courtStepInMessage = oncePerMessage((text) => courtStepInSentence.test(text));
// How far each side of the word its sentence is looked for.
const mediationWindow = 120;

/** True when «調停» at [start, end) of normalised text names the service's own mediation (see above). */
export function isServiceMediation(text: string, start: number, end: number): boolean {
  if (text.slice(start, end) !== '調停') return false;
  const named =
    serviceAfter.test(text.slice(end, end + 24)) ||
    companyBefore.test(text.slice(Math.max(0, start - 12), start));
  if (named && !courtStepInMessage(text)) return true;
  const { sentence } = sentenceAround(text, start, end, mediationWindow);
  if (courtStepInSentence.test(sentence)) return false;
  return named || featureInSentence.test(sentence);
}
