/**
 * The sentence around a match in normalised text, read within a window of the match (review r15,
 * M2): a long run with many matches ("is fee extra; " repeated) is read in linear time, and a
 * sentence longer than the window counts as no question. Shared by the price-question and the
 * lawyer-review checks.
 */

/** How far before the match and after it the sentence is looked for. */
export const sentenceWindow = 300;
const sentenceStops = new Set(['.', '!', '?', '。', '\n']);
/** A sentence stop of normalised text. */
export const sentenceStop = /[.!?。\n]/u;
/** A sentence end of normalised text where a full stop counts only before a space or the end ("3.5 dB" goes on). */
export const sentenceEnd = /[。!?\n]|\.(?:\s|$)/u;

/** The sentence around [start, end) of normalised text. */
export interface SentenceAround {
  /** From the sentence's start (or the window's) to its stop (or the window's end), the stop excluded. */
  readonly sentence: string;
  /** True when the sentence starts within the window and ends with "?". */
  readonly question: boolean;
  /** Where its stop is in the text; -1 when there is none within the window. */
  readonly stopAt: number;
}

/**
 * The sentence around [start, end) of normalised text (see the file comment), looked for within
 * `window` characters each side (review r17: a rule may ask for a narrower one). The start is found
 * with a native search of the window before the match, not a walk one character at a time (review
 * r17: a 20,000-character message with a match every few words spent most of its time in that walk).
 */
export function sentenceAround(
  text: string,
  start: number,
  end: number,
  window = sentenceWindow,
): SentenceAround {
  const windowStart = Math.max(0, start - window);
  const head = text.slice(windowStart, start);
  let lastStop = -1;
  for (const stop of sentenceStops) lastStop = Math.max(lastStop, head.lastIndexOf(stop));
  const from = windowStart + lastStop + 1;
  const stop = sentenceStop.exec(text.slice(end, end + window));
  const stopAt = stop === null ? -1 : end + stop.index;
  return {
    sentence: text.slice(from, stop === null ? end + window : stopAt),
    question: stop?.[0] === '?' && (from === 0 || sentenceStops.has(text[from - 1] ?? '')),
    stopAt,
  };
}
