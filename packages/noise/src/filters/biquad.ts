/**
 * One second-order section (biquad) of a digital IIR filter:
 * H(z) = (b0 + b1·z⁻¹ + b2·z⁻²) / (1 + a1·z⁻¹ + a2·z⁻²).
 */
export interface SecondOrderSection {
  readonly b0: number;
  readonly b1: number;
  readonly b2: number;
  readonly a1: number;
  readonly a2: number;
}

/**
 * The magnitude response of a cascade of second-order sections at one frequency, as a linear gain.
 *
 * @param sections - the cascade, applied in order
 * @param frequencyHz - the frequency to evaluate, Hz (0 … sampleRate / 2)
 * @param sampleRate - the rate the sections run at, Hz
 * @example
 * ```ts
 * const gain = cascadeGain(designFrequencyWeighting('A', 48_000), 1000, 48_000);
 * console.log(gain.toFixed(4)); // 1.0000 (A-weighting is 0 dB at 1 kHz)
 * ```
 */
export function cascadeGain(
  sections: readonly SecondOrderSection[],
  frequencyHz: number,
  sampleRate: number,
): number {
  const omega = (2 * Math.PI * frequencyHz) / sampleRate;
  const cos1 = Math.cos(omega);
  const sin1 = Math.sin(omega);
  const cos2 = Math.cos(2 * omega);
  const sin2 = Math.sin(2 * omega);
  let gain = 1;
  for (const section of sections) {
    const numeratorReal = section.b0 + section.b1 * cos1 + section.b2 * cos2;
    const numeratorImaginary = -(section.b1 * sin1 + section.b2 * sin2);
    const denominatorReal = 1 + section.a1 * cos1 + section.a2 * cos2;
    const denominatorImaginary = -(section.a1 * sin1 + section.a2 * sin2);
    gain *= Math.sqrt(
      (numeratorReal * numeratorReal + numeratorImaginary * numeratorImaginary) /
        (denominatorReal * denominatorReal + denominatorImaginary * denominatorImaginary),
    );
  }
  return gain;
}

/** {@link cascadeGain} in decibels: 20·lg(gain). */
export function cascadeGainDecibels(
  sections: readonly SecondOrderSection[],
  frequencyHz: number,
  sampleRate: number,
): number {
  return 20 * Math.log10(cascadeGain(sections, frequencyHz, sampleRate));
}

/** Multiplies the numerator of the first section by `factor` (scales the whole cascade). */
export function scaleCascade(
  sections: readonly SecondOrderSection[],
  factor: number,
): readonly SecondOrderSection[] {
  return sections.map((section, index) =>
    index === 0
      ? { ...section, b0: section.b0 * factor, b1: section.b1 * factor, b2: section.b2 * factor }
      : section,
  );
}

/**
 * Filters `samples` through the cascade (transposed direct form II) and returns a new array. A
 * reference implementation for tests and one-off use; the analyzer runs its own fused loops.
 *
 * @example
 * ```ts
 * // A 100 Hz tone of 1 Pa RMS (93.98 dB) through the A weighting, which is −19.1 dB at 100 Hz.
 * const tone = sineWave({ sampleRate: 48_000, durationSeconds: 1, frequencyHz: 100, rmsPascals: 1 });
 * const weighted = filterCascade(designFrequencyWeighting('A', 48_000), tone);
 * const settled = weighted.subarray(24_000); // the second half, after the filter has settled
 * const meanSquare = settled.reduce((sum, value) => sum + value * value, 0) / settled.length;
 * console.log(levelFromMeanSquare(meanSquare).toFixed(1)); // 74.8
 * ```
 */
export function filterCascade(
  sections: readonly SecondOrderSection[],
  samples: ArrayLike<number>,
): Float64Array {
  const output = Float64Array.from(samples);
  for (const { b0, b1, b2, a1, a2 } of sections) {
    let state1 = 0;
    let state2 = 0;
    for (let index = 0; index < output.length; index += 1) {
      const input = output[index]!;
      const result = b0 * input + state1;
      state1 = b1 * input - a1 * result + state2;
      state2 = b2 * input - a2 * result;
      output[index] = result;
    }
  }
  return output;
}
