/**
 * A feeling or complaint inside words someone said to the customer (round 16): «上司から「騒音業者に
 * 頼んだって意味ないだろ」と言われたことがあります» reports another's opinion, told in quotes and
 * followed by «と言われ». The customer's own words in quotes («「最悪」と言いたくなります») and a
 * complaint outside the quotes («「すぐ直します」と言われたのに直らない») are not reported speech.
 *
 * Runs on normalised text.
 */

// Review r16: the service's own people are no one else: «御社の担当者に「測定しても意味ないですよ」と言
// われました», «測定員の方から「…ありえない」って言われた» are complaints about the service.
const serviceSpeakerBefore =
  /(?:担当|御社|貴社|おたく|お宅|そちら|さぽーと|測定員|技術者|すたっふ|電話の(?:方|人)|おぺれーたー|窓口|受付|こーるせんたー)[^「『。!?]{0,12}$/u;

const closeThenToldAfter =
  /^[^「」『』。!?]{0,30}[」』](?:と|って)[^。!?]{0,6}?(?:言われ|いわれ|言ってき|いってき)/u;

/**
 * True when [start, end) of normalised text sits inside a quotation said to the customer by someone
 * other than the service's own people.
 */
export function isReportedSpeech(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - 40);
  const before = text.slice(from, start);
  const open = Math.max(before.lastIndexOf('「'), before.lastIndexOf('『'));
  if (open < 0 || /[」』]/u.test(before.slice(open))) return false;
  const speaker = text.slice(Math.max(0, from + open - 24), from + open);
  return !serviceSpeakerBefore.test(speaker) && closeThenToldAfter.test(text.slice(end, end + 50));
}
