import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type ApiResult, callApi } from '../api/kizuna-client';
import type { NoiseAnalysis } from '../components/noise-report-view';

/** The JSON the demo writes beside its recording (see examples/demo/src/night-recording.ts). */
interface RecordingDescription {
  readonly wav: string;
  readonly startedAt: string;
  readonly areaType: string;
  readonly pascalsPerFullScale: number;
  readonly location?: string;
}

/** The example recording and its analysis by the API. */
export interface ExampleRecording {
  readonly description: RecordingDescription;
  readonly analysis: ApiResult<NoiseAnalysis>;
}

/** One analysis per description file version: the WAV is analysed once, not on every page view. */
let cached: { readonly key: string; readonly result: Promise<ExampleRecording> } | undefined;

async function analyse(path: string): Promise<ExampleRecording> {
  const description = JSON.parse(await readFile(path, 'utf8')) as RecordingDescription;
  const wav = await readFile(join(dirname(path), description.wav));
  const query = new URLSearchParams({
    areaType: description.areaType,
    pascalsPerFullScale: String(description.pascalsPerFullScale),
    startedAt: description.startedAt,
    ...(description.location === undefined ? {} : { location: description.location }),
  });
  const analysis = await callApi<NoiseAnalysis>(`/v1/noise/analyses?${query}`, {
    method: 'POST',
    headers: { 'Content-Type': 'audio/wav' },
    body: new Uint8Array(wav),
  });
  return { description, analysis };
}

/**
 * The ready example of the Noise page: the recording described by the JSON file at
 * `KIZUNA_EXAMPLE_RECORDING` (the demo writes its synthesised night recording there), analysed by
 * the API like an upload. `undefined` when no example is configured. A failed analysis is not kept,
 * so the next view tries again.
 */
export async function loadExampleRecording(): Promise<ExampleRecording | undefined> {
  const path = process.env.KIZUNA_EXAMPLE_RECORDING;
  if (path === undefined || path === '') return undefined;
  let key: string;
  try {
    key = `${path}:${(await stat(path)).mtimeMs}`;
  } catch (error) {
    return {
      description: { wav: '', startedAt: '', areaType: '', pascalsPerFullScale: 1 },
      analysis: { kind: 'failed', status: 0, detail: `Cannot read ${path}: ${String(error)}` },
    };
  }
  if (cached?.key !== key) cached = { key, result: analyse(path) };
  const result = await cached.result;
  if (result.analysis.kind !== 'ok') cached = undefined;
  return result;
}
