import { KizunaValidationError, parseInput } from '@kizuna/core';
import { describeEvents } from '../events/describe-events';
import { detectEventSpans } from '../events/detect-event-spans';
import { eventDetectionOptionsSchema } from '../events/event-detection-options';
import { levelFromMeanSquare } from '../levels/decibels';
import { percentileLevels } from '../levels/percentile-levels';
import { analyzeTimeBands } from '../time/time-bands';
import { type AnalysisCoreTotals, createAnalysisCore, historyIntervalSeconds } from './analysis-core';
import {
  type AnalyzeSignalOptions,
  analyzeSignalOptionsSchema,
  type ParsedAnalyzeSignalOptions,
  pascalsPerFullScaleOf,
} from './analyze-signal-options';
import type { AnalysisWarning, SignalAnalysis } from './signal-analysis';

/** Samples accepted by the analyzer: mono, in the unit given in the options. */
export type Samples = Float32Array | Float64Array | readonly number[];

/** A streaming analyzer: push chunks of any size, then finish once. */
export interface Analyzer {
  /**
   * Analyses the next chunk. Results do not depend on how the recording is split into chunks.
   *
   * @throws KizunaValidationError when a sample is NaN or ±Infinity (nothing of the chunk is used)
   * @throws KizunaError when called after `finish`
   */
  push(chunk: Samples): Analyzer;
  /**
   * Ends the recording and returns its analysis.
   *
   * @throws KizunaValidationError when no samples were pushed
   */
  finish(): SignalAnalysis;
}

function checkFinite(chunk: Samples, offset: number): void {
  let check = 0;
  for (let index = 0; index < chunk.length; index += 1) check += chunk[index]! * 0;
  if (check === 0) return;
  for (let index = 0; index < chunk.length; index += 1) {
    if (!Number.isFinite(chunk[index])) {
      throw KizunaValidationError.forField(
        'samples',
        `samples[${offset + index}]`,
        `expected a finite number, received ${String(chunk[index])}`,
      );
    }
  }
}

function toLevels(meanSquares: Float32Array): Float32Array {
  return meanSquares.map((value) => levelFromMeanSquare(value));
}

function assemble(totals: AnalysisCoreTotals, options: ParsedAnalyzeSignalOptions): SignalAnalysis {
  const { sampleRate } = options;
  const count = totals.sampleCount;
  const durationSeconds = count / sampleRate;
  const warnings: AnalysisWarning[] = [];
  const laeq = levelFromMeanSquare(totals.sumA / count);
  const history = {
    intervalSeconds: historyIntervalSeconds,
    laeq: toLevels(totals.historyA),
    lceq: toLevels(totals.historyC),
    laf: toLevels(totals.historyFast),
    lafmax: toLevels(totals.historyFastMaximum),
  };
  const pointCount = totals.historyA.length;
  // The last point may be short: its Fast value is not a full-interval sample.
  const fullPoints =
    totals.historySampleCounts[pointCount - 1]! < Math.floor(sampleRate / 10) ? pointCount - 1 : pointCount;
  const settled = totals.firstSettledPoint >= 0 && totals.firstSettledPoint < fullPoints;
  if (!settled) {
    warnings.push({
      code: 'SHORT_RECORDING',
      message: `The recording (${durationSeconds.toFixed(2)} s) is too short for the Fast detector to settle; LAFmin and LN use every point.`,
    });
  }
  const statisticPoints = settled
    ? history.laf.subarray(totals.firstSettledPoint, fullPoints)
    : history.laf.subarray(0, Math.max(1, fullPoints));
  const percentiles = percentileLevels(statisticPoints);
  const lafmin = settled ? levelFromMeanSquare(totals.fastMinimum) : Math.min(...statisticPoints);
  if (laeq === Number.NEGATIVE_INFINITY) {
    warnings.push({ code: 'BELOW_RANGE', message: 'The recording is silent: every level is below range.' });
  }
  const pascalsPerFullScale = options.calibration ? pascalsPerFullScaleOf(options.calibration) : null;
  if (totals.clippedSamples > 0) {
    warnings.push({
      code: 'CLIPPING',
      message: `${totals.clippedSamples} samples reach full scale (first at ${(totals.firstClippedSample / sampleRate).toFixed(2)} s): the recording is clipped and the levels of loud moments are underestimated.`,
    });
  }
  const offset = totals.sumSamples / count;
  if (offset * offset > 0.1 * (totals.sumZ / count)) {
    warnings.push({
      code: 'DC_OFFSET',
      message: `The recording has a DC offset of ${offset.toPrecision(3)} Pa: LZeq includes it (it is not sound); A, C and band levels do not.`,
    });
  }
  if (totals.bank.omittedBands.length > 0) {
    warnings.push({
      code: 'BANDS_OMITTED',
      message: `Bands ${totals.bank.omittedBands.map((band) => `${band.nominalHz} Hz`).join(', ')} lie above the Nyquist frequency of ${sampleRate / 2} Hz and are not reported.`,
    });
  }
  const startMilliseconds = options.startTime === undefined ? null : Date.parse(options.startTime);
  if (startMilliseconds === null) {
    warnings.push({
      code: 'NO_START_TIME',
      message: 'No start time: time bands, hours and night flags are unavailable.',
    });
  }
  const durations = Float32Array.from(totals.historySampleCounts, (samples) => samples / sampleRate);
  const timeBands =
    startMilliseconds === null
      ? null
      : analyzeTimeBands({
          laeq: history.laeq,
          statisticLevels: history.laf,
          maxima: history.lafmax,
          durations,
          intervalSeconds: historyIntervalSeconds,
          startMilliseconds,
          timeZone: options.timeZone,
        });
  const eventOptions = eventDetectionOptionsSchema.parse(options.events);
  const background = percentiles.l90;
  const threshold = eventOptions.thresholdDecibels ?? background + eventOptions.marginDecibels;
  const spans = Number.isFinite(threshold)
    ? detectEventSpans(
        history.laeq,
        threshold,
        Math.round(eventOptions.mergeGapSeconds / historyIntervalSeconds),
        Math.max(1, Math.round(eventOptions.minimumDurationSeconds / historyIntervalSeconds)),
      )
    : [];
  const events = describeEvents(spans, {
    laeq: history.laeq,
    maxima: history.lafmax,
    lceq: history.lceq,
    bandMeanSquares: totals.historyBands,
    bands: totals.bank.bands,
    durations,
    intervalSeconds: historyIntervalSeconds,
    startMilliseconds,
    timeZone: options.timeZone,
    background,
  });
  return {
    kind: 'signal',
    sampleRate,
    sampleCount: count,
    durationSeconds,
    startTime: options.startTime ?? null,
    timeZone: options.timeZone,
    unit: options.unit,
    pascalsPerFullScale,
    laeq,
    lceq: levelFromMeanSquare(totals.sumC / count),
    lzeq: levelFromMeanSquare(totals.sumZ / count),
    lafmax: levelFromMeanSquare(totals.fastMaximum),
    lafmin,
    lasmax: levelFromMeanSquare(totals.slowMaximum),
    percentiles,
    sel: laeq + 10 * Math.log10(durationSeconds),
    thirdOctave: totals.bank.bands.map((band, index) => ({
      centerHz: band.centerHz,
      nominalHz: band.nominalHz,
      leq: levelFromMeanSquare(totals.bandSums[index]! / count),
    })),
    history,
    timeBands,
    eventThreshold: { background, threshold },
    events,
    clipping: {
      clippedSamples: totals.clippedSamples,
      clippedFraction: totals.clippedSamples / count,
      firstClippedSeconds: totals.firstClippedSample < 0 ? null : totals.firstClippedSample / sampleRate,
    },
    warnings,
  };
}

/**
 * Creates a streaming analyzer: the same analysis as {@link analyzeSignal} over a recording pushed in
 * chunks, so hours of audio never sit in memory. Memory is one 0.1 s block plus the level history
 * (about 150 bytes per 0.1 s of audio). One fused pass does A/C weighting, Fast/Slow time weighting,
 * the energy sums and the multirate 1/3-octave bank, so the result is identical however the
 * recording is split.
 *
 * @throws KizunaValidationError when the options are invalid (names each bad field)
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 *
 * const recording = readWav(await readFile('night.wav'));
 * const analyzer = createAnalyzer({ sampleRate: 48_000, unit: 'full-scale', calibration: { pascalsPerFullScale: 5.02 } });
 * // One second at a time, as a recorder delivers it.
 * for (let start = 0; start < recording.samples.length; start += 48_000) {
 *   analyzer.push(recording.samples.subarray(start, start + 48_000));
 * }
 * const analysis = analyzer.finish();
 * console.log(analysis.laeq.toFixed(1), analysis.lafmax.toFixed(1)); // 40.9 54.1
 * console.log(analysis.events.map((event) => event.classification.kind)); // ['footsteps', 'footsteps']
 * ```
 */
export function createAnalyzer(options: AnalyzeSignalOptions): Analyzer {
  const parsed = parseInput(analyzeSignalOptionsSchema, options, 'signal analysis options');
  const fullScale = parsed.calibration ? pascalsPerFullScaleOf(parsed.calibration) : null;
  const pascalsPerUnit = parsed.unit === 'full-scale' ? fullScale! : 1;
  const clipThreshold =
    parsed.unit === 'full-scale'
      ? parsed.clipThreshold
      : fullScale === null
        ? Number.POSITIVE_INFINITY
        : parsed.clipThreshold * fullScale;
  const core = createAnalysisCore({
    sampleRate: parsed.sampleRate,
    pascalsPerUnit,
    clipThreshold,
    lowestBandHz: parsed.lowestBandHz,
    highestBandHz: parsed.highestBandHz,
  });
  let received = 0;
  let finished = false;
  const analyzer: Analyzer = {
    push(chunk) {
      if (finished)
        throw KizunaValidationError.forField('analyzer', 'push', 'the analyzer has already finished');
      checkFinite(chunk, received);
      core.push(chunk);
      received += chunk.length;
      return analyzer;
    },
    finish() {
      if (finished)
        throw KizunaValidationError.forField('analyzer', 'finish', 'the analyzer has already finished');
      if (received === 0)
        throw KizunaValidationError.forField('samples', 'samples', 'expected at least one sample');
      finished = true;
      return assemble(core.finish(), parsed);
    },
  };
  return analyzer;
}
