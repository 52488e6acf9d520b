/**
 * Anger said by repeating a word with force (round 17): «うるさいうるさいうるさい!!!上のやつなんなの!?»,
 * "the landlord does NOTHING. nothing!". The word itself may be neutral (うるさい describes a noise,
 * "nothing" a fact); said three times in a row before "!" or "?", or said again with "!" after a full
 * stop, it is an outburst, whether aimed at the neighbour or at us. Covers the two repetition misses
 * of round 17; a word said twice in Japanese («うるさいうるさい») or without "!" is left to the learned
 * model.
 *
 * Runs on normalised text (runs of one character are already shortened to two, so laughter such as
 * «ははは» never reaches three repetitions of a two-character word).
 */

// A two-to-six-character Japanese word three times, then "!" or "?".
const japaneseTriple = /([^\s!-~]{2,6})\1\1[!?]/u;
// An English word of four or more letters, a full stop or "!", then the same word with "!".
const englishAgain = /\b([a-z]{4,})[.!]+ \1!/u;

// Review r17: a word of thanks, praise or joy said again is delight, not an outburst ("Thanks.
// Thanks!", «ありがとうありがとうありがとう!», «やったやったやった!»). Katakana is folded to hiragana.
const positiveWord =
  /^(?:thanks?|thank you|great|perfect|awesome|lovely|brilliant|wonderful|amazing|fantastic|excellent|nice|good|cool|yes|yeah|yay|hooray|sorry|finally|ありがと(?:う|ございます)?|すごい|すご|最高|嬉しい|うれしい|やった|よかった|良かった|楽しみ|かわいい|可愛い|素敵|すてき|大好き|好き|おめでとう|感謝|すみません|ごめん|わーい)$/u;

/** The repeated words of an outburst in normalised text, or undefined (see the file comment). */
export function findEmphaticRepetition(text: string): string | undefined {
  // Both patterns end on "!" or "?": without one there is nothing to look for.
  if (!text.includes('!') && !text.includes('?')) return undefined;
  const triple = japaneseTriple.exec(text);
  if (triple !== null && !positiveWord.test(triple[1]!)) return triple[0];
  const again = englishAgain.exec(text);
  if (again !== null && !positiveWord.test(again[1]!)) return again[0];
  return undefined;
}
