import type { AnalyzeSignalOptions } from './analyze-signal-options';
import { createAnalyzer, type Samples } from './create-analyzer';
import type { SignalAnalysis } from './signal-analysis';

/**
 * Analyses a mono recording in one call: LAeq, LCeq, LZeq, LAFmax, LAFmin, LASmax, L5…L95, SEL,
 * 1/3-octave band levels 20 Hz–20 kHz, the 0.1 s level history, time bands, events and warnings.
 * The same engine as {@link createAnalyzer}, so results are identical to a streamed analysis.
 *
 * @param samples - mono samples, in pascals or full-scale units as `options.unit` says
 * @throws KizunaValidationError for bad options (sample rate below 8 kHz or above 384 kHz, full-scale
 *   without calibration, …), empty input, or a NaN / Infinity sample (the message names its index)
 * @example
 * ```ts
 * // One minute in a bedroom, in pascals: a quiet room (LAeq 28 dB) and footsteps upstairs from 20 s.
 * const samples = synthesizeRecording({
 *   sampleRate: 48_000, durationSeconds: 60, backgroundLaeq: 28, seed: 7,
 *   sounds: [{ kind: 'footsteps', startSeconds: 20, durationSeconds: 8, laeq: 48 }],
 * });
 * const analysis = analyzeSignal(samples, {
 *   sampleRate: 48_000,
 *   unit: 'pascal',
 *   startTime: '2026-11-20T13:00:00Z',
 * });
 * console.log(analysis.laeq.toFixed(1)); // 39.6
 * console.log(analysis.percentiles.l90.toFixed(1)); // 27.8 (the background)
 * console.log(analysis.events.map((event) => `${event.classification.kind} at ${event.startTime}`));
 * // ['footsteps at 2026-11-20T13:00:20.000Z']
 * ```
 */
export function analyzeSignal(samples: Samples, options: AnalyzeSignalOptions): SignalAnalysis {
  return createAnalyzer(options).push(samples).finish();
}
