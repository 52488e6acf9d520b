import { describe, expect, it } from 'vitest';
import { gatherEscalationEvidence } from '../src/escalation/classify-escalation';
import { escalationOptionsSchema } from '../src/escalation/escalation-options';
import { createHashedTextModel } from '../src/escalation/hashed-text-model';
import { decodeModelWeights } from '../src/escalation/learned-model-encoding';
import { learnedModelWeights } from '../src/escalation/learned-model-weights';
import { escalationEvaluationSet } from '../src/evaluation/escalation-set';
import { normalizeText } from '../src/text/normalize-text';
import {
  fitCombination,
  isAtRiskTextLabelled,
  isTextLabelled,
  quantisedLogOdds,
  quantiseTextModel,
  solveLinearSystem,
  type TextModelSettings,
  textFeaturesOf,
  trainTextModel,
} from './escalation-training';

const settings: TextModelSettings = {
  bucketBits: 12,
  epochs: 3,
  learningRate: 0.1,
  l2: 1e-4,
  quantisationLevels: 15,
  minimumLevel: 2,
  minimumMessages: 2,
};

describe('escalation training', () => {
  const cases = escalationEvaluationSet.slice(0, 120);
  const examples = cases.filter(isTextLabelled).map((item) => ({
    features: textFeaturesOf(item.message, settings.bucketBits),
    label: item.escalate ? 1 : 0,
  }));

  it('trains the same text model twice, bit for bit', () => {
    const first = quantiseTextModel(trainTextModel(examples, settings), settings);
    const second = quantiseTextModel(trainTextModel(examples, settings), settings);
    expect(second.levels).toEqual(first.levels);
    expect(Object.is(second.scale, first.scale) && Object.is(second.bias, first.bias)).toBe(true);
    expect(first.levels.some((level) => level !== 0)).toBe(true);
  });

  it('gives no weight to a feature used by fewer writers than minimumWriters', () => {
    // Two writers: every feature is seen by at most two, so a cut-off of 3 leaves no weight.
    const byWriter = examples.map((example, index) => ({ ...example, writer: index % 2 }));
    const cut = trainTextModel(byWriter, { ...settings, minimumWriters: 3 });
    expect(cut.weights.every((weight) => weight === 0)).toBe(true);
    const kept = trainTextModel(byWriter, { ...settings, minimumWriters: 2 });
    expect(kept.weights.some((weight) => weight !== 0)).toBe(true);
  });

  it('trains the same model without the naive-Bayes scaling as with it switched off', () => {
    const plain = trainTextModel(examples, settings);
    const off = trainTextModel(examples, { ...settings, naiveBayesSmoothing: 0 });
    expect(off.weights).toEqual(plain.weights);
    const scaled = trainTextModel(examples, { ...settings, naiveBayesSmoothing: 1 });
    expect(scaled.weights).not.toEqual(plain.weights);
  });

  it('fits the same combination twice, bit for bit', () => {
    const options = escalationOptionsSchema.parse({});
    const rows = cases.map((item, index) => ({
      evidence: gatherEscalationEvidence({ message: item.message }, options),
      textLogOdds: (index % 7) - 3,
      historyTextLogOdds: (index % 5) - 2,
      atRiskLogOdds: (index % 3) - 1,
      label: item.escalate ? 1 : 0,
    }));
    expect(fitCombination(rows, 1)).toEqual(fitCombination(rows, 1));
  });

  it('solves a small linear system (worked example)', () => {
    // 2x + y = 5, x + 3y = 10 → x = 1, y = 3
    const [x, y] = solveLinearSystem(
      [
        [2, 1],
        [1, 3],
      ],
      [5, 10],
    );
    expect(x).toBeCloseTo(1, 12);
    expect(y).toBeCloseTo(3, 12);
  });

  it('leaves escalations that only the account or the conversation explains out of the text model', () => {
    const base = { language: 'ja' as const, message: 'x', escalate: true };
    expect(isTextLabelled({ ...base, codes: ['account_risk'] })).toBe(false);
    expect(isTextLabelled({ ...base, codes: ['repeated_question', 'unresolved_turns'] })).toBe(false);
    expect(isTextLabelled({ ...base, codes: ['anger', 'unresolved_turns'] })).toBe(true);
    expect(isTextLabelled({ ...base, escalate: false, codes: [] })).toBe(true);
  });
});

describe('the shipped models score as the training script measured them', () => {
  it('gives the log-odds of quantisedLogOdds over textFeaturesOf, for both text models', () => {
    for (const weights of [learnedModelWeights, learnedModelWeights.atRisk]) {
      const levels = Int8Array.from(decodeModelWeights(weights.weights, 1 << weights.bucketBits));
      const trained = { scale: weights.scale, bias: weights.bias, levels };
      const shipped = createHashedTextModel(weights);
      for (const item of escalationEvaluationSet.slice(0, 150)) {
        const measured = quantisedLogOdds(trained, textFeaturesOf(item.message, weights.bucketBits));
        expect(shipped.logOdds(normalizeText(item.message))).toBeCloseTo(measured, 9);
      }
    }
  });
});

describe('isAtRiskTextLabelled', () => {
  const item = (escalate: boolean, codes: string[]) => ({
    language: 'en' as const,
    message: 'x',
    escalate,
    codes,
  });
  it('keeps every keep and every escalation for the message itself, not one for the conversation', () => {
    expect(isAtRiskTextLabelled(item(false, []))).toBe(true);
    expect(isAtRiskTextLabelled(item(true, ['account_risk']))).toBe(true);
    expect(isAtRiskTextLabelled(item(true, ['account_risk', 'complaint']))).toBe(true);
    expect(isAtRiskTextLabelled(item(true, ['account_risk', 'repeated_question', 'complaint']))).toBe(true);
    expect(isAtRiskTextLabelled(item(true, ['account_risk', 'repeated_question']))).toBe(false);
    expect(isAtRiskTextLabelled(item(true, ['unresolved_turns']))).toBe(false);
  });
});
