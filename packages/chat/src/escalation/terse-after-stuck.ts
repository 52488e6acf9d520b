/**
 * A customer gone terse after being stuck (round 17): a bare acknowledgement — "ok.", "k", "Mhm.",
 * "Noted.", "Right. Thanks I guess.", "Sure. Great. Thanks.", "fine, thanks.", «はい», «うん»,
 * «承知しました», «そうですか。了解です。», «……わかりました。それでいいです。», «はい、じゃあそれで。»,
 * «了解しました。待ってます» — after a thread in which the customer pushed back or was upset and the
 * assistant's last answer did not move them on. The customer has given up, not been helped: the
 * lexicon finds nothing in the message and the trajectory rule counts only upset words, so 42 misses
 * of the training data went quiet (36 in round17, 29 of the 33 `emotion_trajectory` misses of
 * escalation-train13-af; the family has about 105 labelled escalations in data/, 12 labelled
 * non-escalations with the same shape of message, which all stay quiet).
 *
 * Reads the normalised message and history. The message must be nothing but acknowledgements
 * ({@link isTerseAcknowledgement}: at most four of them, no exclamation mark or emoji — "ok cool 🙂",
 * «はーい、わかりました!», «了解です!» are cheerful, not resigned). The history must hold two
 * customer turns or more and end on the assistant, not on a question about the problem («はい»
 * answers "Is the light green?"; an offer such as "Would you like to book it?" still leaves a curt
 * reply). Going back from the customer's last turn, a turn that is upset (the caller's lexicon,
 * `isUpset`), or that follows an answer and is stuck ({@link showsStuck}: «まだ», «でも», "but",
 * "still", "doesn't"; not in a reply of twelve characters or fewer such as "it's not") or pushes back
 * ({@link pushesBack}: "I know, …", "Tried that", "It's been 10 days", «いや、…», «見ました、ないです»,
 * «…って話でしたよね», «何回言っても») fires the rule, before a turn of progress or thanks closes the
 * old problem («あ、ついた» → "OK" stays quiet). A terse reply after a neutral or resolved thread
 * («了解です» after «届くのはいつ頃?» is answered) stays quiet, and so do "Thanks, that fixed it" and
 * "ok great, see you Tuesday", which say more than an acknowledgement. Left: a concrete fix after a
 * stuck turn followed by a calm «はい。では待ってます» still fires (the labels escalate «了解しました。
 * 待ってます» and «はい、じゃあそれで。» after a promised date, so the answer's content is not read).
 */
import { isProgress, isResolution, showsStuck } from './conversation-rules';

const ack = String.raw`(?:ok(?:ay)?|k+|kk|right|mhm+|hm+|mm+|yep|yup|yeah|yes|sure|noted|fine|great|cool|got it|understood|thanks|thank you|thanks for (?:your|the) help|ty|thx|i guess|if you say so|whatever|alright|i see|fair enough|whatever you say|はい|うん|ええ|はーい|了解(?:です|しました|っす)?|承知(?:しました|いたしました|です)|(?:わか|分か)りました(?:よ)?|わかった(?:ってば|よ)?|そうですか|そうですね|そうなんですね|そっか|そう|ああ|はあ|ふぅ|ふう|なるほど|ありがとうございま(?:す|した)|どうも|では(?:失礼します)?|じゃあ|それで(?:いいです|結構です)?|待ってます|もう大丈夫です|仕方ない(?:ですね)?)`;
const separator = String.raw`[\s.,、。…‥・~〜ー-]*`;
const terse = new RegExp(String.raw`^${separator}${ack}(?:${separator}${ack}){0,3}${separator}$`, 'u');
// Cheerful marks: an exclamation, an emoji, a laugh.
const cheerful = /[!！]|\p{Extended_Pictographic}|\^\^|笑|\bw+$|\blol\b/u;

/** True when normalised text is nothing but a few acknowledgements, said flatly ("ok.", «はい、はい。»). */
export function isTerseAcknowledgement(normalizedText: string): boolean {
  return normalizedText.length <= 40 && terse.test(normalizedText) && !cheerful.test(normalizedText);
}

// A customer saying the answer did not help: they know it, did it, saw it, told them already; they
// restate what they need («…を変えたいのです», «…が必要なんです», «…を伺っております», "I'm after the
// raw data", "Is there any way?"); they ask again («で、拾える?»); or they press with the time lost
// ("It's been 10 days", «40分過ぎてます», "another day off", "I'm paying for this week", "did that
// twice"). Normalised text (hiragana, apostrophes dropped, 、 between Japanese removed).
const pushback =
  /^(?:i know|i (?:already )?(?:saw|tried|checked|did|told)|ive (?:already )?(?:seen|tried|checked|done|read)|i have (?:already )?(?:seen|tried|checked|done|read)|tried that|we (?:have|ve|already) (?:talked|tried|done|asked|spoken)|right,? i saw|no worries,? but)\b|\bi told (?:him|her|them|you)\b|\bthats it\?|\b(?:wouldnt|couldnt|dont|arent|wasnt)\b|\bi(?:m| am) (?:after|paying)\b|\bis there (?:any|no) (?:way|chance)\b|\bany chance\b|\bi need\b|\bwe (?:want|need)\b|\b(?:its|it has|thats) been \d+|\bminutes (?:past|late)\b|\banother (?:day|week)\b|\bday off\b|\bso what now\b|\btwice\b|^(?:いや|いえ)|^(?:[^。!?]{0,12}(?:は|も))?(?:見|読み|確認し|試し|やり)ました(?:[。]|$|が|けど)|(?:確認|拝見)(?:いた)?しました(?:が|けど)|(?:承知|わかって|分かって)(?:して)?(?:い|おり)ます[。]?(?:が|ですが|でも)|ましたよね|でしたよね|って(?:話|言って)|何(?:回|度)(?:言|頼|聞|伝え)っても|(?:じゃ|では)なくて|ないです(?!か)|ないんです|たい(?:の|ん)です|必要(?:な(?:の|ん)|)です|伺っております|というか|(?:^|[。!?])(?:で|んで)(?=[\u4e00-\u9fff]|いつ|どう|なに)|過ぎ(?:てます|ました)|(?:二|2)(?:回|度)(?:目|も)/u;

// Review r17: distress the lexicon does not read as upset — sleep lost («眠れない», "I'm barely
// sleeping", "haven't slept"), fear, exhaustion, not coping («もう限界», «つらい», "I can't cope",
// "in tears"). A flat "Ok." after it (round4 t4c-035) is a customer left alone with it.
const distress =
  /\b(?:barely|hardly|not|cant|cannot|havent(?: been)?) (?:sleep\w*|slept)\b|\bno sleep\b|\bsleepless\b|\b(?:scared|terrified|frightened|exhausted|desperate|at my wits end|cant cope|cannot cope|cant take (?:it|this|much more)|breaking down|in tears|crying)\b|眠れ(?:ない|ません|ず)|寝(?:れ|られ)(?:ない|ません|ず)|怖(?:い|くて)|限界|つらい|辛い|しんどい|泣い|泣き/u;

/** True when a normalised customer turn shows distress the lexicon may miss ("I'm barely sleeping"). */
export function showsDistress(normalizedTurn: string): boolean {
  return distress.test(normalizedTurn);
}

/** True when a normalised customer turn pushes back on the answer before it. */
export function pushesBack(normalizedTurn: string): boolean {
  return pushback.test(normalizedTurn);
}

// The assistant's last turn asks about the problem ("Is the light green?", «お部屋はどちらですか»): a
// «はい» or "ok" answers it. An offer ("Would you like to book it?" after «3週間埋まっています»: a
// curt "Fine." is labelled an escalation twice in the training data) and a closing formula ("Is
// there anything else I can help you with?", «他にご不明な点はございますか») leave the reply terse.
const question = /[?]\s*$|(?:ですか|ますか|でしょうか)[。]?\s*$/u;
const offerOrClosing =
  /\b(?:shall i|should i|would you like|do you want|want me to|anything else)\b|(?:しましょうか|いたしましょうか|させていただ|(?:他|ほか)に(?:何か|なにか|ご不明|ご質問))/u;

/** A terse reply after a stuck thread: the evidence and the history index of the stuck turn. */
export interface TerseAfterStuck {
  readonly evidence: string;
  readonly index: number;
}

/**
 * The terse acknowledgement after a stuck thread, or undefined: the evidence names the terse reply
 * and the customer turn that was stuck or upset (the last one before the reply). `history` is normalised, `roles[i]`
 * the role of `history[i]`; `isUpset(i)` says whether the lexicon reads customer turn `i` as upset.
 */
export function findTerseAfterStuck(
  normalizedText: string,
  history: readonly string[],
  roles: readonly string[],
  isUpset: (index: number) => boolean,
): TerseAfterStuck | undefined {
  if (!isTerseAcknowledgement(normalizedText)) return undefined;
  const last = history.length - 1;
  if (last < 0 || roles[last] !== 'assistant') return undefined;
  const answer = history[last]!;
  if (question.test(answer) && !offerOrClosing.test(answer)) return undefined;
  let customerTurns = 0;
  for (const role of roles) if (role === 'user') customerTurns += 1;
  if (customerTurns < 2) return undefined;
  // Back from the customer's last turn to the one that closed the old problem, if any.
  for (let index = last; index >= 0; index -= 1) {
    if (roles[index] !== 'user') continue;
    const turn = history[index]!;
    const answered = index > 0 && roles[index - 1] === 'assistant';
    // A short reply to what the assistant said («it's not» to "Only if the noise is loudest there")
    // is an answer, not a customer stuck: a negation alone does not count in it.
    const shortAnswer = turn.length <= 12;
    if (
      isUpset(index) ||
      showsDistress(turn) ||
      (answered && ((!shortAnswer && showsStuck(turn)) || pushesBack(turn)))
    )
      return { evidence: `terse "${normalizedText}" after unresolved "${turn.slice(0, 60)}"`, index };
    if (isProgress(turn) || isResolution(turn)) return undefined;
  }
  return undefined;
}
