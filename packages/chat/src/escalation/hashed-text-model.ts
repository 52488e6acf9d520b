import { decodeModelWeights } from './learned-model-encoding';
import { visitTextFeatures } from './text-features';

/** A hashed linear text model as shipped: quantised weights in the compact text form. */
export interface HashedTextModelWeights {
  /** Hash bits of the text features: the model has 2 ** bucketBits weights. */
  readonly bucketBits: number;
  /** Log-odds of one quantisation step. */
  readonly scale: number;
  /** Log-odds of a message with no known feature. */
  readonly bias: number;
  /** The non-zero weights in the compact text form of learned-model-encoding.ts. */
  readonly weights: string;
}

/** Scores normalised text with one hashed linear model. */
export interface HashedTextModel {
  /** Log-odds of normalised text (the fast path: no allocation per call). */
  logOdds(normalizedText: string): number;
  /**
   * Log-odds of normalised text, and each feature's weight (in log-odds) with the span
   * [start, end) of the text it was read from. Each feature counts once.
   */
  logOddsWithSpans(
    normalizedText: string,
    visit: (weight: number, start: number, end: number) => void,
  ): number;
}

/**
 * Builds a scorer for a hashed linear text model: the sum of the weights of the distinct text
 * features (text-features.ts) of a message, times the step, plus the bias.
 */
export function createHashedTextModel(model: HashedTextModelWeights): HashedTextModel {
  const { bucketBits, scale, bias } = model;
  const levels = decodeModelWeights(model.weights, 1 << bucketBits);
  // Each feature counts once per message. A stamp per bucket marks the features already counted in
  // the current call, so no set is allocated per message (this runs at tens of thousands per second).
  const stamps = new Uint32Array(1 << bucketBits);
  let generation = 0;
  const nextGeneration = (): number => {
    generation = (generation + 1) >>> 0;
    if (generation === 0) {
      stamps.fill(0);
      generation = 1;
    }
    return generation;
  };
  // The fast path's accumulator is the model's own, so no closure is allocated per message.
  let fastStamp = 0;
  let fastSum = 0;
  const addLevel = (bucket: number): void => {
    if (stamps[bucket] === fastStamp) return;
    stamps[bucket] = fastStamp;
    fastSum += levels[bucket]!;
  };
  return {
    logOdds(normalizedText) {
      fastStamp = nextGeneration();
      fastSum = 0;
      visitTextFeatures(normalizedText, bucketBits, addLevel);
      return bias + fastSum * scale;
    },
    logOddsWithSpans(normalizedText, visit) {
      const stamp = nextGeneration();
      let sum = 0;
      visitTextFeatures(normalizedText, bucketBits, (bucket, start, end) => {
        if (stamps[bucket] === stamp) return;
        stamps[bucket] = stamp;
        const level = levels[bucket]!;
        sum += level;
        if (level !== 0) visit(level * scale, start, end);
      });
      return bias + sum * scale;
    },
  };
}
