import { KizunaValidationError } from '@kizuna/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bankBandGain, designThirdOctaveBank } from '../bands/third-octave-bank';
import { pinkNoise, sineWave, whiteNoise } from '../testing/test-signals';
import { weightingDecibels } from '../weighting/frequency-weighting';
import { analyzeSignal } from './analyze-signal';
import { createAnalyzer } from './create-analyzer';

const sampleRate = 48_000;
const oneKilohertz = sineWave({ sampleRate, durationSeconds: 1.5, frequencyHz: 1000, rmsPascals: 1 });

describe('analyzeSignal', () => {
  it('reads a 1 kHz sine of 1 Pa rms as 93.98 dB', () => {
    const analysis = analyzeSignal(oneKilohertz, { sampleRate, unit: 'pascal' });
    expect(Math.abs(analysis.laeq - 93.98)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(analysis.lceq - 93.98)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(analysis.lzeq - 93.98)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(analysis.lafmax - 93.98)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(analysis.lafmin - 93.98)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(analysis.percentiles.l50 - 93.98)).toBeLessThanOrEqual(0.05);
    expect(analysis.sel).toBeCloseTo(analysis.laeq + 10 * Math.log10(1.5), 6);
    const band = analysis.thirdOctave.find((level) => level.nominalHz === 1000)!;
    expect(Math.abs(band.leq - 93.98)).toBeLessThanOrEqual(0.1);
  });

  it('measures a tone in every band as the multirate design predicts, aliases included', () => {
    const bank = designThirdOctaveBank(sampleRate);
    for (const frequencyHz of [1300, 23_000]) {
      // A 0.2 s fade-in keeps the onset from splashing energy into every band.
      const tone = sineWave({ sampleRate, durationSeconds: 1.5, frequencyHz, rmsPascals: 1 });
      const fade = 0.2 * sampleRate;
      for (let index = 0; index < fade; index += 1)
        tone[index] = tone[index]! * Math.sin((Math.PI / 2) * (index / fade)) ** 2;
      const analysis = analyzeSignal(tone, { sampleRate, unit: 'pascal' });
      const toneLevel = analysis.lzeq;
      analysis.thirdOctave.forEach((band, bandIndex) => {
        const predicted = toneLevel + 20 * Math.log10(bankBandGain(bank, bandIndex, frequencyHz));
        if (predicted > toneLevel - 30)
          expect(Math.abs(band.leq - predicted), `${band.nominalHz} Hz`).toBeLessThan(0.15);
        else expect(band.leq, `${band.nominalHz} Hz`).toBeLessThan(toneLevel - 30);
      });
    }
  });

  it('applies the A and C weightings to sines at known levels', () => {
    for (const frequencyHz of [100, 4000]) {
      const tone = sineWave({ sampleRate, durationSeconds: 1, frequencyHz, rmsPascals: 0.2 });
      const analysis = analyzeSignal(tone, { sampleRate, unit: 'pascal' });
      const flat = 20 * Math.log10(0.2 / 20e-6);
      expect(analysis.lzeq).toBeCloseTo(flat, 1);
      expect(Math.abs(analysis.laeq - (flat + weightingDecibels('A', frequencyHz)))).toBeLessThan(0.1);
      expect(Math.abs(analysis.lceq - (flat + weightingDecibels('C', frequencyHz)))).toBeLessThan(0.1);
    }
  });

  it('gives the SEL of a tone burst', () => {
    // 0.5 s of 1 Pa at 1 kHz in 3 s of silence: LAE = 93.98 + 10·lg(0.5) = 90.97 dB.
    const signal = new Float64Array(3 * sampleRate);
    signal.set(sineWave({ sampleRate, durationSeconds: 0.5, frequencyHz: 1000, rmsPascals: 1 }), sampleRate);
    const analysis = analyzeSignal(signal, { sampleRate, unit: 'pascal' });
    expect(Math.abs(analysis.sel - 90.97)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(analysis.laeq - (90.97 - 10 * Math.log10(3)))).toBeLessThanOrEqual(0.05);
    // A 0.5 s burst lets the Fast detector (τ = 0.125 s) rise to within 0.1 dB of the steady level.
    expect(Math.abs(analysis.lafmax - 93.98)).toBeLessThan(0.1);
    expect(analysis.lasmax).toBeLessThan(analysis.lafmax - 2);
  });

  it('measures white noise bands in proportion to their width', () => {
    const noise = whiteNoise({ sampleRate, durationSeconds: 2, rmsPascals: 1, seed: 7 });
    const analysis = analyzeSignal(noise, { sampleRate, unit: 'pascal' });
    // A 6-pole Butterworth band passes π/6 / sin(π/6) = 1.047 times its nominal width of white noise.
    const deviations = analysis.thirdOctave
      .filter((band) => band.nominalHz >= 1000 && band.nominalHz <= 16_000)
      .map((band) => {
        const width = band.centerHz * (10 ** 0.05 - 10 ** -0.05) * (Math.PI / 6 / Math.sin(Math.PI / 6));
        return band.leq - (93.979 + 10 * Math.log10(width / (sampleRate / 2)));
      });
    for (const deviation of deviations) expect(Math.abs(deviation)).toBeLessThan(0.6);
    const mean = deviations.reduce((sum, value) => sum + value, 0) / deviations.length;
    expect(Math.abs(mean)).toBeLessThan(0.15);
  });

  it('measures pink noise as equal energy in every band', () => {
    const noise = pinkNoise({ sampleRate, durationSeconds: 4, rmsPascals: 1, seed: 3 });
    const analysis = analyzeSignal(noise, { sampleRate, unit: 'pascal' });
    const levels = analysis.thirdOctave
      .filter((band) => band.nominalHz >= 250 && band.nominalHz <= 16_000)
      .map((band) => band.leq);
    const mean = levels.reduce((sum, value) => sum + value, 0) / levels.length;
    for (const level of levels) expect(Math.abs(level - mean)).toBeLessThan(0.8);
  });

  it('reports silence as below range, not as a number', () => {
    const analysis = analyzeSignal(new Float32Array(sampleRate), { sampleRate, unit: 'pascal' });
    expect(analysis.laeq).toBe(Number.NEGATIVE_INFINITY);
    expect(analysis.percentiles.l90).toBe(Number.NEGATIVE_INFINITY);
    expect(analysis.thirdOctave.every((band) => band.leq === Number.NEGATIVE_INFINITY)).toBe(true);
    expect(analysis.warnings.map((warning) => warning.code)).toContain('BELOW_RANGE');
    expect(analysis.events).toEqual([]);
  });

  it('calibrates full-scale samples', () => {
    const samples = sineWave({ sampleRate, durationSeconds: 1, frequencyHz: 1000, rmsPascals: 0.25 });
    const analysis = analyzeSignal(samples, {
      sampleRate,
      unit: 'full-scale',
      calibration: { sensitivityMillivoltsPerPascal: 50, fullScaleVolts: 0.2 },
    });
    // 1.0 full scale = 0.2 V / 0.05 V/Pa = 4 Pa, so 0.25 rms is 1 Pa rms.
    expect(analysis.pascalsPerFullScale).toBe(4);
    expect(Math.abs(analysis.laeq - 93.98)).toBeLessThanOrEqual(0.05);
  });

  it('detects and reports clipping', () => {
    const samples = sineWave({ sampleRate: 16_000, durationSeconds: 1, frequencyHz: 500, rmsPascals: 1 }).map(
      (value) => Math.max(-1, Math.min(1, value)),
    );
    const analysis = analyzeSignal(samples, {
      sampleRate: 16_000,
      unit: 'full-scale',
      calibration: { pascalsPerFullScale: 1 },
    });
    expect(analysis.clipping.clippedSamples).toBeGreaterThan(1000);
    expect(analysis.warnings.map((warning) => warning.code)).toContain('CLIPPING');
  });

  it('warns about a DC offset, which only LZeq would include', () => {
    const offsetTone = sineWave({
      sampleRate: 8000,
      durationSeconds: 1,
      frequencyHz: 1000,
      rmsPascals: 0.1,
    }).map((value) => value + 0.2);
    const analysis = analyzeSignal(offsetTone, { sampleRate: 8000, unit: 'pascal' });
    expect(analysis.warnings.map((warning) => warning.code)).toContain('DC_OFFSET');
    expect(Math.abs(analysis.laeq - 20 * Math.log10(0.1 / 20e-6))).toBeLessThan(0.1);
    const clean = analyzeSignal(
      offsetTone.map((value) => value - 0.2),
      { sampleRate: 8000, unit: 'pascal' },
    );
    expect(clean.warnings.map((warning) => warning.code)).not.toContain('DC_OFFSET');
  });

  it('rejects bad input with a validation error naming the problem', () => {
    expect(() => analyzeSignal(new Float32Array(0), { sampleRate, unit: 'pascal' })).toThrow(
      KizunaValidationError,
    );
    const withNaN = new Float64Array(100);
    withNaN[42] = Number.NaN;
    expect(() => analyzeSignal(withNaN, { sampleRate, unit: 'pascal' })).toThrow(/samples\[42\]/);
    const withInfinity = new Float32Array(100);
    withInfinity[7] = Number.POSITIVE_INFINITY;
    expect(() => analyzeSignal(withInfinity, { sampleRate, unit: 'pascal' })).toThrow(/samples\[7\]/);
    expect(() => analyzeSignal(oneKilohertz, { sampleRate: 4000, unit: 'pascal' })).toThrow(/sampleRate/);
    expect(() => analyzeSignal(oneKilohertz, { sampleRate: 10_000_000, unit: 'pascal' })).toThrow(
      /sampleRate/,
    );
    expect(() => analyzeSignal(oneKilohertz, { sampleRate, unit: 'full-scale' })).toThrow(/calibration/);
  });

  it('adds 6.02 dB to every level when the signal is doubled', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const noise = pinkNoise({ sampleRate: 8000, durationSeconds: 1, rmsPascals: 0.1, seed });
        const base = analyzeSignal(noise, { sampleRate: 8000, unit: 'pascal' });
        const louder = analyzeSignal(
          noise.map((value) => value * 2),
          { sampleRate: 8000, unit: 'pascal' },
        );
        const gain = 20 * Math.log10(2);
        for (const key of ['laeq', 'lceq', 'lzeq', 'lafmax', 'lafmin', 'lasmax', 'sel'] as const) {
          expect(louder[key] - base[key]).toBeCloseTo(gain, 6);
        }
        for (const key of ['l5', 'l10', 'l50', 'l90', 'l95'] as const) {
          expect(louder.percentiles[key] - base.percentiles[key]).toBeCloseTo(gain, 4);
        }
        louder.thirdOctave.forEach((band, index) => {
          expect(band.leq - base.thirdOctave[index]!.leq).toBeCloseTo(gain, 6);
        });
      }),
      { numRuns: 8 },
    );
  });
});

describe('createAnalyzer', () => {
  it('gives results identical to the one-shot call however the recording is chunked', () => {
    const recording = pinkNoise({ sampleRate: 8000, durationSeconds: 2.35, rmsPascals: 0.05, seed: 11 });
    const whole = analyzeSignal(recording, {
      sampleRate: 8000,
      unit: 'pascal',
      startTime: '2026-11-20T13:00:00Z',
    });
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 12 }), (sizes) => {
        const analyzer = createAnalyzer({
          sampleRate: 8000,
          unit: 'pascal',
          startTime: '2026-11-20T13:00:00Z',
        });
        let offset = 0;
        let next = 0;
        while (offset < recording.length) {
          const size = sizes[next % sizes.length]!;
          analyzer.push(recording.subarray(offset, offset + size));
          offset += size;
          next += 1;
        }
        expect(analyzer.finish()).toEqual(whole);
      }),
      { numRuns: 15 },
    );
  });

  it('refuses to be used after finishing', () => {
    const analyzer = createAnalyzer({ sampleRate: 8000, unit: 'pascal' }).push(new Float32Array(800));
    analyzer.finish();
    expect(() => analyzer.push(new Float32Array(10))).toThrow(KizunaValidationError);
  });

  it('leaves its state untouched when a chunk holds a bad sample', () => {
    const recording = whiteNoise({ sampleRate: 8000, durationSeconds: 1, rmsPascals: 0.1, seed: 5 });
    const analyzer = createAnalyzer({ sampleRate: 8000, unit: 'pascal' }).push(recording.subarray(0, 4000));
    expect(() => analyzer.push([0.1, Number.NaN])).toThrow(/samples\[4001\]/);
    analyzer.push(recording.subarray(4000));
    expect(analyzer.finish()).toEqual(analyzeSignal(recording, { sampleRate: 8000, unit: 'pascal' }));
  });
});
