import { createMemoryStore } from '@kizuna/core';
import { sineWave, writeWav } from '@kizuna/noise';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApi, readJson, startApi } from '../test-support/api-harness';

/** Two seconds of a 1 kHz tone at 0.1 Pa RMS (about 74 dB) as a 16-bit WAV, full scale = 1 Pa. */
const tone = writeWav(
  [Array.from(sineWave({ sampleRate: 16_000, durationSeconds: 2, frequencyHz: 1000, rmsPascals: 0.1 }))],
  { sampleRate: 16_000, encoding: 'pcm', bitsPerSample: 16 },
);

describe('POST /v1/noise/analyses', () => {
  let run: RunningApi;
  beforeAll(async () => {
    run = await startApi({ store: createMemoryStore() });
  });
  afterAll(() => run.close());

  const upload = (query: string, body: Uint8Array, type = 'audio/wav') =>
    run.call(`/v1/noise/analyses?${query}`, {
      key: 'write',
      method: 'POST',
      headers: { 'content-type': type },
      body,
    });

  it('analyses an uploaded WAV and returns its report with the levels', async () => {
    const response = await readJson(
      await upload('areaType=A&pascalsPerFullScale=1&startedAt=2026-11-20T13:00:00Z', tone),
    );
    expect(response.status).toBe(200);
    expect(response.body.recording).toMatchObject({
      sampleRate: 16_000,
      channelCount: 1,
      durationSeconds: 2,
    });
    expect(response.body.report.summary.laeq).toBeGreaterThan(72);
    expect(response.body.report.summary.laeq).toBeLessThan(76);
    expect(response.body.markdown).toContain('#');
  });

  it('serves the report page as HTML under a strict content security policy', async () => {
    const response = await upload('areaType=A&pascalsPerFullScale=1&format=html', tone);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await response.text()).toContain('<svg');
  });

  it('answers 400 for a file that is not a WAV, or for a missing calibration', async () => {
    const notWav = await readJson(
      await upload('areaType=A&pascalsPerFullScale=1', new TextEncoder().encode('RIFF....not a wav')),
    );
    expect(notWav).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    const uncalibrated = await readJson(await upload('areaType=A', tone));
    expect(uncalibrated.status).toBe(400);
    expect(uncalibrated.body.errors[0].path).toBe('query.pascalsPerFullScale');
    expect((await upload('areaType=Z&pascalsPerFullScale=1', tone)).status).toBe(400);
  });

  it('never answers 500 to a damaged or hostile file (fuzzed header fields and truncations)', async () => {
    const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          // Offsets of the fmt fields in a canonical 44-byte header: format, channels, rate, bits, data size.
          field: fc.constantFrom(4, 16, 20, 22, 24, 28, 32, 34, 40),
          value: fc.oneof(fc.constantFrom(0, 1, 3, 0xfffe, 0xffff, 0xffffffff), fc.nat()),
          cut: fc.nat({ max: tone.length }),
          noise: fc.uint8Array({ maxLength: 64 }),
        }),
        async ({ field, value, cut, noise }) => {
          const damaged = tone.slice();
          if (field === 20 || field === 22 || field === 32 || field === 34)
            view(damaged).setUint16(field, value & 0xffff, true);
          else view(damaged).setUint32(field, value >>> 0, true);
          const body = new Uint8Array([...damaged.subarray(0, Math.max(12, cut)), ...noise]);
          const response = await upload('areaType=A&pascalsPerFullScale=1', body);
          expect(response.status).toBeLessThan(500);
          await response.arrayBuffer();
        },
      ),
      { numRuns: 40 },
    );
  });
});
