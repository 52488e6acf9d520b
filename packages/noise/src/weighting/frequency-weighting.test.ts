import { describe, expect, it } from 'vitest';
import { cascadeGainDecibels } from '../filters/biquad';
import { weightingClass1Limits } from '../standards/iec-limits';
import { designFrequencyWeighting, weightingDecibels } from './frequency-weighting';

const exactFrequency = (index: number) => 1000 * 10 ** ((index - 30) / 10);

describe('weightingDecibels', () => {
  it('gives the IEC 61672-1 table values', () => {
    expect(weightingDecibels('A', exactFrequency(20))).toBeCloseTo(-19.1, 1);
    expect(weightingDecibels('A', 1000)).toBeCloseTo(0, 2);
    expect(weightingDecibels('A', exactFrequency(40))).toBeCloseTo(-2.5, 1);
    expect(weightingDecibels('A', exactFrequency(15))).toBeCloseTo(-39.4, 1);
    expect(weightingDecibels('C', exactFrequency(15))).toBeCloseTo(-3.0, 1);
    expect(weightingDecibels('C', 1000)).toBeCloseTo(0, 2);
    expect(weightingDecibels('Z', 50)).toBe(0);
  });
});

describe('designFrequencyWeighting', () => {
  for (const sampleRate of [44_100, 48_000]) {
    for (const weighting of ['A', 'C'] as const) {
      it(`keeps ${weighting} within the class 1 limits at all 34 table frequencies at ${sampleRate} Hz`, () => {
        const sections = designFrequencyWeighting(weighting, sampleRate);
        let checked = 0;
        weightingClass1Limits.forEach((limit, position) => {
          const frequency = exactFrequency(position + 10);
          if (frequency >= sampleRate / 2) return;
          const deviation =
            cascadeGainDecibels(sections, frequency, sampleRate) - weightingDecibels(weighting, frequency);
          expect(deviation, `${limit.nominalHz} Hz`).toBeLessThanOrEqual(limit.upper);
          expect(deviation, `${limit.nominalHz} Hz`).toBeGreaterThanOrEqual(limit.lower);
          checked += 1;
        });
        expect(checked).toBe(34);
      });
    }
  }

  it('matches the analog A weighting within 0.05 dB up to 12.5 kHz and 1 dB at 20 kHz at 48 kHz', () => {
    const sections = designFrequencyWeighting('A', 48_000);
    for (let index = 10; index <= 43; index += 1) {
      const frequency = exactFrequency(index);
      const deviation = Math.abs(
        cascadeGainDecibels(sections, frequency, 48_000) - weightingDecibels('A', frequency),
      );
      expect(deviation, `${frequency} Hz`).toBeLessThan(index <= 41 ? 0.05 : 1);
    }
  });

  it('reads 0 dB at 1 kHz at every supported rate', () => {
    for (const sampleRate of [8000, 16_000, 22_050, 44_100, 96_000]) {
      expect(cascadeGainDecibels(designFrequencyWeighting('A', sampleRate), 1000, sampleRate)).toBeCloseTo(
        weightingDecibels('A', 1000),
        9,
      );
    }
  });

  it('has no sections for Z', () => {
    expect(designFrequencyWeighting('Z', 48_000)).toEqual([]);
  });

  it('rejects a sample rate below 8 kHz', () => {
    expect(() => designFrequencyWeighting('A', 4000)).toThrow(/8000/);
  });
});
