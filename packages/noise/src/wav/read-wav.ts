import { KizunaValidationError, parseInput } from '@kizuna/core';
import * as z from 'zod';

/** What a WAV file holds, read from its header. */
export interface WavHeader {
  /** 'pcm' for integer samples, 'float' for IEEE floating point. */
  readonly encoding: 'pcm' | 'float';
  readonly sampleRate: number;
  readonly channelCount: number;
  /** 16, 24 or 32 for PCM; 32 or 64 for float. */
  readonly bitsPerSample: number;
  /** Byte offset of the first sample in the file. */
  readonly dataOffset: number;
  /** Bytes of sample data. */
  readonly dataLength: number;
  /** Samples per channel. */
  readonly frameCount: number;
}

/** A decoded WAV file: one channel in full-scale units (±1.0). */
export interface WavRecording extends WavHeader {
  /** The chosen channel, full-scale units (a full-scale sample is ±1.0). */
  readonly samples: Float32Array;
  readonly channel: number;
  readonly durationSeconds: number;
}

/** Options of {@link readWav}. */
export const readWavOptionsSchema = z.object({
  /** Which channel to keep, 0-based (0 = left of a stereo file). @defaultValue 0 */
  channel: z.number().int().min(0).default(0),
});

/** Options of {@link readWav} before defaults. */
export type ReadWavOptions = z.input<typeof readWavOptionsSchema>;

const pcmGuidTail = '000000001000800000aa00389b71';

function fail(message: string): never {
  throw KizunaValidationError.forField('WAV file', 'buffer', message);
}

function text(view: DataView, offset: number, length: number): string {
  let result = '';
  for (let index = 0; index < length; index += 1)
    result += String.fromCharCode(view.getUint8(offset + index));
  return result;
}

function toView(buffer: ArrayBuffer | ArrayBufferView): DataView {
  return ArrayBuffer.isView(buffer)
    ? new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength)
    : new DataView(buffer);
}

/**
 * Reads the header of a RIFF/WAVE file: format, rate, channels, and where the samples are. Accepts
 * PCM 16/24/32-bit and IEEE float 32/64-bit, plain or WAVE_FORMAT_EXTENSIBLE. The buffer may hold just
 * the beginning of the file (the declared data size is kept); when a streaming writer left the size
 * unknown (0 or 0xFFFFFFFF), `dataLength` is what the buffer holds after the header.
 *
 * @throws KizunaValidationError when the file is not RIFF/WAVE, has no `fmt ` or `data` chunk, or uses
 *   another encoding (8-bit PCM, A-law, µ-law, ADPCM, …)
 */
export function readWavHeader(buffer: ArrayBuffer | ArrayBufferView): WavHeader {
  const view = toView(buffer);
  if (view.byteLength < 12 || text(view, 0, 4) !== 'RIFF' || text(view, 8, 4) !== 'WAVE') {
    fail('expected a RIFF/WAVE file (it does not start with RIFF…WAVE)');
  }
  let offset = 12;
  let format: Omit<WavHeader, 'dataOffset' | 'dataLength' | 'frameCount'> | undefined;
  while (offset + 8 <= view.byteLength) {
    const id = text(view, offset, 4);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (size < 16) fail('the fmt chunk is too short');
      let tag = view.getUint16(body, true);
      const channelCount = view.getUint16(body + 2, true);
      const sampleRate = view.getUint32(body + 4, true);
      const bitsPerSample = view.getUint16(body + 14, true);
      if (tag === 0xfffe) {
        if (size < 40) fail('the WAVE_FORMAT_EXTENSIBLE fmt chunk is too short');
        let tail = '';
        for (let index = 2; index < 16; index += 1)
          tail += view
            .getUint8(body + 24 + index)
            .toString(16)
            .padStart(2, '0');
        if (tail !== pcmGuidTail) fail('unsupported WAVE_FORMAT_EXTENSIBLE sub-format');
        tag = view.getUint16(body + 24, true);
      }
      let encoding: 'pcm' | 'float';
      if (tag === 1) {
        if (![16, 24, 32].includes(bitsPerSample)) {
          fail(`unsupported PCM sample size ${bitsPerSample} bits: expected 16, 24 or 32`);
        }
        encoding = 'pcm';
      } else if (tag === 3) {
        if (![32, 64].includes(bitsPerSample))
          fail(`unsupported float sample size ${bitsPerSample} bits: expected 32 or 64`);
        encoding = 'float';
      } else {
        fail(`unsupported WAV encoding (format tag ${tag}): expected PCM (1) or IEEE float (3)`);
      }
      if (channelCount < 1) fail('the file declares no channels');
      if (sampleRate < 1) fail('the file declares a sample rate of 0');
      format = { encoding, sampleRate, channelCount, bitsPerSample };
    } else if (id === 'data') {
      if (format === undefined) fail('the data chunk comes before the fmt chunk');
      // Streaming writers leave the size at 0 or 0xFFFFFFFF: then the data runs to the end of what we hold.
      // Otherwise the declared size stands, so a header read from the first bytes of a file is right.
      const dataLength = size === 0 || size === 0xffffffff ? view.byteLength - body : size;
      const frameBytes = (format.bitsPerSample / 8) * format.channelCount;
      return { ...format, dataOffset: body, dataLength, frameCount: Math.floor(dataLength / frameBytes) };
    }
    offset = body + size + (size % 2);
  }
  return fail(format === undefined ? 'no fmt chunk found' : 'no data chunk found');
}

/**
 * Decodes one channel of a WAV file into full-scale units (±1.0): 16/24/32-bit PCM is divided by
 * 2^(bits−1); float samples are kept as they are.
 *
 * @throws KizunaValidationError for a file {@link readWavHeader} rejects, or a channel the file does not have
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 *
 * const recording = readWav(await readFile('night.wav'), { channel: 0 });
 * console.log(recording.sampleRate, recording.bitsPerSample, recording.durationSeconds); // 48000 24 60
 * const calibration = { pascalsPerFullScale: 5.02 }; // from calibrateFromRecording
 * const analysis = analyzeSignal(recording.samples, { sampleRate: recording.sampleRate, unit: 'full-scale', calibration });
 * console.log(analysis.laeq.toFixed(1)); // 40.9
 * ```
 */
export function readWav(buffer: ArrayBuffer | ArrayBufferView, options: ReadWavOptions = {}): WavRecording {
  const { channel } = parseInput(readWavOptionsSchema, options, 'WAV options');
  const header = readWavHeader(buffer);
  if (channel >= header.channelCount) {
    throw KizunaValidationError.forField(
      'WAV options',
      'channel',
      `the file has ${header.channelCount} channel(s); channel ${channel} does not exist`,
    );
  }
  // A file cut short holds fewer frames than its header declares: decode what is there.
  const samples = decodeWavFrames(header, buffer, channel, header.dataOffset, header.frameCount);
  const frameBytes = (header.bitsPerSample / 8) * header.channelCount;
  return {
    ...header,
    dataLength: samples.length * frameBytes,
    frameCount: samples.length,
    samples,
    channel,
    durationSeconds: samples.length / header.sampleRate,
  };
}

/**
 * Decodes `frameCount` frames of one channel starting at byte `byteOffset` of `bytes`, into full-scale
 * units. With {@link readWavHeader} this streams a long file: read the header once, then read the
 * data chunk in slices of whole frames and pass each slice (with `byteOffset` 0) to an analyzer.
 *
 * @example
 * ```ts
 * import { open } from 'node:fs/promises';
 *
 * const file = await open('overnight.wav');
 * const firstBytes = new Uint8Array(4096);
 * await file.read(firstBytes, 0, firstBytes.byteLength, 0);
 * const header = readWavHeader(firstBytes);
 * const frameBytes = (header.bitsPerSample / 8) * header.channelCount;
 * const analyzer = createAnalyzer({ sampleRate: header.sampleRate, unit: 'full-scale', calibration: { pascalsPerFullScale: 5.02 } });
 * // Read the data chunk one second (whole frames) at a time.
 * const slice = new Uint8Array(header.sampleRate * frameBytes);
 * for (let offset = header.dataOffset; offset < header.dataOffset + header.dataLength; offset += slice.byteLength) {
 *   const { bytesRead } = await file.read(slice, 0, slice.byteLength, offset);
 *   analyzer.push(decodeWavFrames(header, slice, 0, 0, bytesRead / frameBytes));
 * }
 * await file.close();
 * console.log(analyzer.finish().laeq.toFixed(1)); // 40.9, as with readWav
 * ```
 */
export function decodeWavFrames(
  header: WavHeader,
  bytes: ArrayBuffer | ArrayBufferView,
  channel: number,
  byteOffset: number,
  frameCount: number,
): Float32Array {
  const view = toView(bytes);
  const sampleBytes = header.bitsPerSample / 8;
  const stride = sampleBytes * header.channelCount;
  const available = Math.max(0, Math.floor((view.byteLength - byteOffset) / stride));
  const samples = new Float32Array(Math.min(frameCount, available));
  let position = byteOffset + channel * sampleBytes;
  const key = `${header.encoding}${header.bitsPerSample}`;
  for (let frame = 0; frame < samples.length; frame += 1, position += stride) {
    let value: number;
    switch (key) {
      case 'pcm16':
        value = view.getInt16(position, true) / 32_768;
        break;
      case 'pcm24': {
        const low = view.getUint16(position, true);
        const high = view.getInt8(position + 2);
        value = (high * 65_536 + low) / 8_388_608;
        break;
      }
      case 'pcm32':
        value = view.getInt32(position, true) / 2_147_483_648;
        break;
      case 'float32':
        value = view.getFloat32(position, true);
        break;
      default:
        value = view.getFloat64(position, true);
    }
    samples[frame] = value;
  }
  return samples;
}
