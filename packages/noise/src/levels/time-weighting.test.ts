import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { energyMeanLevel, formatLevel, levelFromMeanSquare, meanSquareFromLevel } from './decibels';
import { exponentialTimeWeighting, timeWeightingFactor } from './time-weighting';

describe('exponentialTimeWeighting', () => {
  it('rises to 1 − 1/e of a step after one time constant', () => {
    const sampleRate = 8000;
    const step = new Float64Array(sampleRate * 2).fill(1);
    const fast = exponentialTimeWeighting(step, 'fast', sampleRate);
    const slow = exponentialTimeWeighting(step, 'slow', sampleRate);
    expect(fast[0.125 * sampleRate - 1]).toBeCloseTo(1 - Math.exp(-1), 3);
    expect(slow[sampleRate - 1]).toBeCloseTo(1 - Math.exp(-1), 3);
  });

  it('decays at 34.7 dB/s (Fast) and 4.3 dB/s (Slow) after the sound stops', () => {
    const sampleRate = 8000;
    const burst = new Float64Array(sampleRate * 3);
    burst.fill(1, 0, sampleRate * 2);
    for (const [weighting, rate] of [
      ['fast', 34.7],
      ['slow', 4.3],
    ] as const) {
      const levels = exponentialTimeWeighting(burst, weighting, sampleRate);
      const drop =
        10 * Math.log10(levels[2 * sampleRate - 1]! / levels[2 * sampleRate - 1 + sampleRate / 10]!);
      expect(drop * 10).toBeCloseTo(rate, 1);
    }
  });

  it('uses α = 1 − exp(−1/(τ·fs))', () => {
    expect(timeWeightingFactor('fast', 48_000)).toBeCloseTo(1 - Math.exp(-1 / 6000), 15);
  });
});

describe('levelFromMeanSquare', () => {
  it('is the inverse of meanSquareFromLevel', () => {
    fc.assert(
      fc.property(fc.double({ min: -20, max: 160, noNaN: true }), (level) => {
        expect(levelFromMeanSquare(meanSquareFromLevel(level))).toBeCloseTo(level, 9);
      }),
    );
  });

  it('reads 1 Pa² as 93.98 dB and silence as below range', () => {
    expect(levelFromMeanSquare(1)).toBeCloseTo(93.9794, 4);
    expect(formatLevel(levelFromMeanSquare(0))).toBe('below range');
    expect(formatLevel(61.234)).toBe('61.2');
  });
});

describe('energyMeanLevel', () => {
  it('combines equal-duration levels by energy', () => {
    expect(energyMeanLevel([60, 70])).toBeCloseTo(67.404, 3);
    expect(energyMeanLevel([50, 50, 50])).toBeCloseTo(50, 9);
    expect(energyMeanLevel([])).toBe(Number.NEGATIVE_INFINITY);
  });
});
