import { writeWav } from '@kizuna/noise';

/**
 * A deterministic WAV for the noise view: 20 s at 16 kHz of quiet background with a low thump
 * (footstep-like: 60 Hz, decaying over 0.25 s) every 4 s.
 */
export function syntheticFootsteps(): Uint8Array {
  const sampleRate = 16_000;
  const samples = new Float64Array(sampleRate * 20);
  let seed = 7;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648 - 0.5;
  };
  for (let index = 0; index < samples.length; index += 1) samples[index] = random() * 0.002;
  for (let step = 1; step < 5; step += 1) {
    const start = step * 4 * sampleRate;
    for (let offset = 0; offset < sampleRate / 4; offset += 1) {
      const time = offset / sampleRate;
      samples[start + offset] =
        (samples[start + offset] ?? 0) + 0.3 * Math.exp(-time * 18) * Math.sin(2 * Math.PI * 60 * time);
    }
  }
  return writeWav([samples], { sampleRate, encoding: 'pcm', bitsPerSample: 16 });
}
