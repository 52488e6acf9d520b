// The training of the learned escalation model, as functions (scripts/train-escalation-model.ts
// runs them; escalation-training.test.ts checks that they are deterministic): the text model is
// logistic regression over the hashed text features, by AdaGrad; the combination is logistic
// regression over the features of src/escalation/escalation-combination.ts, by Newton's method.
// No randomness but a seeded generator, no parallelism: the same cases give the same weights, bit
// for bit.
import { readFileSync } from 'node:fs';
import {
  combinationFeatureNames,
  type EscalationEvidence,
  writeCombinationFeatures,
} from '../src/escalation/escalation-combination';
import { visitTextFeatures } from '../src/escalation/text-features';
import type { EscalationCase } from '../src/evaluation/escalation-case';
import { normalizeText } from '../src/text/normalize-text';

/** Settings of the text model (the defaults are the shipped model's). */
export interface TextModelSettings {
  readonly bucketBits: number;
  readonly epochs: number;
  readonly learningRate: number;
  readonly l2: number;
  /** The largest weight magnitude, in quantisation steps. */
  readonly quantisationLevels: number;
  /** Weights smaller than this many steps are dropped. */
  readonly minimumLevel: number;
  /** Features seen in fewer training messages than this get no weight. */
  readonly minimumMessages: number;
  /** Features seen in the messages of fewer writers than this get no weight (1: no cut-off). */
  readonly minimumWriters?: number;
  /**
   * When above 0, each feature is scaled by its naive-Bayes log-count ratio (NB-LR), smoothed by
   * this count; the scale is folded into the weight afterwards, so the shipped model is unchanged
   * in form.
   */
  readonly naiveBayesSmoothing?: number;
}

/** A text example: its feature buckets (sorted, each once) and its label. */
export interface TextExample {
  readonly features: Uint32Array;
  readonly label: number;
  /** Who wrote the message (a data file), for `minimumWriters`. */
  readonly writer?: number;
}

/** The text model before quantisation. */
export interface TextModel {
  readonly weights: Float64Array;
  bias: number;
}

/** The quantised text model as shipped. */
export interface QuantisedTextModel {
  readonly scale: number;
  readonly levels: Int8Array;
  readonly bias: number;
}

const conversationCodes = new Set(['unresolved_turns', 'repeated_question', 'emotion_trajectory']);
const conversationOrAccountCodes = new Set([...conversationCodes, 'account_risk']);

/**
 * True when a case's label can be read from its message alone: every "keep", and every escalation
 * with a reason in the message. An escalation whose codes are only the account's or the
 * conversation's (a borderline message from an account at risk, the same question again) is left
 * out of the text model: its text alone would teach the model that borderline text escalates.
 */
export function isTextLabelled(item: EscalationCase): boolean {
  if (!item.escalate) return true;
  return item.codes.some((code) => !conversationOrAccountCodes.has(code));
}

/**
 * True when a case from an account at risk can teach the at-risk text model: every "keep", and every
 * escalation with a reason other than the conversation's (an escalation for the same question again
 * or turns without resolution says nothing about the message's own concern).
 */
export function isAtRiskTextLabelled(item: EscalationCase): boolean {
  if (!item.escalate) return true;
  const byConversation = item.codes.some((code) => conversationCodes.has(code));
  return !byConversation || item.codes.some((code) => !conversationOrAccountCodes.has(code));
}

/** The feature buckets of one message (normalised here), sorted, each once. */
export function textFeaturesOf(message: string, bucketBits: number): Uint32Array {
  const buckets = new Set<number>();
  visitTextFeatures(normalizeText(message), bucketBits, (bucket) => buckets.add(bucket));
  return Uint32Array.from([...buckets].sort((left, right) => left - right));
}

// A small deterministic generator (mulberry32) for the example order.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

function rawScore(model: TextModel, features: Uint32Array, scale: Float64Array): number {
  let sum = model.bias;
  for (const bucket of features) sum += model.weights[bucket]! * scale[bucket]!;
  return sum;
}

const sigmoid = (value: number) => 1 / (1 + Math.exp(-value));

/** Logistic regression by AdaGrad with L2, classes weighted to balance. */
export function trainTextModel(examples: readonly TextExample[], settings: TextModelSettings): TextModel {
  const size = 1 << settings.bucketBits;
  const messagesWith = new Uint32Array(size);
  for (const example of examples) for (const bucket of example.features) messagesWith[bucket]! += 1;
  const minimumWriters = settings.minimumWriters ?? 1;
  if (minimumWriters > 1) {
    const writersOf = new Map<number, Set<number>>();
    for (const example of examples)
      for (const bucket of example.features) {
        let writers = writersOf.get(bucket);
        if (writers === undefined) writersOf.set(bucket, (writers = new Set()));
        writers.add(example.writer ?? -1);
      }
    for (const [bucket, writers] of writersOf) if (writers.size < minimumWriters) messagesWith[bucket] = 0;
  }
  const scale = new Float64Array(size).fill(1);
  const smoothing = settings.naiveBayesSmoothing ?? 0;
  if (smoothing > 0) {
    const positiveWith = new Float64Array(size);
    const negativeWith = new Float64Array(size);
    for (const example of examples)
      for (const bucket of example.features)
        if (example.label === 1) positiveWith[bucket]! += 1;
        else negativeWith[bucket]! += 1;
    let positiveTotal = 0;
    let negativeTotal = 0;
    for (let bucket = 0; bucket < size; bucket += 1) {
      positiveTotal += positiveWith[bucket]! + smoothing;
      negativeTotal += negativeWith[bucket]! + smoothing;
    }
    for (let bucket = 0; bucket < size; bucket += 1)
      scale[bucket] = Math.log(
        (positiveWith[bucket]! + smoothing) /
          positiveTotal /
          ((negativeWith[bucket]! + smoothing) / negativeTotal),
      );
  }
  const model: TextModel = { weights: new Float64Array(size), bias: 0 };
  const squared = new Float64Array(size).fill(1e-8);
  let biasSquared = 1e-8;
  const positives = examples.filter((example) => example.label === 1).length;
  const positiveWeight = examples.length / (2 * positives);
  const negativeWeight = examples.length / (2 * (examples.length - positives));
  const order = examples.map((_, index) => index);
  const next = random(20_240_601);
  for (let epoch = 0; epoch < settings.epochs; epoch += 1) {
    for (let index = order.length - 1; index > 0; index -= 1) {
      const swap = Math.floor(next() * (index + 1));
      [order[index], order[swap]] = [order[swap]!, order[index]!];
    }
    for (const position of order) {
      const example = examples[position]!;
      const probability = sigmoid(rawScore(model, example.features, scale));
      const weight = example.label === 1 ? positiveWeight : negativeWeight;
      const gradient = (probability - example.label) * weight;
      for (const bucket of example.features) {
        if (messagesWith[bucket]! < settings.minimumMessages) continue;
        const step = gradient * scale[bucket]! + settings.l2 * model.weights[bucket]!;
        squared[bucket]! += step * step;
        model.weights[bucket]! -= (settings.learningRate * step) / Math.sqrt(squared[bucket]!);
      }
      biasSquared += gradient * gradient;
      model.bias -= (settings.learningRate * gradient) / Math.sqrt(biasSquared);
    }
  }
  for (let bucket = 0; bucket < size; bucket += 1) model.weights[bucket]! *= scale[bucket]!;
  return model;
}

/** Rounds the weights to integer steps of the largest weight / `quantisationLevels`, dropping small ones. */
export function quantiseTextModel(model: TextModel, settings: TextModelSettings): QuantisedTextModel {
  let largest = 0;
  for (const weight of model.weights) largest = Math.max(largest, Math.abs(weight));
  const scale = largest / settings.quantisationLevels;
  const levels = new Int8Array(model.weights.length);
  model.weights.forEach((weight, bucket) => {
    const level = Math.round(weight / scale);
    levels[bucket] = Math.abs(level) >= settings.minimumLevel ? level : 0;
  });
  return { scale, levels, bias: model.bias };
}

/** The shipped model's log-odds for a message's features (as `learnedEscalationLogOdds` computes them). */
export function quantisedLogOdds(model: QuantisedTextModel, features: Uint32Array): number {
  let sum = 0;
  for (const bucket of features) sum += model.levels[bucket]!;
  return model.bias + sum * model.scale;
}

/** One case for the combination: the rules' evidence, the text model's log-odds and the label. */
export interface CombinationExample {
  readonly evidence: EscalationEvidence;
  readonly textLogOdds: number;
  /** The largest text log-odds of the recent customer turns (read only when there are some). */
  readonly historyTextLogOdds: number;
  /** The at-risk text model's log-odds (read only for an account at risk). */
  readonly atRiskLogOdds: number;
  readonly label: number;
}

/** The fitted combination: intercept and one coefficient per feature. */
export interface FittedCombination {
  readonly intercept: number;
  readonly coefficients: readonly number[];
}

/** Solves the small dense system `matrix · x = vector` by Gaussian elimination with partial pivoting. */
export function solveLinearSystem(matrix: number[][], vector: number[]): number[] {
  const size = vector.length;
  const rows = matrix.map((row, index) => [...row, vector[index]!]);
  for (let column = 0; column < size; column += 1) {
    let pivot = column;
    for (let row = column + 1; row < size; row += 1)
      if (Math.abs(rows[row]![column]!) > Math.abs(rows[pivot]![column]!)) pivot = row;
    [rows[column], rows[pivot]] = [rows[pivot]!, rows[column]!];
    const lead = rows[column]![column]!;
    for (let row = column + 1; row < size; row += 1) {
      const factor = rows[row]![column]! / lead;
      for (let index = column; index <= size; index += 1)
        rows[row]![index]! -= factor * rows[column]![index]!;
    }
  }
  const solution = new Array<number>(size).fill(0);
  for (let row = size - 1; row >= 0; row -= 1) {
    let sum = rows[row]![size]!;
    for (let index = row + 1; index < size; index += 1) sum -= rows[row]![index]! * solution[index]!;
    solution[row] = sum / rows[row]![row]!;
  }
  return solution;
}

/**
 * Fits the combination: L2-penalised logistic regression (the intercept unpenalised) by Newton's
 * method, 30 iterations from zero (it converges in under ten on these features).
 *
 * @param l2 - the penalty on each coefficient (the sum of squares times `l2 / 2`)
 * @param dropped - features held at zero (coefficient 0), for ablations
 */
export function fitCombination(
  examples: readonly CombinationExample[],
  l2: number,
  dropped: ReadonlySet<string> = new Set(),
): FittedCombination {
  const width = combinationFeatureNames.length + 1;
  const rows = examples.map((example) => {
    const features = new Float64Array(combinationFeatureNames.length);
    writeCombinationFeatures(
      example.evidence,
      example.textLogOdds,
      example.historyTextLogOdds,
      features,
      example.atRiskLogOdds,
    );
    combinationFeatureNames.forEach((name, index) => {
      if (dropped.has(name)) features[index] = 0;
    });
    return [1, ...features];
  });
  const parameters = new Array<number>(width).fill(0);
  for (let iteration = 0; iteration < 30; iteration += 1) {
    const gradient = new Array<number>(width).fill(0);
    const hessian = Array.from({ length: width }, () => new Array<number>(width).fill(0));
    rows.forEach((row, index) => {
      let score = 0;
      for (let column = 0; column < width; column += 1) score += parameters[column]! * row[column]!;
      const probability = sigmoid(score);
      const residual = probability - examples[index]!.label;
      const curvature = probability * (1 - probability);
      for (let column = 0; column < width; column += 1) {
        gradient[column]! += residual * row[column]!;
        for (let other = 0; other < width; other += 1)
          hessian[column]![other]! += curvature * row[column]! * row[other]!;
      }
    });
    for (let column = 1; column < width; column += 1) {
      gradient[column]! += l2 * parameters[column]!;
      hessian[column]![column]! += l2;
    }
    hessian[0]![0]! += 1e-9;
    const step = solveLinearSystem(hessian, gradient);
    for (let column = 0; column < width; column += 1) parameters[column]! -= step[column]!;
  }
  return { intercept: parameters[0]!, coefficients: parameters.slice(1) };
}

/** A labelled case read from a file, with the writer's category when it has one. */
export interface FileCase extends EscalationCase {
  readonly category?: string;
}

/** Reads labelled cases from a JSON Lines file (fields of {@link EscalationCase} and `category`; others ignored). */
export function readCasesFile(path: string | URL): FileCase[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const row = JSON.parse(line) as Partial<FileCase>;
      if (
        (row.language !== 'ja' && row.language !== 'en') ||
        typeof row.message !== 'string' ||
        typeof row.escalate !== 'boolean' ||
        !Array.isArray(row.codes)
      )
        throw new Error(`${String(path)} line ${index + 1} is not a labelled escalation case`);
      return {
        language: row.language,
        message: row.message,
        ...(row.history === undefined ? {} : { history: row.history }),
        ...(row.account === undefined ? {} : { account: row.account }),
        escalate: row.escalate,
        codes: row.codes,
        ...(typeof row.category === 'string' ? { category: row.category } : {}),
      };
    });
}
