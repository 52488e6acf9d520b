import { KizunaValidationError } from '@kizuna/core';
import { bilinearPoint } from '../filters/bilinear';
import { cascadeGain, type SecondOrderSection, scaleCascade } from '../filters/biquad';
import { complex } from '../filters/complex';
import { designMatchedLowPass } from '../filters/matched-low-pass';

/** A frequency weighting of IEC 61672-1: A, C or Z (zero: flat). */
export type FrequencyWeighting = 'A' | 'C' | 'Z';

/** The pole frequencies of IEC 61672-1:2013 Annex E, Hz. */
export const weightingPoleFrequencies = {
  f1: 20.598997,
  f2: 107.652649,
  f3: 737.862231,
  f4: 12194.217148,
} as const;

const { f1, f2, f3, f4 } = weightingPoleFrequencies;

/**
 * The analog weighting of IEC 61672-1:2013 (E.6 and E.3) at `frequencyHz`, in dB relative to the
 * response at 1 kHz (A1000 = −2.000 dB, C1000 = −0.062 dB). Z is 0 dB everywhere.
 *
 * @example
 * ```ts
 * console.log(weightingDecibels('A', 100).toFixed(1)); // -19.1
 * ```
 */
export function weightingDecibels(weighting: FrequencyWeighting, frequencyHz: number): number {
  const squared = frequencyHz * frequencyHz;
  if (weighting === 'Z') return 0;
  if (weighting === 'C') {
    return 20 * Math.log10((f4 * f4 * squared) / ((squared + f1 * f1) * (squared + f4 * f4))) + 0.062;
  }
  return (
    20 *
      Math.log10(
        (f4 * f4 * squared * squared) /
          ((squared + f1 * f1) *
            Math.sqrt(squared + f2 * f2) *
            Math.sqrt(squared + f3 * f3) *
            (squared + f4 * f4)),
      ) +
    2.0
  );
}

function realPole(frequencyHz: number, sampleRate: number): number {
  return bilinearPoint(complex(-2 * Math.PI * frequencyHz), sampleRate).real;
}

/** A section with a double zero at z = 1 (a double zero at s = 0) and two real poles. */
function highPassPair(firstPole: number, secondPole: number): SecondOrderSection {
  return { b0: 1, b1: -2, b2: 1, a1: -(firstPole + secondPole), a2: firstPole * secondPole };
}

/**
 * Designs the A-, C- or Z-weighting filter at `sampleRate` as second-order sections.
 *
 * Design: the zeros at 0 Hz and the poles f1, f2, f3 go through the bilinear transform (their
 * warping is below 0.02 dB up to 20 kHz at 48 kHz); the double pole f4 = 12.2 kHz, where the bilinear
 * transform would fold the response to zero at the Nyquist frequency, is realised by a
 * magnitude-matched section ({@link designMatchedLowPass}). The gain is set so the response at 1 kHz
 * equals the analog value. At 48 kHz the A weighting deviates from IEC 61672-1 Annex E by less than
 * 0.02 dB from 10 Hz to 12.5 kHz, +0.16 dB at 16 kHz and +0.8 dB at 20 kHz (inside class 1). Z has no
 * sections.
 *
 * @param weighting - 'A', 'C' or 'Z'
 * @param sampleRate - Hz, at least 8000
 * @throws KizunaValidationError when `sampleRate` is not a finite number of at least 8000 Hz
 * @example
 * ```ts
 * const sections = designFrequencyWeighting('A', 48_000);
 * console.log(cascadeGainDecibels(sections, 1000, 48_000).toFixed(3)); // 0.000
 * console.log(cascadeGainDecibels(sections, 100, 48_000).toFixed(1)); // -19.1
 * ```
 */
export function designFrequencyWeighting(
  weighting: FrequencyWeighting,
  sampleRate: number,
): readonly SecondOrderSection[] {
  if (!Number.isFinite(sampleRate) || sampleRate < 8000) {
    throw KizunaValidationError.forField('weighting filter', 'sampleRate', 'expected at least 8000 Hz');
  }
  if (weighting === 'Z') return [];
  const poleF1 = realPole(f1, sampleRate);
  const highFrequency = designMatchedLowPass(f4, 0.5, sampleRate);
  const sections: SecondOrderSection[] =
    weighting === 'A'
      ? [
          highPassPair(poleF1, poleF1),
          highPassPair(realPole(f2, sampleRate), realPole(f3, sampleRate)),
          highFrequency,
        ]
      : [highPassPair(poleF1, poleF1), highFrequency];
  const target = 10 ** (weightingDecibels(weighting, 1000) / 20);
  return scaleCascade(sections, target / cascadeGain(sections, 1000, sampleRate));
}
