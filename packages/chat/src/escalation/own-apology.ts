/**
 * A complaint word inside the customer's own apology (round 16): the customer is sorry for a
 * rudeness of their own side («失礼がありましたらごめんなさい», «うちの社員が御社の技術者に失礼な
 * ことを言ったみたいで、申し訳ありませんでした») or for asking again («すみません、何度も同じことを
 * 聞いてしまって», "Sorry, I know I already asked"). The word blames the customer, not the service.
 * A rudeness done to the customer keeps its complaint: «失礼な対応をされました», «技術者の態度が
 * 失礼すぎる», «失礼なことを言われて、謝罪もありません».
 *
 * Runs on normalised text (katakana folded to hiragana).
 */

// A rudeness the customer allows may have happened: 失礼がありましたら, 失礼があったら, 失礼のないよう.
const conditionalRudenessAfter =
  /^(?:が|など)?(?:あり(?:ましたら|ませんよう)|あったら|あれば)|^の(?:ない|なき)よう/u;
// The customer's apology later in the same sentence or the next: 申し訳ありませんでした, ごめんなさい.
// Review r16: the apology closes its sentence; «こんなこと言って申し訳ないのですが、…» only softens
// what comes next.
const apologyAfter =
  /^[^。!?]{0,40}?(?:申し訳(?:ありません|ございません|ない(?:です)?)(?:でした)?|ごめんなさい|すみませんでした|失礼しました|お詫び(?:申し上げ(?:ます)?|いたします|します))(?:[。!]|$)/u;
// …and the rudeness is not the service's people's: «技術者さんが少々失礼な方で».
const staffSubjectBefore =
  /(?:技術者|担当|測定員|すたっふ|作業員|業者|おぺれーたー|御社|そちら)(?:さん|の方|の人)?(?:が|は|も)[^。!?]{0,8}$/u;
// …unless the rudeness was done to the customer: 失礼なことを言われ, 失礼な対応をされ.
const doneToCustomer = /^[^。!?]{0,12}?(?:され|言われ|いわれ|取られ|とられ)/u;
// Asking again, told as the customer's own fault: 何度も同じことを聞いてしまって, 何度もすみません.
const ownRepeatAfter =
  /^(?:も)?(?:同じこと(?:を|ばかり)?)?(?:聞い|お聞きし|質問し|お尋ねし|尋ね|問い合わせ|お問い合わせし)て(?:しま|すみません|ごめん|申し訳)/u;

/**
 * True when the complaint word at [start, end) of normalised text is part of the customer's own
 * apology: a 失礼 they are sorry for, or 何度も about their own asking (see the file comment).
 */
export function isOwnApology(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end);
  const after = text.slice(end, end + 60);
  if (word.startsWith('失礼')) {
    if (conditionalRudenessAfter.test(after)) return true;
    const before = text.slice(Math.max(0, start - 20), start);
    return apologyAfter.test(after) && !doneToCustomer.test(after) && !staffSubjectBefore.test(before);
  }
  if (word.startsWith('何度') || word.startsWith('何回'))
    return ownRepeatAfter.test(text.slice(start + 2, start + 40));
  return false;
}

// "Sorry, I know I already asked, but…": the customer apologises for asking again.
const sorryForAsking = /\bsorry\b[^.?!]{0,16}\b(?:i know )?i (?:already|just) asked\b/u;
// …unless the question was left unanswered ("sorry, I already asked but nobody replied").
// Review r16: also "I haven't heard back", "any news?", "it's been 10 days".
const leftUnanswered =
  /\b(?:nobody|no one|no answer|no reply|no response|still|yet|never|havent|didnt|heard back|any news|updates?|status|its been|days?)\b/u;

/** True when normalised text apologises for asking again, with no sign the question went unanswered. */
export function apologisesForAsking(text: string): boolean {
  return sorryForAsking.test(text) && !leftUnanswered.test(text);
}
