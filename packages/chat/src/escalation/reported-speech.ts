/**
 * A feeling or complaint inside words someone said to the customer (round 16): «上司から「騒音業者に
 * 頼んだって意味ないだろ」と言われたことがあります» reports another's opinion, told in quotes and
 * followed by «と言われ». The customer's own words in quotes («「最悪」と言いたくなります») and a
 * complaint outside the quotes («「すぐ直します」と言われたのに直らない») are not reported speech.
 *
 * Runs on normalised text.
 */

const closeThenToldAfter =
  /^[^「」『』。!?]{0,30}[」』](?:と|って)[^。!?]{0,6}?(?:言われ|いわれ|言ってき|いってき)/u;

/** True when [start, end) of normalised text sits inside a quotation said to the customer. */
export function isReportedSpeech(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  const open = Math.max(before.lastIndexOf('「'), before.lastIndexOf('『'));
  if (open < 0 || /[」』]/u.test(before.slice(open))) return false;
  return closeThenToldAfter.test(text.slice(end, end + 50));
}
