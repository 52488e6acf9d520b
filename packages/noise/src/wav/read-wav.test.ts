import { KizunaValidationError } from '@kizuna/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeWavFrames, readWav, readWavHeader } from './read-wav';
import { writeWav } from './write-wav';

const left = Float64Array.from({ length: 480 }, (_, index) => 0.5 * Math.sin((2 * Math.PI * index) / 48));
const right = Float64Array.from({ length: 480 }, (_, index) => -0.25 * Math.cos((2 * Math.PI * index) / 32));

describe('readWav', () => {
  for (const [encoding, bitsPerSample, tolerance] of [
    ['pcm', 16, 1 / 32_768],
    ['pcm', 24, 1 / 8_388_608],
    // Samples come back as Float32: 24 bits of mantissa, well below any microphone's noise floor.
    ['pcm', 32, 1e-7],
    ['float', 32, 1e-7],
    ['float', 64, 1e-7],
  ] as const) {
    it(`decodes ${encoding} ${bitsPerSample}-bit stereo into the chosen channel`, () => {
      const file = writeWav([left, right], { sampleRate: 48_000, encoding, bitsPerSample });
      const first = readWav(file);
      const second = readWav(file, { channel: 1 });
      expect(first.sampleRate).toBe(48_000);
      expect(first.channelCount).toBe(2);
      expect(first.frameCount).toBe(480);
      expect(first.durationSeconds).toBeCloseTo(0.01, 9);
      for (const [index, value] of first.samples.entries()) {
        expect(Math.abs(value - left[index]!)).toBeLessThanOrEqual(tolerance);
      }
      for (const [index, value] of second.samples.entries()) {
        expect(Math.abs(value - right[index]!)).toBeLessThanOrEqual(tolerance);
      }
    });
  }

  it('decodes any 24-bit sample exactly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -8_388_608, max: 8_388_607 }), { minLength: 1, maxLength: 50 }),
        (integers) => {
          const values = integers.map((integer) => integer / 8_388_608);
          const decoded = readWav(
            writeWav([values], { sampleRate: 8000, encoding: 'pcm', bitsPerSample: 24 }),
          );
          expect(Array.from(decoded.samples)).toEqual(values.map((value) => Math.fround(value)));
        },
      ),
    );
  });

  it('rejects a channel the file does not have', () => {
    const file = writeWav([left], { sampleRate: 48_000, encoding: 'pcm', bitsPerSample: 16 });
    expect(() => readWav(file, { channel: 1 })).toThrow(/1 channel/);
  });

  it('rejects files that are not PCM or float WAV, saying why', () => {
    expect(() => readWav(new TextEncoder().encode('hello world, not audio'))).toThrow(/RIFF\/WAVE/);
    const file = writeWav([left], { sampleRate: 48_000, encoding: 'pcm', bitsPerSample: 16 });
    const alaw = file.slice();
    new DataView(alaw.buffer).setUint16(20, 6, true);
    expect(() => readWav(alaw)).toThrow(/format tag 6/);
    const eightBit = file.slice();
    new DataView(eightBit.buffer).setUint16(34, 8, true);
    expect(() => readWav(eightBit)).toThrow(/8 bits/);
    expect(() => readWav(file.slice(0, 36))).toThrow(KizunaValidationError);
  });

  it('decodes slices of the data chunk for streaming', () => {
    const file = writeWav([left, right], { sampleRate: 48_000, encoding: 'pcm', bitsPerSample: 24 });
    const header = readWavHeader(file);
    const data = file.subarray(header.dataOffset);
    const frameBytes = 6;
    const first = decodeWavFrames(header, data.subarray(0, 100 * frameBytes), 1, 0, 100);
    const rest = decodeWavFrames(header, data.subarray(100 * frameBytes), 1, 0, 380);
    expect([...first, ...rest]).toEqual([...readWav(file, { channel: 1 }).samples]);
  });

  it('keeps the declared data size when given only the start of a file, and decodes what a cut file holds', () => {
    const file = writeWav([left], { sampleRate: 48_000, encoding: 'pcm', bitsPerSample: 16 });
    expect(readWavHeader(file.subarray(0, 100)).frameCount).toBe(480);
    expect(readWav(file.subarray(0, 44 + 200)).frameCount).toBe(100);
  });

  it('reads a data chunk whose size a streaming writer left at zero', () => {
    const file = writeWav([left], { sampleRate: 48_000, encoding: 'float', bitsPerSample: 32 });
    new DataView(file.buffer).setUint32(40, 0, true);
    expect(readWavHeader(file).frameCount).toBe(480);
  });
});
