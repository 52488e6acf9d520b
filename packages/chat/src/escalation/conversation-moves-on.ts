/**
 * A long conversation moving on (round 17): the ways a customer leaves the old topic behind that the
 * progress patterns of conversation-rules.ts and japanese-progress.ts missed. A writer's long
 * conversations (round17 escalation-train13-ag, half stuck, half moving on) and the brief had about
 * 40 false alarms of `unresolved_turns` on such messages after six history entries:
 *
 * - a new, unrelated question announced («ほな次は請求書のことなんやけど…», «話変わるんですけど»,
 *   «あ、それとメーターって…», «全然関係ないんやけど», "Next question:", "Different topic —",
 *   "While I have you —", "Actually yes, different thing:");
 * - a visit slot chosen or a booking confirmed («金曜の夕方で!», «では月曜の10時で確定してください»,
 *   "Let us do Tuesday the 3rd at 6pm", "Thursday 2pm works", "yes, confirm it please");
 * - a fix confirmed ("That fixed it", "the beeping stopped", "it synced", "New card works",
 *   "it shows annual now");
 * - an understanding reached ("that makes sense now", "Yep that is the one");
 * - a polite or dialect closing («したっけ、よろしくね», «おおきに», «にふぇーでーびる», «あいがとさげ
 *   もした», «おやすみなさい», "ta", "Have a good weekend", "Sorry for the fuss").
 *
 * - round 18 (train14-ai/-aj long conversations, about 15 false alarms): an answer acknowledged
 *   ("Okay, makes sense.", "Fine, that answers it.", "Right, 7 left and no rollover. That is all I
 *   needed.", "Noted.", «説明聞いて安心しました»), a decision taken ("Standard it is. Final answer",
 *   "We will go with mediation first", "Great, let us order them", "If my name stays out of it, I am
 *   in", "Booking the rental for Monday", «ほなそれで頼んます», «解約はやめておきます»), a step done
 *   ("logged in and the report is there", "the CSV opened fine", «よし、全部終わった!») and a side
 *   question announced ("Unrelated —", "Since I have you,", "Last question:", "…, good. Also, can
 *   …?", «最後に、…ですか?»). The stuck signs veto them as before ("Makes sense, but it still …").
 *
 * - a question asked with the anger denied first ("I'm not angry, just asking: if I move the visit,
 *   is there a fee?", «怒ってるわけじゃなくて、単純に聞きたいんですが…?»; round17 train13-ag-075, "Not complaining, just curious — why is the night visit more expensive?", -557).
 *
 * The stuck signs of conversation-rules.ts («まだ», «でも», "still", "but", "again") still veto every
 * one of them, so "it worked, but now X is broken" stays stuck. The one exception is the softener of
 * an announced new question («…なんやけど», «…んですけど», «聞きたいんですけど»), which asks, not
 * contrasts: {@link withoutTopicSoftener} drops it before the stuck signs are read; it drops the
 * denial of anger too (its "not" and «ない» deny, they do not say that something does not work).
 */

// A new question announced: «次の質問», «次は», «話(は)変わる», «(全然)関係ない…けど», «ついでに», «あと»
// or «それと» at the start of a sentence, «ところで», "next question", "different topic".
const newTopic =
  /次の質問|(?:^|[。!])(?:ほな|ほいだら|じゃあ|では|で)?次は(?![^。!?]{0,8}(?:別の|ちゃんと|しっかり))(?=[^。!]{0,40}(?:\?|ですか|ますか))|話(?:は)?変わ(?:る|り|って)|(?:全然|まったく|全く)関係ない|ところで|(?:^|[。!]|^あ|^あと)(?:それと|あと)(?=[^。!?]{0,40}\?)|\b(?:next|new|different|another|unrelated|separate) (?:question|topic|thing|subject)\b|\bwhile i have you\b|\bsince i have you\b|\bunrelated\b[^a-z?]{0,4}(?=[^?]{0,80}\?)|\blast question\b|(?:^|[.!] )(?:[a-z]+[,.!] )?also,? (?=(?:can|could|do|does|is|are|will|would|how|what|when|where|who)\b[^?]{0,80}\?)|最後に(?=[^。!?]{0,40}(?:\?|ですか|ますか))|\b(?:also|and) just fyi\b|\bon (?:another|a different|a separate) note\b/u;

// The softener of an announced new question: «次は請求書のことなんやけど», «関係ないんやけど», «話変わる
// んですけど», «聞きたいんですけど».
const topicSoftener = /(?:ん|の|な)(?:や|です|だ)?けど/gu;

// A visit slot chosen: a day or time, then «で» and an end or «確定/お願い/予約» («金曜の夕方で!», «月曜
// の10時で確定してください»), or an English day, date or time with nothing asked ("Thursday 2pm
// works", "the 14th at 10 works for me", "Let us do Tuesday the 3rd at 6pm").
const slotChosen =
  /(?:[日月火水木金土]曜(?:日)?|\d+日|\d+時(?:半)?|午前|午後|朝(?:いち|一)?|昼|夕方|夜)(?:の[^。!?]{0,8})?で(?:確定|決定|予約|お願い|おねがい|[。!]|$)|^(?:(?:ok(?:ay)?|yes|alright|right|great)[,.]? )?(?:lets do |lets go with |ill take |book )?(?:the )?(?:(?:next |this )?(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d{1,2}(?:st|nd|rd|th)|(?:first|second|third|1st|2nd|3rd) (?:option|slot|one))\b[^?]{0,50}$/u;
const englishSlotEnd =
  /\b(?:works(?: for me| for us)?|please|it is|sharp|is fine|suits me)\b|\d ?(?:am|pm)\b|\d:\d\d\b/u;
const confirmed =
  /^(?:(?:yes|ok(?:ay)?)[,.]? )?(?:please )?confirm(?: it| that| the booking)?[,.]?(?: please)?[.!]?$/u;

// A fix confirmed or an understanding reached.
// Review r17: "shows … now" is a fix only for a state that is not a fault ("it shows annual now",
// not "The app shows offline now").
const fixConfirmed =
  /\b(?:that|this) (?:fixed|did|solved) (?:it|the trick)\b|\b(?:beeping|beeps|alarm|alert|error|warning|crash(?:es|ing)?|noise from (?:it|the meter))s? (?:stopped|(?:has |is |are )?gone)\b|\bit (?:synced|synced up|paired|connected|went through)\b|\b(?:new card|card|link|code|login|button) works\b|\bshows? (?!(?:offline|disconnected|error|errors|nothing|blank|empty|zero|none|unavailable|failed|pending|loading|spinning|red|grey|gray|no|not|still|the same|unknown|expired|locked|declined|overdue|unpaid)\b)[a-z]+ now\b|\bmakes sense now\b|\bthat makes sense\b|\bthats the one\b|\bmy card after all\b|\blogged in and\b|\b(?:opened|loaded|downloaded|imported|went through) fine\b|全部終わった/u;

// Round 18: an answer acknowledged or a decision taken at the end of a long conversation ("Okay,
// makes sense.", "Fine, that answers it.", "That is all I needed.", "Noted.", "Standard it is.",
// "Final answer", "We will go with mediation first", "let us order them", "I am in", "booking the
// rental for Monday", «ほなそれで頼んます», «解約はやめておきます», «説明聞いて安心しました»). A bare
// "ok. noted. bye." after a stuck thread is the terse reply of terse-after-stuck.ts, not an answer
// taken: the acknowledgement counts only with a sentence of substance after it.
const answerTaken =
  /^(?:(?:ok(?:ay)?|right|fine|good|great|alright|brilliant)[,.!]? )?(?:(?:that )?makes sense|noted|understood|confirmed)\b(?=[.,:!]? (?!bye|thanks|whatever)[a-z0-9][^.!?]{10,})|\b(?:that|which) answers (?:it|that|my question)\b|\bthats (?:all|what|everything) i (?:needed|wanted|was after)\b|\b(?:standard|premium|light|basic|business|mediation|that|this|[a-z]+day) it is\b|\bfinal answer\b|\b(?:well|ill|we will|i will) (?:go with|stick with|keep) (?:the |it|that|this|mediation|standard|premium|light|basic)|\blets (?:order|book|schedule|go with) (?:it|them|that|the|a|one)\b|\bim in\b[.!]*$|\bbooking (?:it|the|a|one) (?:for|on)\b|\bi (?:feel like i )?have a plan now\b|(?:それ|これ|その[^。!?]{0,8})で頼(?:む|みます|んます|んだ|みたい)|(?:解約|きゃんせる)(?:は|の話は)?(?:やめて|止めて|なしに)(?:おき|し)ます|説明(?:を)?(?:聞いて|伺って)安心しました/u;

// A polite or dialect closing, alone or after the last words. Review r17: a «よろしく» that pushes
// for action («至急対応よろしくお願いします», «対応よろしく!», «早めに連絡よろしく») is no goodbye.
const closing =
  /^(?![^。!?]{0,12}(?:至急|早急|大至急|急ぎ|急いで|すぐ|早め|早く|はやく|対応|何とか|なんとか|ちゃんと|きちんと|しっかり|修理|交換|返金|返事|返信|回答|連絡))[^。!?]{0,12}よろしく(?:ね|です|お願いします|おねがいします)?[~〜ー!。]*$|よろしゅう|おおきに|にふぇーでーびる|あいがと(?:さげ|ご)|おやすみなさい|\bhave a (?:good|nice|great|lovely) (?:day|weekend|evening|night|one)\b|\bsorry for the (?:fuss|trouble|bother)\b|\byoure a (?:star|legend|lifesaver|gem)\b|^ta[.!]*$/u;

// Anger denied, then a question: "I'm not angry, just asking: … ?", "not complaining, just
// curious — … ?", «怒ってるわけじゃなくて、…ですか». The question must follow within the message.
const deniedAnger =
  /\b(?:(?:im|i am) )?not (?:angry|upset|mad|annoyed|cross|complaining|having a go)[,.]? (?:just|only|simply) (?:asking|curious|wondering|checking)\b(?=[^?]{0,160}\?)|(?:怒って(?:る|いる)|文句(?:を言って(?:る|いる))?|責めて(?:る|いる))(?:わけ)?(?:じゃ|では)(?:なくて|ないんですけど|ないんですが)(?=[^?]{0,80}(?:\?|ですか|ますか))/u;

// Review r17: a "new" question that asks for the old problem to be remedied or pushes for it is no new
// topic: «あと、これって交換してもらえますか?», "While I have you — can you send a replacement meter?",
// "Next question: when will someone actually fix this?", "Different question: will it ever work
// properly?" after a meter that stays offline. Read only with a question announced as new (here,
// and the «別件», «もう一つ», «ついでに», "another question", "one more thing" of the progress
// patterns) or a denied anger, which otherwise move on.
const announcedQuestion =
  /最後に(?:もう)?(?:一つ|ひとつ|1つ)|(?:もう)?(?:一つ|ひとつ|1つ|一個|いっこ)(?:だけ)?(?:聞|質問|お聞き|伺)|別件|つ目の質問|ついでに|(?:^|[。!])あと|\bone more(?: thing| question)?\b/u;
const remedyAsked =
  /交換|修理|直(?:し|す|る|して|せ|ら|って)|治(?:し|す|る|して|せ|ら)|返金|弁償|補償|代わり(?:の|を)|代替|新しい(?:の|もの|機器|機械|めーたー|端末)|見に来|ちゃんと|きちんと|本当に|ほんとに|至急|早急|\b(?:replace\w*|exchange|swap|fix\w*|repair\w*|refund\w*|compensat\w*|actually (?:fix|work|come|send|help|do|sort|answer|respond|reply)\w*|(?:will|does|did) (?:it|this|that|you|someone|anyone) (?:\w+ )?ever|properly|urgent\w*|asap|someone (?:to )?(?:come|look|check|call|sort))\b|\bsend (?:me |us )?(?:a |another )?(?:new|working|different|second|spare)\b/u;

// Review r18 H6: the round-18 ways of moving on hid stuck threads: a question about the old problem
// after an answer taken ("That's what I wanted to know five days ago. When is the technician
// coming?", "I will keep the meter plugged in. When does someone come?", "Okay, makes sense. Send a
// technician tomorrow morning please", «それで頼みます。今日中に誰か来てください») or after a side
// question announced ("Since I have you, when will the meter work?", "Last question: who do I talk
// to…?", «最後に、いつ技術者が来てくれるんですか?», «最後に、責任者の方のお名前を…»), or the fault
// itself named again ("Unrelated — why is my meter offline for a week?"). A visit, a person in
// charge or the fault asked about pushes the old problem like a remedy does.
const visitOrFaultAsked =
  /技術者|責任者|(?:誰か|だれか)来|来て(?:くれ|ください|下さい|もらえ)|いつ[^。!?]{0,12}(?:直|治|届|来|つなが|繋が|復旧)|おふらいん|(?:つなが|繋が)らな|\d+日目|\bwhen (?:is|will|does|do|can) (?:someone|somebody|anyone|it|(?:the|a|an|my) (?:technician|engineer|meter|device|replacement|data))\b|\bwho (?:do|can|should) i (?:talk|speak)\b|\bsend (?:someone|somebody|(?:a|an|the) (?:technician|engineer|person))\b|\b(?:offline|disconnected|(?:isnt|doesnt|wont|not) (?:working|work|connect|connecting|sync|syncing))\b|\bdays? without data\b/u;

/** The normalised text without the softener of an announced new question, for the stuck signs. */
export function withoutTopicSoftener(normalizedText: string): string {
  const text = normalizedText.replace(deniedAnger, '');
  return newTopic.test(text) ? text.replace(topicSoftener, '') : text;
}

/**
 * True when normalised text announces a new question that is about the old problem after all: it
 * asks for a fix, a replacement or a refund, or pushes ("actually fix", «至急», «ちゃんと»). Such a
 * message does not move on, whatever else it says.
 */
export function pushesOldProblem(normalizedText: string): boolean {
  return (
    ((remedyAsked.test(normalizedText) || visitOrFaultAsked.test(normalizedText)) &&
      (newTopic.test(normalizedText) ||
        deniedAnger.test(normalizedText) ||
        announcedQuestion.test(normalizedText))) ||
    (answerTaken.test(normalizedText) &&
      (remedyAsked.test(normalizedText) || visitOrFaultAsked.test(normalizedText)))
  );
}

/**
 * True when normalised text shows one of the ways of moving on above. It does not look for stuck
 * signs: {@link isProgress} weighs those.
 */
export function movesOn(normalizedText: string): boolean {
  return (
    newTopic.test(normalizedText) ||
    deniedAnger.test(normalizedText) ||
    (slotChosen.test(normalizedText) &&
      (/[^\s!-~]/u.test(normalizedText) || englishSlotEnd.test(normalizedText))) ||
    confirmed.test(normalizedText) ||
    fixConfirmed.test(normalizedText) ||
    answerTaken.test(normalizedText) ||
    closing.test(normalizedText)
  );
}
