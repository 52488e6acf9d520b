import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sineWave, synthesizeRecording, writeWav } from '@kizuna/noise';

/** The calibration the fixture recordings were made with: 1.0 full scale = 5.02 Pa, as the guides say. */
const pascalsPerFullScale = 5.02;

function toFullScale(pascals: Float64Array): Float64Array {
  return pascals.map((value) => value / pascalsPerFullScale);
}

/**
 * The files the guides' samples read, made in the samples' working folder: `night.wav` and
 * `overnight.wav` (a quiet room with footsteps upstairs, 48 kHz 24-bit) and `calibrator.wav`
 * (94 dB at 1 kHz through the same gain), so a reader's `readFile('night.wav')` runs as written.
 */
export function writeSampleFixtures(folder: string): void {
  mkdirSync(folder, { recursive: true });
  const sampleRate = 48_000;
  const night = synthesizeRecording({
    sampleRate,
    durationSeconds: 60,
    backgroundLaeq: 28,
    sounds: [
      { kind: 'footsteps', startSeconds: 10, durationSeconds: 8, laeq: 48 },
      { kind: 'footsteps', startSeconds: 40, durationSeconds: 6, laeq: 45 },
    ],
    seed: 7,
  });
  const wav = writeWav([toFullScale(night)], { sampleRate, encoding: 'pcm', bitsPerSample: 24 });
  writeFileSync(join(folder, 'night.wav'), wav);
  writeFileSync(join(folder, 'overnight.wav'), wav);
  const tone = sineWave({ sampleRate, durationSeconds: 5, frequencyHz: 1000, rmsPascals: 1.0024 });
  writeFileSync(
    join(folder, 'calibrator.wav'),
    writeWav([toFullScale(tone)], { sampleRate, encoding: 'pcm', bitsPerSample: 24 }),
  );
}
