import type { NoiseEvent, ThirdOctaveLevel } from '../events/describe-events';
import type { PercentileLevels } from '../levels/percentile-levels';
import type { TimeBandAnalysis } from '../time/time-bands';

/** Something the caller should know about an analysis: the numbers are shown with it, never instead. */
export interface AnalysisWarning {
  readonly code:
    | 'CLIPPING'
    | 'DC_OFFSET'
    | 'BELOW_RANGE'
    | 'SHORT_RECORDING'
    | 'BANDS_OMITTED'
    | 'NO_START_TIME';
  readonly message: string;
}

/** The level history of a recording, one point per 0.1 s. */
export interface LevelHistory {
  /** Spacing of the points, s (0.1). */
  readonly intervalSeconds: number;
  /** LAeq of each interval, dB. */
  readonly laeq: Float32Array;
  /** LCeq of each interval, dB. */
  readonly lceq: Float32Array;
  /** Fast A level at the end of each interval, dB (the samples LN are computed from). */
  readonly laf: Float32Array;
  /** The highest Fast A level within each interval, dB. */
  readonly lafmax: Float32Array;
}

/** Clipped samples found in the recording. */
export interface ClippingReport {
  readonly clippedSamples: number;
  /** clippedSamples / all samples. */
  readonly clippedFraction: number;
  /** When the first clipped sample occurs, s from the start, or null. */
  readonly firstClippedSeconds: number | null;
}

/**
 * The analysis of a recording. Levels are dB re 20 µPa; −Infinity means silence ("below range").
 */
export interface SignalAnalysis {
  readonly kind: 'signal';
  readonly sampleRate: number;
  readonly sampleCount: number;
  readonly durationSeconds: number;
  readonly startTime: string | null;
  readonly timeZone: string;
  readonly unit: 'pascal' | 'full-scale';
  /** The calibration used: Pa per full-scale unit, or null when samples were in pascals without one. */
  readonly pascalsPerFullScale: number | null;
  readonly laeq: number;
  readonly lceq: number;
  readonly lzeq: number;
  readonly lafmax: number;
  /** The lowest Fast A level once the detector has settled (after 0.625 s). */
  readonly lafmin: number;
  readonly lasmax: number;
  /** LN from the Fast A level sampled every 0.1 s (after settling). */
  readonly percentiles: PercentileLevels;
  /** Sound exposure level LAE of the whole recording, dB re (20 µPa)²·s. */
  readonly sel: number;
  /** Z-weighted Leq per 1/3-octave band, low to high. */
  readonly thirdOctave: readonly ThirdOctaveLevel[];
  readonly history: LevelHistory;
  /** Levels per time band and hour, or null without a start time. */
  readonly timeBands: TimeBandAnalysis | null;
  /** The background (L90) and the level above which events were sought, dB. */
  readonly eventThreshold: { readonly background: number; readonly threshold: number };
  readonly events: readonly NoiseEvent[];
  readonly clipping: ClippingReport;
  readonly warnings: readonly AnalysisWarning[];
}
