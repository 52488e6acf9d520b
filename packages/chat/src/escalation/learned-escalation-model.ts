import { createHashedTextModel, type HashedTextModel } from './hashed-text-model';
import { learnedModelWeights } from './learned-model-weights';

const { threshold } = learnedModelWeights;
const textModel = createHashedTextModel(learnedModelWeights);
const atRiskModel = createHashedTextModel(learnedModelWeights.atRisk);

/** The learned model's verdict on one message. */
export interface LearnedEscalationScore {
  /** Log-odds that the message needs a person (the model's own scale). */
  readonly logOdds: number;
  /** The log-odds at or above which the model says "escalate". */
  readonly threshold: number;
  /** True when `logOdds >= threshold`. */
  readonly escalate: boolean;
  /** The spans of the message that pushed hardest towards escalation, strongest first (at most three). */
  readonly evidence: readonly string[];
}

/** Log-odds of the learned model for normalised text (the fast path; no evidence). */
export function learnedEscalationLogOdds(normalizedText: string): number {
  return textModel.logOdds(normalizedText);
}

/**
 * Log-odds of the at-risk text model for normalised text: logistic regression over the same hashed
 * features, trained only on messages of accounts at risk that no hard rule escalates, so it reads
 * the quiet signs of churn ("we'll see about renewing", «使う機会がなくて») that the main text model,
 * trained without such account-only labels, reads as calm. The combination weighs it only for an
 * account at risk (escalation-combination.ts).
 */
export function learnedAtRiskLogOdds(normalizedText: string): number {
  return atRiskModel.logOdds(normalizedText);
}

/**
 * Scores normalised text with the learned escalation model — logistic regression over hashed
 * character unigrams and bigrams (Japanese) and words and word pairs (English), trained by
 * `scripts/train-escalation-model.ts` on the labelled sets — and names the spans that weighed most.
 *
 * @param normalizedText - text returned by `normalizeText`
 * @example
 * ```ts
 * scoreLearnedEscalation(normalizeText('もう限界です')).escalate; // true
 * ```
 */
export function scoreLearnedEscalation(normalizedText: string): LearnedEscalationScore {
  const { logOdds, evidence } = strongestSpans(textModel, normalizedText);
  return { logOdds, threshold, escalate: logOdds >= threshold, evidence };
}

/**
 * The spans of normalised text that pushed the at-risk text model hardest towards escalation,
 * strongest first (at most three): the reason a person can read when an account at risk escalates
 * on the learned models.
 */
export function learnedAtRiskEvidence(normalizedText: string): readonly string[] {
  return strongestSpans(atRiskModel, normalizedText).evidence;
}

function strongestSpans(
  model: HashedTextModel,
  normalizedText: string,
): { readonly logOdds: number; readonly evidence: string[] } {
  // Each feature's weight is spread over the characters it covers; runs of characters that push
  // hardest towards escalation are the phrases a person can read as the reason.
  const push = new Float64Array(normalizedText.length);
  const logOdds = model.logOddsWithSpans(normalizedText, (weight, start, end) => {
    for (let index = start; index < end; index += 1) push[index]! += weight / (end - start);
  });
  return { logOdds, evidence: strongestPhrases(normalizedText, push) };
}

const evidencePhrases = 3;
const longestPhrase = 24;

function strongestPhrases(text: string, push: Float64Array): string[] {
  let strongest = 0;
  for (const value of push) strongest = Math.max(strongest, value);
  if (strongest <= 0) return [];
  const cut = strongest / 3;
  const phrases: { readonly text: string; readonly weight: number }[] = [];
  let index = 0;
  while (index < text.length) {
    if (push[index]! < cut) {
      index += 1;
      continue;
    }
    let end = index;
    let weight = 0;
    while (end < text.length && push[end]! >= cut && end - index < longestPhrase) {
      weight += push[end]!;
      end += 1;
    }
    const phrase = text.slice(index, end).trim();
    if (phrase !== '') phrases.push({ text: phrase, weight });
    index = end;
  }
  return phrases
    .sort((left, right) => right.weight - left.weight)
    .slice(0, evidencePhrases)
    .map((phrase) => phrase.text);
}
