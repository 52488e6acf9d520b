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
 */
const missedQuestion =
  /\blet me (?:put it|ask(?: it| this)?|say it|phrase it) (?:differently|another way|a different way|in (?:a )?(?:different|another) way)\b|\blet me rephrase\b|\b(?:thats|that is|that was) not what i (?:asked|meant|said)\b|\bthat (?:wasnt|was not|isnt|is not) (?:my|what my) question\b|\bnot what i asked\b|\bi(?:m| am) not asking (?:for|about|if|whether|to)\b[^.?!]{0,60}\bi(?:m| am) asking\b|\bsorry if i (?:wasnt|was not) clear\b|\bi think (?:theres|there is) (?:a|some) misunderstanding\b|\byou (?:misunderstood|misread) (?:me|my question)\b|(?:か|かどうか|のか|のかって)(?:を)?(?:聞いて(?:る|い)ん(?:です|だ)|聞いとるん)|(?:か|の)(?:と|って)(?:お尋ねし|おたずねし|聞い|質問し|伺っ)(?:たん(?:です|だ)|ました|てるん(?:です|だ))(?:けど|が)?[。!]?$|(?:私|わたし|僕|ぼく|俺|おれ)(?:が|の)(?:聞きたい|知りたい|質問(?:して)?(?:い)?る)(?:の|こと)?は|(?:私|わたし)の質問は|(?:の話|のこと)(?:じゃ|では)なくて(?=[^。!?]{0,60}(?:聞(?:いて(?:る|い)|きたい)|知りたい|質問|尋ね|って(?:こと|聞い)|\?))|(?:そうじゃ|そうでは)なくて|ちがうちがう|^ちがくて|質問の仕方が(?:悪|わる)|聞き方が(?:悪|わる)|(?:言って(?:る|いる)こと|言いたいこと|質問(?:の意味|の意図)?)(?:が|は)?伝わって(?:ます|いますか|る)/u;

/** The phrase saying the answer missed the question, or undefined. */
export function findMissedQuestion(normalizedText: string): string | undefined {
  return missedQuestion.exec(normalizedText)?.[0];
}
