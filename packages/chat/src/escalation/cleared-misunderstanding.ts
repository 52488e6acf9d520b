/**
 * A billing worry the customer already cleared, told after it: «二重払いじゃないかって思ったけど、
 * よく見たら別の月の分でした», «請求が二重だとお問い合わせしましたが、こちらの勘違いでした», "I
 * thought I was charged twice, my mistake". Only the clearing ending counts, and only after the
 * worry: «よく見たら請求が2回来ていました» ("on a closer look there were two charges") finds the
 * problem instead of clearing it.
 */
const clearing =
  /よく見たら[^。!?]{0,30}?(?:でした|(?:では|じゃ)なかった|問題(?:なかった|ありません)|合ってました)|(?:勘違い|見間違い?|思い違い)(?:でした|だった|です|みたい)|気のせいでした|\bmisread\b|\bmy (?:mistake|bad)\b/u;

/** How far after the worry the clearing may come (about one more sentence). */
const reach = 60;

/**
 * True when the billing worry that ends at `end` of normalised text is cleared by the customer
 * within the next sentence or so.
 */
export function isClearedAfter(text: string, end: number): boolean {
  return clearing.test(text.slice(end, end + reach));
}

// Round 17 (family "billing worry self-cleared", 2 of the 4 listed in English): "My husband thought we
// were charged twice, but it was two different visits. All fine!", "Thought I'd been overcharged but
// I'd forgotten the delivery fee, my mistake". The worry is told as a thought just before the charge
// word, and cleared after it. "I thought it was a mistake but it was not: you charged me twice" and
// "I thought I was charged twice, and I was" stay disputes, and (review r17) so does a worry the
// words after the "but" confirm or make worse.
const thoughtBefore = /\b(?:thought|worried|assumed|was sure|were sure|believed|feared)\b[^.?!]*$/u;
const clearedAfter =
  /\bbut (?:it|that|they|this|these) (?:was|were|is|are)\b(?! not\b)(?! still\b)|\b(?:turns|turned) out (?:it|that|they|this|i|we)\b(?! (?:was|were|is|are|did|had) (?:not|still)\b)|\bmy (?:mistake|bad|fault|error)\b|\ball (?:fine|good|sorted|ok|okay)\b|\b(?:i|id|we|wed) (?:had )?(?:forgot|forgotten)\b|\b(?:i|we) misread\b/u;
/** How far before the charge word the thought, and after it the clearing, may come. */
const englishReach = 100;
// Review r17: after the clearing, the worry confirmed or made worse is no clearing: "…but it was
// actually more than that - I was charged twice!", "…but that is exactly what happened, the invoice
// is too high", "…but it is worse: we were charged three times".
const confirmedAfter =
  /\b(?:more than|worse|exactly|indeed|true|in fact|really (?:was|were|did|is)|three times|four times|twice|double|again|too (?:high|much)|overcharg\w*|(?:charged|billed|debited|taken)\b(?! (?:once|correctly|right)\b)|wrong|still)\b/u;

/**
 * True when the English charge word at [start, end) of normalised text is a worry the customer
 * thought, in the same sentence before it, and cleared after the thought.
 */
export function isEnglishWorryCleared(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - englishReach);
  const thought = thoughtBefore.exec(text.slice(from, start));
  if (thought === null) return false;
  const window = text.slice(from + thought.index, end + englishReach);
  const cleared = clearedAfter.exec(window);
  if (cleared === null) return false;
  // Read from the clearing on (the worry itself, "thought we were charged twice", comes before).
  return !confirmedAfter.test(window.slice(cleared.index));
}
