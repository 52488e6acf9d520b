import { describe, expect, it } from 'vitest';
import { brierScore, calibrationBins, confusionAtThreshold, logLoss } from './probability-metrics';

describe('logLoss', () => {
  it('averages −ln of the probability given to the true class', () => {
    expect(logLoss([1, 0], [0.8, 0.4])).toBeCloseTo((-Math.log(0.8) - Math.log(0.6)) / 2, 14);
  });
  it('clips certain mistakes to a finite loss', () => {
    expect(logLoss([1], [0])).toBeCloseTo(-Math.log(1e-15), 10);
  });
  it('rejects probabilities outside [0, 1]', () => {
    expect(() => logLoss([1], [1.2])).toThrow('expected a probability in [0, 1]');
  });
});

describe('brierScore', () => {
  it('averages squared errors', () => {
    expect(brierScore([1, 0], [0.8, 0.4])).toBeCloseTo(0.1, 14);
  });
});

describe('calibrationBins', () => {
  it('groups predictions in equal-width bins with mean prediction and observed rate', () => {
    expect(calibrationBins([0, 1, 1], [0.1, 0.7, 0.9], { bins: 2 })).toEqual([
      { lower: 0, upper: 0.5, count: 1, meanPredicted: 0.1, observedRate: 0 },
      { lower: 0.5, upper: 1, count: 2, meanPredicted: 0.8, observedRate: 1 },
    ]);
  });
  it('puts a probability of exactly 1 in the last bin and reports empty bins as null', () => {
    const bins = calibrationBins([1], [1], { bins: 4 });
    expect(bins[3]!.count).toBe(1);
    expect(bins[0]!.meanPredicted).toBeNull();
  });
  it('rejects a bad bin count, naming the field', () => {
    expect(() => calibrationBins([1], [1], { bins: 0 })).toThrow(/bins/);
  });
});

describe('confusionAtThreshold', () => {
  it('counts predictions at or above the threshold as positive', () => {
    expect(confusionAtThreshold([1, 0, 1, 0], [0.9, 0.5, 0.2, 0.1], 0.5)).toEqual({
      threshold: 0.5,
      truePositives: 1,
      falsePositives: 1,
      trueNegatives: 1,
      falseNegatives: 1,
      precision: 0.5,
      recall: 0.5,
      accuracy: 0.5,
      f1: 0.5,
    });
  });
  it('rejects a threshold outside [0, 1]', () => {
    expect(() => confusionAtThreshold([1], [0.5], 2)).toThrow('threshold');
  });
});
