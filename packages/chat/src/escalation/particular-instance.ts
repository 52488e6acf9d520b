/**
 * A refund or cancellation asked about for one particular visit or payment that went wrong is a
 * request, however it is phrased ("昨日の訪問分、返金してもらうにはどうしたらいいですか", "how do I get
 * my money back for Tuesday's visit?"); a question about the policy names no such instance.
 */

const particularInstance =
  /昨日|きのう|先日|先週|先月|今日|本日|今朝|さっき|先ほど|この前|こないだ|この間|前回|今回|結局|(?:払った|支払った|申し込んだ|予約した|頼んだ|依頼した)|(?:来|測れ|測定でき|届か|動か)(?:なかった|ませんでした)|止まって(?:た|い|ま)|\byesterday\b|\btoday\b|\bthis morning\b|\blast (?:week|month|night|time)\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|\b(?:never|didnt|did not|wasnt|was not|hasnt|has not) (?:arrive|arrived|come|came|show|showed|turn|turned|happen|happened|work|worked|done|been done)\b|\b(?:nobody|no one|noone) (?:came|showed|turned)\b|\bfailed\b|\bmissed (?:appointment|visit|measurement|booking)|\b(?:i|we) (?:placed|booked|paid|ordered)\b/u;
// ...unless it is a condition, a fee, or the status of a refund already under way (ぽりしー: the
// text is normalised, katakana folded).
const conditionOrStatus =
  /場合|なら|たら|料金|手数料|ぽりしー|規約|いつ|何日|振り込まれ|戻ってき|反映|届きま|\bif\b|\bwhen\b|\bfees?\b|\bpolicy\b|\bhow long\b|\bstatus\b|came through|went through|\b(?:refunded|reversed|received)\b|\barrive/u;

/** True when normalised text names a particular visit, payment or failure (yesterday, "I paid", "never came"). */
export function namesParticularInstance(text: string): boolean {
  return particularInstance.test(text);
}

/** True when a clause asks about a condition, a fee or the status of a refund already under way. */
export function isConditionOrStatus(clause: string): boolean {
  return conditionOrStatus.test(clause);
}
