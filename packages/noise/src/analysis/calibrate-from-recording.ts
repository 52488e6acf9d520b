import { KizunaValidationError, parseInput } from '@kizuna/core';
import * as z from 'zod';
import { filterCascade } from '../filters/biquad';
import { designButterworthBandPass } from '../filters/butterworth';
import { meanSquareFromLevel } from '../levels/decibels';

/** Options of {@link calibrateFromRecording}. */
export const calibratorOptionsSchema = z.object({
  /** Sample rate of the calibrator recording, Hz. */
  sampleRate: z.number().int().min(8000).max(384_000),
  /** The level the calibrator produces, dB re 20 µPa. @defaultValue 94 */
  level: z.number().min(60).max(150).default(94),
  /** The calibrator's frequency, Hz. @defaultValue 1000 */
  frequencyHz: z.number().min(20).max(20_000).default(1000),
});

/** Options of {@link calibrateFromRecording} before defaults. */
export type CalibratorOptions = z.input<typeof calibratorOptionsSchema>;

/** The result of a calibration from a calibrator recording. */
export interface CalibrationResult {
  /** Sound pressure in Pa represented by a sample of 1.0: pass it as `calibration`. */
  readonly pascalsPerFullScale: number;
  /** RMS of the calibrator tone in the recording, full-scale units. */
  readonly toneRms: number;
  /** Share of the recording's energy that is in the calibrator's 1/3-octave band (near 1 for a clean recording). */
  readonly toneShare: number;
}

/**
 * Derives the calibration from a recording of an acoustic calibrator (for example 94 dB at 1 kHz):
 * the RMS of the tone, taken through a 1/3-octave band-pass around its frequency (so hum and noise do
 * not count), skipping the first 0.1 s while the filter settles, is set equal to the calibrator level.
 *
 * @throws KizunaValidationError when the recording is shorter than 0.5 s, not finite, or holds no tone
 *   (less than 90 % of its energy in the calibrator's band)
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 *
 * // The calibrator (94 dB at 1 kHz) recorded through the same gain as the night's recording.
 * const calibrator = readWav(await readFile('calibrator.wav'));
 * const { pascalsPerFullScale } = calibrateFromRecording(calibrator.samples, { sampleRate: calibrator.sampleRate });
 * console.log(pascalsPerFullScale.toFixed(2)); // 5.02
 * const night = readWav(await readFile('night.wav'));
 * const analysis = analyzeSignal(night.samples, {
 *   sampleRate: night.sampleRate,
 *   unit: 'full-scale',
 *   calibration: { pascalsPerFullScale },
 * });
 * console.log(analysis.laeq.toFixed(1)); // 40.9
 * ```
 */
export function calibrateFromRecording(
  samples: Float32Array | Float64Array | readonly number[],
  options: CalibratorOptions,
): CalibrationResult {
  const { sampleRate, level, frequencyHz } = parseInput(
    calibratorOptionsSchema,
    options,
    'calibrator options',
  );
  if (samples.length < sampleRate / 2) {
    throw KizunaValidationError.forField(
      'calibrator recording',
      'samples',
      'expected at least 0.5 s of the calibrator tone',
    );
  }
  const band = designButterworthBandPass(
    3,
    frequencyHz * 10 ** (-1 / 20),
    frequencyHz * 10 ** (1 / 20),
    sampleRate,
  );
  const filtered = filterCascade(band, samples);
  const skip = Math.floor(sampleRate / 10);
  let toneEnergy = 0;
  let totalEnergy = 0;
  for (let index = skip; index < samples.length; index += 1) {
    toneEnergy += filtered[index]! * filtered[index]!;
    totalEnergy += samples[index]! * samples[index]!;
  }
  if (!Number.isFinite(totalEnergy)) {
    throw KizunaValidationError.forField('calibrator recording', 'samples', 'expected finite samples');
  }
  const toneShare = totalEnergy > 0 ? toneEnergy / totalEnergy : 0;
  if (toneShare < 0.9) {
    throw KizunaValidationError.forField(
      'calibrator recording',
      'samples',
      `expected a ${frequencyHz} Hz calibrator tone, but only ${(toneShare * 100).toFixed(0)} % of the energy is near it`,
    );
  }
  const toneRms = Math.sqrt(toneEnergy / (samples.length - skip));
  return { pascalsPerFullScale: Math.sqrt(meanSquareFromLevel(level)) / toneRms, toneRms, toneShare };
}
