import { parseInput, type SentimentLabel } from '@kizuna/core';
import * as z from 'zod';
import { isNegatedEnglish, isNegatedJapanese } from '../escalation/negation';
import { normalizeText } from '../text/normalize-text';
import { sentimentLexicon } from './sentiment-lexicon';
import { type SentimentOptionsInput, sentimentOptionsSchema } from './sentiment-options';

/** The sentiment of one text. */
export interface SentimentResult {
  /** POSITIVE, NEGATIVE or NEUTRAL (seeds/001 §6.2). */
  readonly label: SentimentLabel;
  /** Score in [−1, 1]: the weighted balance of positive and negative terms. 0 when none is found. */
  readonly score: number;
  /** The terms found (normalised text) with their weights after negation. */
  readonly evidence: readonly { readonly term: string; readonly weight: number }[];
}

const textSchema = z.string().max(20_000);
const defaultOptions = sentimentOptionsSchema.parse({});

/**
 * Lexicon-based sentiment for Japanese and English, offline and deterministic: weighted terms over
 * normalised text, a negation in the same clause flips a term ("満足していない", "not good"), and
 * the score is `(positive − negative) / (positive + negative + 1)`, so one mild word gives ±0.5
 * and more evidence approaches ±1. It feeds the health engine's sentiment risk. For a language
 * model's opinion, see `analyzeSentimentWithModel`.
 *
 * @throws KizunaValidationError when `text` is not a string or the options are invalid
 * @example
 * ```ts
 * analyzeSentiment('とても丁寧で助かりました').label; // 'POSITIVE'
 * analyzeSentiment('対応が遅くて残念です').label; // 'NEGATIVE'
 * analyzeSentiment('I am not happy with the report').label; // 'NEGATIVE'
 * ```
 */
export function analyzeSentiment(text: string, options?: SentimentOptionsInput): SentimentResult {
  const input = parseInput(textSchema, text, 'sentiment text');
  const settings =
    options === undefined ? defaultOptions : parseInput(sentimentOptionsSchema, options, 'sentiment options');
  const normalized = normalizeText(input);
  const hasJapanese = /[^\s!-~]/.test(normalized);
  let positive = 0;
  let negative = 0;
  const evidence: { term: string; weight: number }[] = [];
  for (const term of sentimentLexicon) {
    if (term.language === 'ja' && !hasJapanese) continue;
    const pattern = term.pattern;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(normalized); match !== null; match = pattern.exec(normalized)) {
      const end = match.index + match[0].length;
      const negated =
        term.language === 'ja'
          ? isNegatedJapanese(normalized, end)
          : isNegatedEnglish(normalized, match.index);
      // A negated positive is negative; a negated negative is only neutral ("not bad" is not praise).
      const weight = negated ? (term.weight > 0 ? -term.weight : 0) : term.weight;
      if (weight > 0) positive += weight;
      else negative -= weight;
      if (weight !== 0) evidence.push({ term: match[0], weight });
    }
  }
  const score = (positive - negative) / (positive + negative + 1);
  const label: SentimentLabel =
    score >= settings.positiveThreshold
      ? 'POSITIVE'
      : score <= settings.negativeThreshold
        ? 'NEGATIVE'
        : 'NEUTRAL';
  return { label, score, evidence };
}
