/**
 * Conversation features for the learned combination (round 10): how much the new message repeats
 * an earlier customer turn, in other words, and what the assistant did last. The conversation
 * rules (conversation-rules.ts) escalate clear repeats; these graded features let the combination
 * weigh a paraphrase the rules miss against a new follow-up question. The number of turns is
 * deliberately not a feature: the labelled conversations mostly escalate, and a count of turns
 * learns "a history escalates" (a coefficient of +0.9 per turn when tried).
 */

const punctuation = /[\s\p{P}\p{S}]+/gu;
const wide = /[^\s!-~]/u;
// Function words that two unrelated English questions share ("can you tell me when …").
const stopWords = new Set([
  'the',
  'and',
  'you',
  'your',
  'for',
  'this',
  'that',
  'with',
  'have',
  'has',
  'are',
  'was',
  'were',
  'what',
  'when',
  'where',
  'how',
  'why',
  'who',
  'which',
  'can',
  'could',
  'would',
  'should',
  'will',
  'does',
  'did',
  'there',
  'from',
  'they',
  'about',
  'just',
  'please',
  'any',
  'but',
  'not',
  'its',
  'get',
  'got',
  'one',
]);

/** An English word without a common ending: "charged", "charges", "charging" → "charg". */
export function wordStem(word: string): string {
  if (word.length <= 4) return word;
  return word.replace(/(?:ing|ed|es|er|ly|e|s)$/u, '');
}

const hiragana = /^[ぁ-ゖ]{2}$/u;

/**
 * The paraphrase units of normalised text, each once: when it contains Japanese, character bigrams
 * of the text without spaces and punctuation that are not two hiragana (those are mostly endings
 * and particles — ました, です — which any two turns share; normalised katakana words keep their
 * long-vowel bigrams, れぽーと → ぽー, ーと); otherwise the stems of English words of three letters
 * or more that are not function words.
 */
export function paraphraseUnits(normalizedText: string): Set<string> {
  const units = new Set<string>();
  if (wide.test(normalizedText)) {
    const compact = normalizedText.replace(punctuation, '');
    for (let index = 0; index + 1 < compact.length; index += 1) {
      const gram = compact.slice(index, index + 2);
      if (!hiragana.test(gram)) units.add(gram);
    }
    return units;
  }
  for (const word of normalizedText.split(punctuation))
    if (word.length >= 3 && !stopWords.has(word)) units.add(wordStem(word));
  return units;
}

/** Dice coefficient of two sets in [0, 1]; 0 when both are empty. */
export function diceOfSets(left: ReadonlySet<string>, right: ReadonlySet<string>): number {
  const total = left.size + right.size;
  if (total === 0) return 0;
  let shared = 0;
  for (const unit of left) if (right.has(unit)) shared += 1;
  return (2 * shared) / total;
}

const question =
  /[?？]|(?:ですか|ますか|でしょうか|ませんか|のか|んですか|かな|ください|下さい)[。！!]?\s*$/u;

/** True when an assistant turn (normalised) ends by asking the customer something. */
export function asksCustomer(normalizedTurn: string): boolean {
  return question.test(normalizedTurn.trim());
}

// Pointing back at an earlier question the assistant let slide (round 12): "back to my first
// question", "my question was whether…", "yes or no?", "the landlord thing?", «最初にお伺いした…の件
// はいかがでしょうか», «さっきの英語版の件», «まだ答えもらってなかったので».
const backReferencePattern =
  /最初に(?:お伺い|伺|聞|質問|お聞き|お尋ね|尋ね)|最初の(?:質問|件|話)|(?:さっき|先ほど|先程|前)の(?:[^。?]{0,12}(?:件|話|質問|やつ))|(?:答え|回答|返事)(?:を)?(?:もらって|いただいて|頂いて|もらえて)(?:い)?(?:な|ませ)|の(?:件|話)(?:は|って)?(?:どう|いかが)|\bback to (?:my|the) (?:first|earlier|original|other|previous)|\bmy (?:first |original |earlier |other |actual )?question (?:was|is)\b|\bto be clear\b|\byes or no\b|\bor not\b|\bwhole question\b|\bi ask(?:ed)? (?:before|already|earlier)|\b(?:but|and) again\b|\bthe [a-z]+ thing\b|^(?:ok|okay|cool|great|sure|right|thanks|thank you|got it|fine|haha ok|yes)\b[^a-z]{0,3}(?:but|and|so)\b/u;

/** True when a normalised message points back at an earlier question of its own. */
export function pointsBack(normalizedText: string): boolean {
  return backReferencePattern.test(normalizedText);
}

/** Graded conversation features of one message against its history. */
export interface ConversationFeatures {
  /**
   * The largest paraphrase similarity ({@link diceOfSets} of {@link paraphraseUnits}) of the new
   * message to an earlier customer turn that the assistant answered afterwards; 0 without one.
   */
  readonly repeatSimilarity: number;
  /** True when the last history turn is the assistant asking the customer something. */
  readonly assistantAsked: boolean;
  /**
   * True when the message points back at an earlier question ({@link pointsBack}) and the history
   * has a customer turn the assistant replied to.
   */
  readonly backReference: boolean;
}

/** No history: every conversation feature at zero. */
export const noConversationFeatures: ConversationFeatures = {
  repeatSimilarity: 0,
  assistantAsked: false,
  backReference: false,
};

/**
 * The conversation features of a normalised message against its normalised history (oldest
 * first; `roles[i]` is the role of `history[i]`). For example, "is the report arriving today" after
 * the user's "when does my report arrive?" and the answer "in 3 days" gives repeatSimilarity 0.8
 * ("report" and "arriv" shared, 2 · 2 / (3 + 2)) and assistantAsked false (internal: the unit tests
 * hold the worked examples).
 */
export function conversationFeatures(
  normalizedText: string,
  normalizedHistory: readonly string[],
  roles: readonly string[],
): ConversationFeatures {
  if (normalizedHistory.length === 0) return noConversationFeatures;
  const units = paraphraseUnits(normalizedText);
  let repeatSimilarity = 0;
  let answered = false;
  let answeredCustomerTurn = false;
  for (let index = normalizedHistory.length - 1; index >= 0; index -= 1) {
    if (roles[index] !== 'user') {
      answered = true;
      continue;
    }
    if (answered) answeredCustomerTurn = true;
    if (answered)
      repeatSimilarity = Math.max(
        repeatSimilarity,
        diceOfSets(units, paraphraseUnits(normalizedHistory[index]!)),
      );
  }
  const last = normalizedHistory.length - 1;
  return {
    repeatSimilarity,
    assistantAsked: roles[last] === 'assistant' && asksCustomer(normalizedHistory[last]!),
    backReference: answeredCustomerTurn && pointsBack(normalizedText),
  };
}
