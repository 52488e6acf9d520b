import { filterCascade } from '../filters/biquad';
import { designButterworthBandPass, designButterworthLowPass } from '../filters/butterworth';
import { meanSquareFromLevel } from '../levels/decibels';
import { designFrequencyWeighting } from '../weighting/frequency-weighting';
import { pinkNoise, seededNormal, seededRandom } from './test-signals';

/** A sound placed in a synthesised recording. */
export interface SynthesizedSound {
  readonly kind: 'footsteps' | 'voices' | 'music-tv' | 'equipment-hum' | 'traffic';
  /** Start, s from the beginning of the recording. */
  readonly startSeconds: number;
  readonly durationSeconds: number;
  /** LAeq of this sound alone over its duration, dB. */
  readonly laeq: number;
}

/** Options of {@link synthesizeRecording}. */
export interface SynthesizeRecordingOptions {
  readonly sampleRate: number;
  readonly durationSeconds: number;
  /** LAeq of the steady background (pink noise, rolled off above 4 kHz like a quiet room), dB. */
  readonly backgroundLaeq: number;
  readonly sounds: readonly SynthesizedSound[];
  readonly seed: number;
}

function scaleToLaeq(signal: Float64Array, laeq: number, sampleRate: number): Float64Array {
  const weighted = filterCascade(designFrequencyWeighting('A', sampleRate), signal);
  let energy = 0;
  for (const value of weighted) energy += value * value;
  const meanSquare = energy / signal.length;
  const factor = meanSquare > 0 ? Math.sqrt(meanSquareFromLevel(laeq) / meanSquare) : 0;
  return signal.map((value) => value * factor);
}

function footsteps(
  count: number,
  sampleRate: number,
  random: () => number,
  normal: () => number,
): Float64Array {
  // Heavy floor impacts: a 40–70 Hz thump decaying in ~60 ms with a short broadband click, ~1.8 steps/s.
  const output = new Float64Array(count);
  const stepInterval = Math.round(sampleRate / 1.8);
  for (
    let start = Math.round(sampleRate * 0.05);
    start < count;
    start += stepInterval + Math.round((random() - 0.5) * sampleRate * 0.1)
  ) {
    const frequency = 40 + random() * 30;
    const strength = 0.7 + random() * 0.6;
    for (let index = 0; index < sampleRate * 0.35 && start + index < count; index += 1) {
      const time = index / sampleRate;
      output[start + index] =
        output[start + index]! +
        strength *
          (Math.exp(-time / 0.06) * Math.sin(2 * Math.PI * frequency * time) +
            0.08 * Math.exp(-time / 0.004) * normal());
    }
  }
  return output;
}

function voices(count: number, sampleRate: number, random: () => number): Float64Array {
  // Harmonics of a wandering 120–240 Hz voice through two formant bands, syllables at ~4 Hz with pauses.
  const raw = new Float64Array(count);
  let phase = 0;
  let pitch = 120 + random() * 120;
  for (let index = 0; index < count; index += 1) {
    if (index % Math.round(sampleRate * 0.25) === 0)
      pitch = Math.max(110, Math.min(260, pitch * (0.9 + random() * 0.2)));
    phase += (2 * Math.PI * pitch) / sampleRate;
    let value = 0;
    for (let harmonic = 1; harmonic <= 20; harmonic += 1) value += Math.sin(harmonic * phase) / harmonic;
    raw[index] = value;
  }
  const formantLow = filterCascade(designButterworthBandPass(2, 400, 1100, sampleRate), raw);
  const formantHigh = filterCascade(designButterworthBandPass(2, 1200, 3000, sampleRate), raw);
  const output = new Float64Array(count);
  let syllableOn = true;
  const syllable = Math.round(sampleRate * 0.22);
  for (let index = 0; index < count; index += 1) {
    if (index % syllable === 0) syllableOn = random() > 0.3;
    const position = (index % syllable) / syllable;
    const envelope = syllableOn ? Math.sin(Math.PI * position) ** 2 : 0.03;
    output[index] = (formantLow[index]! + 0.6 * formantHigh[index]!) * envelope;
  }
  return output;
}

function musicTv(count: number, sampleRate: number, random: () => number, seed: number): Float64Array {
  // Chords changing every 0.5 s, a kick drum at 2 beats/s and a little broadband sound.
  const output = pinkNoise({
    sampleRate,
    durationSeconds: count / sampleRate,
    rmsPascals: 0.15,
    seed: seed + 17,
  });
  const roots = [110, 130.8, 146.8, 164.8, 196];
  let root = roots[0]!;
  let loudness = 1;
  for (let index = 0; index < count; index += 1) {
    if (index % Math.round(sampleRate * 0.5) === 0) root = roots[Math.floor(random() * roots.length)]!;
    // Phrases every 2 s, ±3 dB.
    if (index % (sampleRate * 2) === 0) loudness = 10 ** ((random() - 0.5) * 0.3);
    const time = index / sampleRate;
    let value = 0;
    for (const ratio of [1, 1.25, 1.5, 2, 3]) value += 0.3 * Math.sin(2 * Math.PI * root * ratio * time);
    const beat = time % 0.5;
    value += 1.2 * Math.exp(-beat / 0.05) * Math.sin(2 * Math.PI * 55 * beat);
    output[index] = (output[index]! + value) * loudness;
  }
  return output;
}

function equipmentHum(count: number, sampleRate: number, normal: () => number): Float64Array {
  // A transformer or compressor: 100 Hz with its harmonics, perfectly steady, a trace of noise.
  return Float64Array.from({ length: count }, (_, index) => {
    const time = index / sampleRate;
    return (
      Math.sin(2 * Math.PI * 100 * time) +
      0.3 * Math.sin(2 * Math.PI * 200 * time) +
      0.1 * Math.sin(2 * Math.PI * 300 * time) +
      0.01 * normal()
    );
  });
}

function traffic(count: number, sampleRate: number, seed: number): Float64Array {
  // A vehicle passing: low-mid broadband noise under a smooth rise and fall.
  const noise = pinkNoise({
    sampleRate,
    durationSeconds: count / sampleRate,
    rmsPascals: 1,
    seed: seed + 29,
  });
  const shaped = filterCascade(designButterworthLowPass(2, 1200, sampleRate), noise);
  return shaped.map((value, index) => value * Math.sin((Math.PI * index) / count) ** 2);
}

/**
 * Synthesises a recording in pascals for tests and demos: a quiet-room background plus placed
 * sounds (footsteps on the floor above, voices, music or TV, equipment hum, a passing vehicle), each
 * scaled to its own LAeq. Seeded, so the same options give the same samples.
 *
 * @example
 * ```ts
 * const samples = synthesizeRecording({
 *   sampleRate: 16_000, durationSeconds: 60, backgroundLaeq: 28, seed: 1,
 *   sounds: [{ kind: 'footsteps', startSeconds: 20, durationSeconds: 6, laeq: 48 }],
 * });
 * console.log(samples.length); // 960000 samples in pascals
 * ```
 */
export function synthesizeRecording(options: SynthesizeRecordingOptions): Float64Array {
  const { sampleRate, durationSeconds, seed } = options;
  const count = Math.round(sampleRate * durationSeconds);
  const background = filterCascade(
    designButterworthLowPass(2, Math.min(4000, sampleRate / 4), sampleRate),
    pinkNoise({ sampleRate, durationSeconds, rmsPascals: 1, seed }),
  );
  const output = scaleToLaeq(background, options.backgroundLaeq, sampleRate);
  options.sounds.forEach((sound, soundNumber) => {
    const random = seededRandom(seed * 7919 + soundNumber);
    const normal = seededNormal(seed * 104_729 + soundNumber);
    const start = Math.round(sound.startSeconds * sampleRate);
    const length = Math.min(Math.round(sound.durationSeconds * sampleRate), count - start);
    if (length <= 0) return;
    const generated =
      sound.kind === 'footsteps'
        ? footsteps(length, sampleRate, random, normal)
        : sound.kind === 'voices'
          ? voices(length, sampleRate, random)
          : sound.kind === 'music-tv'
            ? musicTv(length, sampleRate, random, seed + soundNumber)
            : sound.kind === 'equipment-hum'
              ? equipmentHum(length, sampleRate, normal)
              : traffic(length, sampleRate, seed + soundNumber);
    const scaled = scaleToLaeq(generated, sound.laeq, sampleRate);
    for (let index = 0; index < length; index += 1)
      output[start + index] = output[start + index]! + scaled[index]!;
  });
  return output;
}
