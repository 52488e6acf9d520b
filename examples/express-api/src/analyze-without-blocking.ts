import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { type AnalyzeSignalOptions, createAnalyzer, type SignalAnalysis } from '@kizuna/noise';

/** Audio analysed between two yields to the event loop, in seconds. */
const sliceSeconds = 0.25;

/**
 * The noise analysis of a whole recording without holding the event loop: the streaming analyzer
 * (the same numbers as `analyzeSignal`, however the recording is split) is fed a quarter of a second
 * of audio at a time, and other requests are served between slices. An hour-long upload then slows
 * health reads down a little instead of stopping them for the seconds the analysis takes.
 * Chosen over a worker thread: no second copy of the engines to load, nothing to transfer, and the
 * cost stays visible in the one process's CPU.
 */
export async function analyzeWithoutBlocking(
  samples: Float32Array | Float64Array,
  options: AnalyzeSignalOptions,
): Promise<SignalAnalysis> {
  const analyzer = createAnalyzer(options);
  const slice = Math.max(1, Math.round(options.sampleRate * sliceSeconds));
  for (let start = 0; start < samples.length; start += slice) {
    analyzer.push(samples.subarray(start, start + slice));
    if (start + slice < samples.length) await yieldToEventLoop();
  }
  return analyzer.finish();
}
