/**
 * A seeded pseudo-random generator (mulberry32): the same seed gives the same numbers everywhere.
 * Returns uniform numbers in [0, 1).
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal generator (Box–Muller) on top of {@link seededRandom}. */
export function seededNormal(seed: number): () => number {
  const random = seededRandom(seed);
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - random()));
    const angle = 2 * Math.PI * random();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}

/** Options shared by the test-signal generators. */
export interface TestSignalOptions {
  readonly sampleRate: number;
  readonly durationSeconds: number;
}

/**
 * A sine of `rmsPascals` RMS at `frequencyHz` (a 1 kHz sine of 1 Pa RMS is 93.98 dB).
 *
 * @example
 * ```ts
 * const tone = sineWave({ sampleRate: 48_000, durationSeconds: 1, frequencyHz: 1000, rmsPascals: 1 });
 * const meanSquare = tone.reduce((sum, value) => sum + value * value, 0) / tone.length;
 * console.log(levelFromMeanSquare(meanSquare).toFixed(2)); // 93.98
 * ```
 */
export function sineWave(
  options: TestSignalOptions & {
    readonly frequencyHz: number;
    readonly rmsPascals: number;
    readonly phase?: number;
  },
): Float64Array {
  const count = Math.round(options.sampleRate * options.durationSeconds);
  const amplitude = options.rmsPascals * Math.SQRT2;
  const step = (2 * Math.PI * options.frequencyHz) / options.sampleRate;
  const phase = options.phase ?? 0;
  return Float64Array.from({ length: count }, (_, index) => amplitude * Math.sin(step * index + phase));
}

/**
 * Gaussian white noise of `rmsPascals` RMS, seeded: flat power spectral density up to the Nyquist
 * frequency.
 */
export function whiteNoise(
  options: TestSignalOptions & { readonly rmsPascals: number; readonly seed: number },
): Float64Array {
  const normal = seededNormal(options.seed);
  const count = Math.round(options.sampleRate * options.durationSeconds);
  return Float64Array.from({ length: count }, () => normal() * options.rmsPascals);
}

/**
 * Pink noise (power falling 3 dB per octave, so every 1/3-octave band holds the same energy), seeded:
 * white noise through Paul Kellet's refined pink filter (±0.05 dB from 9 Hz to the Nyquist frequency
 * at 44.1 kHz), scaled to `rmsPascals` RMS overall.
 */
export function pinkNoise(
  options: TestSignalOptions & { readonly rmsPascals: number; readonly seed: number },
): Float64Array {
  const normal = seededNormal(options.seed);
  const count = Math.round(options.sampleRate * options.durationSeconds);
  const output = new Float64Array(count);
  let b0 = 0;
  let b1 = 0;
  let b2 = 0;
  let b3 = 0;
  let b4 = 0;
  let b5 = 0;
  let b6 = 0;
  let energy = 0;
  for (let index = 0; index < count; index += 1) {
    const white = normal();
    b0 = 0.99886 * b0 + white * 0.0555179;
    b1 = 0.99332 * b1 + white * 0.0750759;
    b2 = 0.969 * b2 + white * 0.153852;
    b3 = 0.8665 * b3 + white * 0.3104856;
    b4 = 0.55 * b4 + white * 0.5329522;
    b5 = -0.7616 * b5 - white * 0.016898;
    const value = b0 + b1 + b2 + b3 + b4 + b5 + b6 + white * 0.5362;
    b6 = white * 0.115926;
    output[index] = value;
    energy += value * value;
  }
  const scale = options.rmsPascals / Math.sqrt(energy / count);
  for (let index = 0; index < count; index += 1) output[index] = output[index]! * scale;
  return output;
}
