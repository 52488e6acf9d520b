import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
// The demo's package does not list @kizuna/noise yet (adding it changes the lockfile, which the lead
// owns): the public entry is imported from the workspace source, exactly what `@kizuna/noise` exports.
import {
  analyzeSignal,
  buildNoiseReport,
  type NoiseReportData,
  readWav,
  synthesizeRecording,
  writeWav,
} from '@kizuna/noise';

/** What the dashboard needs to analyse the demo's recording through the API (the sidecar file). */
export interface RecordingDescription {
  /** The WAV's file name, beside the description. */
  readonly wav: string;
  /** When the recording started (ISO, UTC). */
  readonly startedAt: string;
  /** The 環境基準 area type of the place measured. */
  readonly areaType: 'A';
  /** Calibration: the pascals a full-scale sample stands for. */
  readonly pascalsPerFullScale: number;
  readonly location: string;
}

/** The demo's recording and what the analysis found in it. */
export interface NightRecording {
  readonly wavPath: string;
  readonly descriptionPath: string;
  readonly description: RecordingDescription;
  readonly report: NoiseReportData;
}

const sampleRate = 16_000;
const pascalsPerFullScale = 1;

/**
 * The demo's synthetic noise recording: three minutes in a bedroom from 23:40 (Tokyo) three nights
 * before the demo's "today" — a quiet room (LAeq 28 dB) with footsteps on the floor above three
 * times (49–54 dB while they last) and a car passing outside. It is synthesised with
 * `@kizuna/noise`'s recording synthesiser, written as a 16-bit WAV (1 Pa full scale) with a JSON
 * description beside it, read back and analysed the way the API analyses an upload.
 */
export function createNightRecording(folder: string, asOf: string): NightRecording {
  const startedAt = new Date(Date.parse(asOf) - 2 * 86_400_000 - 20 * 60_000 - 9 * 3_600_000).toISOString();
  const samples = synthesizeRecording({
    sampleRate,
    durationSeconds: 180,
    backgroundLaeq: 28,
    seed: 2026,
    sounds: [
      { kind: 'footsteps', startSeconds: 18, durationSeconds: 8, laeq: 52 },
      { kind: 'traffic', startSeconds: 55, durationSeconds: 9, laeq: 44 },
      { kind: 'footsteps', startSeconds: 92, durationSeconds: 6, laeq: 49 },
      { kind: 'footsteps', startSeconds: 140, durationSeconds: 10, laeq: 54 },
    ],
  });
  const wavBytes = writeWav([samples], {
    sampleRate,
    encoding: 'pcm',
    bitsPerSample: 16,
  });
  const description: RecordingDescription = {
    wav: 'night-recording.wav',
    startedAt,
    areaType: 'A',
    pascalsPerFullScale,
    location: '東京都世田谷区 マンション2階 寝室（デモ）',
  };
  const wavPath = join(folder, description.wav);
  const descriptionPath = join(folder, 'night-recording.json');
  writeFileSync(wavPath, wavBytes);
  writeFileSync(descriptionPath, `${JSON.stringify(description, null, 2)}\n`);

  const recording = readWav(wavBytes);
  const analysis = analyzeSignal(recording.samples, {
    sampleRate: recording.sampleRate,
    unit: 'full-scale',
    calibration: { pascalsPerFullScale },
    timeZone: 'Asia/Tokyo',
    startTime: startedAt,
  });
  const report = buildNoiseReport(analysis, {
    areaType: description.areaType,
    location: description.location,
  });
  return { wavPath, descriptionPath, description, report: report.data };
}
