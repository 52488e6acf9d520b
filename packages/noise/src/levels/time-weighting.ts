/** An exponential time weighting of IEC 61672-1: Fast (τ = 0.125 s) or Slow (τ = 1 s). */
export type TimeWeighting = 'fast' | 'slow';

/** The time constants of IEC 61672-1, seconds. */
export const timeConstants: Readonly<Record<TimeWeighting, number>> = { fast: 0.125, slow: 1 };

/**
 * The per-sample smoothing factor of the exponential detector e[n] = e[n−1] + α·(p²[n] − e[n−1]):
 * α = 1 − exp(−1 / (τ·fs)), the exact discretisation of the analog RC average.
 */
export function timeWeightingFactor(timeWeighting: TimeWeighting, sampleRate: number): number {
  return 1 - Math.exp(-1 / (timeConstants[timeWeighting] * sampleRate));
}

/**
 * The exponentially time-weighted mean-square of `squaredPressure` (Pa²), sample by sample, starting
 * from 0. A reference implementation; the analyzer runs the same recursion in its fused loop.
 *
 * @example
 * ```ts
 * // A 1 kHz tone of 1 Pa RMS (93.98 dB) switched on at 0 s: the Fast level rises with τ = 0.125 s.
 * const tone = sineWave({ sampleRate: 48_000, durationSeconds: 1, frequencyHz: 1000, rmsPascals: 1 });
 * const fast = exponentialTimeWeighting(tone.map((pascals) => pascals * pascals), 'fast', 48_000);
 * console.log(levelFromMeanSquare(fast[6_000]!).toFixed(1)); // 92.0 after one τ (1 − 1/e of the energy: −2.0 dB)
 * console.log(levelFromMeanSquare(fast.at(-1)!).toFixed(1)); // 94.0 after 1 s
 * ```
 */
export function exponentialTimeWeighting(
  squaredPressure: ArrayLike<number>,
  timeWeighting: TimeWeighting,
  sampleRate: number,
): Float64Array {
  const factor = timeWeightingFactor(timeWeighting, sampleRate);
  const output = new Float64Array(squaredPressure.length);
  let state = 0;
  for (let index = 0; index < output.length; index += 1) {
    state += factor * (squaredPressure[index]! - state);
    output[index] = state;
  }
  return output;
}
