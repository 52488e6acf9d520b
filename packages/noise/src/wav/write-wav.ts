/**
 * Encodes samples in full-scale units (±1.0) as a WAV file: 16/24/32-bit PCM (clamped to full scale)
 * or 32/64-bit float, interleaving the given channels. For tests, demos and exporting synthesised
 * recordings.
 *
 * @example
 * ```ts
 * import { writeFile } from 'node:fs/promises';
 *
 * const left = sineWave({ sampleRate: 48_000, durationSeconds: 1, frequencyHz: 440, rmsPascals: 0.5 });
 * const right = sineWave({ sampleRate: 48_000, durationSeconds: 1, frequencyHz: 1000, rmsPascals: 0.25 });
 * const bytes = writeWav([left, right], { sampleRate: 48_000, encoding: 'pcm', bitsPerSample: 24 });
 * await writeFile('tones.wav', bytes);
 * console.log(bytes.byteLength); // 288044: a 44-byte header + 48,000 frames × 2 channels × 3 bytes
 * ```
 */
export function writeWav(
  channels: readonly ArrayLike<number>[],
  options: {
    readonly sampleRate: number;
    readonly encoding: 'pcm' | 'float';
    readonly bitsPerSample: 16 | 24 | 32 | 64;
  },
): Uint8Array {
  const { sampleRate, encoding, bitsPerSample } = options;
  const channelCount = channels.length;
  const frames = channels[0]?.length ?? 0;
  const bytes = bitsPerSample / 8;
  const dataLength = frames * channelCount * bytes;
  const output = new Uint8Array(44 + dataLength);
  const view = new DataView(output.buffer);
  const writeText = (offset: number, value: string) => {
    for (let index = 0; index < value.length; index += 1)
      view.setUint8(offset + index, value.charCodeAt(index));
  };
  writeText(0, 'RIFF');
  view.setUint32(4, 36 + dataLength, true);
  writeText(8, 'WAVE');
  writeText(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, encoding === 'pcm' ? 1 : 3, true);
  view.setUint16(22, channelCount, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channelCount * bytes, true);
  view.setUint16(32, channelCount * bytes, true);
  view.setUint16(34, bitsPerSample, true);
  writeText(36, 'data');
  view.setUint32(40, dataLength, true);
  let position = 44;
  for (let frame = 0; frame < frames; frame += 1) {
    for (const channel of channels) {
      const value = channel[frame] ?? 0;
      if (encoding === 'float') {
        if (bitsPerSample === 32) view.setFloat32(position, value, true);
        else view.setFloat64(position, value, true);
      } else {
        const scale = 2 ** (bitsPerSample - 1);
        const integer = Math.max(-scale, Math.min(scale - 1, Math.round(value * scale)));
        if (bitsPerSample === 16) view.setInt16(position, integer, true);
        else if (bitsPerSample === 32) view.setInt32(position, integer, true);
        else {
          view.setUint16(position, integer & 0xffff, true);
          view.setInt8(position + 2, integer >> 16);
        }
      }
      position += bytes;
    }
  }
  return output;
}
