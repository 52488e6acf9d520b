import { decodeModelWeights } from './learned-model-encoding';
import { learnedModelWeights } from './learned-model-weights';
import { visitTextFeatures } from './text-features';

const { bucketBits, scale, bias, threshold } = learnedModelWeights;
const levels = decodeModelWeights(learnedModelWeights.weights, 1 << bucketBits);

// Each feature counts once per message. A stamp per bucket marks the features already counted in
// the current call, so no set is allocated per message (this runs at tens of thousands per second).
const stamps = new Uint32Array(1 << bucketBits);
let generation = 0;

function nextGeneration(): number {
  generation = (generation + 1) >>> 0;
  if (generation === 0) {
    stamps.fill(0);
    generation = 1;
  }
  return generation;
}

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

// The fast path's accumulator lives at module level so that no closure is allocated per message.
let fastStamp = 0;
let fastSum = 0;
function addLevel(bucket: number): void {
  if (stamps[bucket] === fastStamp) return;
  stamps[bucket] = fastStamp;
  fastSum += levels[bucket]!;
}

/** Log-odds of the learned model for normalised text (the fast path; no evidence). */
export function learnedEscalationLogOdds(normalizedText: string): number {
  fastStamp = nextGeneration();
  fastSum = 0;
  visitTextFeatures(normalizedText, bucketBits, addLevel);
  return bias + fastSum * scale;
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
  const stamp = nextGeneration();
  // Each feature's weight is spread over the characters it covers; runs of characters that push
  // hardest towards escalation are the phrases a person can read as the reason.
  const push = new Float64Array(normalizedText.length);
  let sum = 0;
  visitTextFeatures(normalizedText, bucketBits, (bucket, start, end) => {
    if (stamps[bucket] === stamp) return;
    stamps[bucket] = stamp;
    const level = levels[bucket]!;
    sum += level;
    for (let index = start; index < end; index += 1) push[index]! += level / (end - start);
  });
  const logOdds = bias + sum * scale;
  return {
    logOdds,
    threshold,
    escalate: logOdds >= threshold,
    evidence: strongestPhrases(normalizedText, push),
  };
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
