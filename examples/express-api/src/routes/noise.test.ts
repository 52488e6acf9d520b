import { createMemoryStore } from '@kizuna/core';
import { sineWave, writeWav } from '@kizuna/noise';
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
});
