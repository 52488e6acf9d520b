/**
 * A question the answer missed, said so (round 17): the customer restates what they asked because
 * the reply answered something else. Round17 escalation-train13-af (repeated questions in other
 * words) and the brief had about 20 such misses of `repeated_question` that share few words with
 * the first question: "Let me put it differently: …", "that is not what I asked", "I am not asking
 * for a refund, I am asking …", "Sorry if I was not clear", "I think there is a misunderstanding",
 * «いや、キャンセル料がかかるかどうかを聞いてるんです», «ちがうちがう、私が聞きたいのは…», «あの、私の
 * 言ってること伝わってます?», «…のかって聞いたんですけど», «…のか、とお尋ねしました», «キャンセル料の
 * 話じゃなくて», «質問の仕方が悪かったかもしれません», «私の質問は…です». A clarification after a good
 * answer ("Just to confirm I understood: …?", «…は聞かれないんですね») says none of these.
 * Runs on normalised text (hiragana, 、 between Japanese removed, apostrophes dropped).
 *
 * Review r17: a missed question needs a question to have been missed. On a first message
 * («私が知りたいのは料金です。», «騒音の話じゃなくて、請求のことで質問です。», «そうじゃなくて、来週の予約
 * を取りたいです。») the same words only say what the customer wants, so the phrase counts only when the
 * history holds a customer turn that asks something ({@link asksSomething}) and an assistant turn after
 * it.
 */
const missedQuestion =
  /\blet me (?:put it|ask(?: it| this)?|say it|phrase it) (?:differently|another way|a different way|in (?:a )?(?:different|another) way)\b|\blet me rephrase\b|\b(?:thats|that is|that was) not what i (?:asked|meant|said)\b|\bthat (?:wasnt|was not|isnt|is not) (?:my|what my) question\b|\bnot what i asked\b|\bi(?:m| am) not asking (?:for|about|if|whether|to)\b[^.?!]{0,60}\bi(?:m| am) asking\b|\bsorry if i (?:wasnt|was not) clear\b|\bi think (?:theres|there is) (?:a|some) misunderstanding\b|\byou (?:misunderstood|misread) (?:me|my question)\b|(?:か|かどうか|のか|のかって)(?:を)?(?:聞いて(?:る|い)ん(?:です|だ)|聞いとるん)|(?:か|の)(?:と|って)(?:お尋ねし|おたずねし|聞い|質問し|伺っ)(?:たん(?:です|だ)|ました|てるん(?:です|だ))(?:けど|が)?[。!]?$|(?:私|わたし|僕|ぼく|俺|おれ)(?:が|の)(?:聞きたい|知りたい|質問(?:して)?(?:い)?る)(?:の|こと)?は|(?:私|わたし)の質問は|(?:の話|のこと)(?:じゃ|では)なくて(?=[^。!?]{0,60}(?:聞(?:いて(?:る|い)|きたい)|知りたい|質問|尋ね|って(?:こと|聞い)|\?))|(?:そうじゃ|そうでは)なくて|ちがうちがう|^ちがくて|質問の仕方が(?:悪|わる)|聞き方が(?:悪|わる)|(?:言って(?:る|いる)こと|言いたいこと|質問(?:の意味|の意図)?)(?:が|は)?伝わって(?:ます|いますか|る)/u;

// A customer turn that asks: a question mark or ending («…ですか», «…かな», «…でしたっけ»), a request
// («…ください», «…たいです», «請求の取り消しをお願いします», "please", "I need"; round17 t13ae-428
// misses a request, not a question), an English question or "I want to know", or a Japanese
// question left bare («週末の予約ってできる», «いつ届く»: «って» or a question word).
const asks =
  /[?]|(?:ですか|ますか|でしょうか|ませんか|のか|んですか|かな|っけ|ください|下さい|たい(?:です|んです|のです|んですが|のですが)?|ある|できる|いい)[。!]?\s*$|^(?:what|when|where|why|how|who|which|is|are|am|do|does|did|can|could|will|would|should|may|any)\b|\b(?:i (?:want|need|would like|wanted|wish) to (?:know|ask)|how (?:much|long|many)|whether|wondering)\b|って|いつ|いくら|どこ|なぜ|何|どう|知りたい|教えて|聞きたい|伺いたい|お尋ね|質問|(?:お願い|おねがい)(?:します|したい)|\b(?:please|i (?:want|need|would like|wanna))\b/u;

/** True when a normalised customer turn asks something (see `asks` above). */
export function asksSomething(normalizedTurn: string): boolean {
  return asks.test(normalizedTurn.trim());
}

/**
 * The phrase saying the answer missed the question, or undefined: only when the normalised history
 * (`roles[i]` the role of `history[i]`) holds a customer turn that {@link asksSomething} with an
 * assistant turn after it.
 */
export function findMissedQuestion(
  normalizedText: string,
  history: readonly string[],
  roles: readonly string[],
): string | undefined {
  // Without a history there is no question to have missed (and no need to read the message).
  if (history.length === 0) return undefined;
  const phrase = missedQuestion.exec(normalizedText)?.[0];
  if (phrase === undefined) return undefined;
  let answered = false;
  for (let index = history.length - 1; index >= 0; index -= 1) {
    if (roles[index] !== 'user') answered = true;
    else if (answered && asksSomething(history[index]!)) return phrase;
  }
  return undefined;
}
