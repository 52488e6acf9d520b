import { KizunaValidationError } from '@kizuna/core';
import { describe, expect, it } from 'vitest';
import { buildNoiseReport } from '../report/build-noise-report';
import { synthesizeRecording } from '../testing/synthesize-recording';
import { sineWave, whiteNoise } from '../testing/test-signals';
import { readWav } from '../wav/read-wav';
import { writeWav } from '../wav/write-wav';
import { analyzeSignal } from './analyze-signal';
import { calibrateFromRecording } from './calibrate-from-recording';

const sampleRate = 8000;
/** The recorder: 1.0 full scale is 5 Pa (108 dB for a full-scale sine's peak). */
const pascalsPerFullScale = 5;

describe('calibrateFromRecording', () => {
  it('recovers the calibration from a 94 dB, 1 kHz calibrator tone with room noise', () => {
    const tone = sineWave({ sampleRate, durationSeconds: 2, frequencyHz: 1000, rmsPascals: 1.0024 });
    const noise = whiteNoise({ sampleRate, durationSeconds: 2, rmsPascals: 0.01, seed: 2 });
    const recorded = tone.map((value, index) => (value + noise[index]!) / pascalsPerFullScale);
    const calibration = calibrateFromRecording(recorded, { sampleRate });
    expect(calibration.pascalsPerFullScale).toBeCloseTo(pascalsPerFullScale, 2);
    expect(calibration.toneShare).toBeGreaterThan(0.99);
  });

  it('rejects a recording without the calibrator tone or too short', () => {
    const noise = whiteNoise({ sampleRate, durationSeconds: 1, rmsPascals: 0.1, seed: 1 });
    expect(() => calibrateFromRecording(noise, { sampleRate })).toThrow(/1000 Hz calibrator tone/);
    expect(() => calibrateFromRecording(noise.subarray(0, 1000), { sampleRate })).toThrow(
      KizunaValidationError,
    );
  });
});

describe('from a WAV file to a report', () => {
  it('reads the same levels from a calibrated 24-bit WAV file as from the pascals it was made of', () => {
    const pascals = synthesizeRecording({
      sampleRate,
      durationSeconds: 20,
      backgroundLaeq: 35,
      seed: 9,
      sounds: [{ kind: 'footsteps', startSeconds: 10, durationSeconds: 4, laeq: 58 }],
    });
    const file = writeWav([pascals.map((value) => value / pascalsPerFullScale)], {
      sampleRate,
      encoding: 'pcm',
      bitsPerSample: 24,
    });
    const calibratorFile = writeWav(
      [
        sineWave({ sampleRate, durationSeconds: 1, frequencyHz: 1000, rmsPascals: 1.0024 }).map(
          (value) => value / pascalsPerFullScale,
        ),
      ],
      { sampleRate, encoding: 'pcm', bitsPerSample: 24 },
    );
    const calibration = calibrateFromRecording(readWav(calibratorFile).samples, { sampleRate, level: 94 });
    const recording = readWav(file);
    const fromFile = analyzeSignal(recording.samples, {
      sampleRate: recording.sampleRate,
      unit: 'full-scale',
      calibration: { pascalsPerFullScale: calibration.pascalsPerFullScale },
      startTime: '2026-11-20T14:00:00Z',
    });
    const direct = analyzeSignal(pascals, { sampleRate, unit: 'pascal', startTime: '2026-11-20T14:00:00Z' });
    expect(Math.abs(fromFile.laeq - direct.laeq)).toBeLessThan(0.05);
    expect(Math.abs(fromFile.percentiles.l90 - direct.percentiles.l90)).toBeLessThan(0.05);
    expect(fromFile.events.map((event) => event.id)).toEqual(direct.events.map((event) => event.id));
    const report = buildNoiseReport(fromFile, { areaType: 'B' });
    expect(report.data.measurement.calibration).toBe('5.000 Pa per full-scale unit');
    expect(report.data.events[0]!.kind).toBe('footsteps');
  });
});
