import type { AnalysisWarning } from '../analysis/signal-analysis';
import type { NoiseEventKind } from '../events/classify-event';
import type { ThirdOctaveLevel } from '../events/describe-events';
import type { DiaryMatch } from '../events/match-diary';
import type { PercentileLevels } from '../levels/percentile-levels';
import type { AreaType, StandardComparison } from '../standards/environmental-standard';
import type { RegulationComparison } from '../standards/noise-regulation';
import type { BandOccurrence, HourlyLevel } from '../time/time-bands';

/** One event as the report shows it. */
export interface ReportEvent {
  readonly id: string;
  /** Local start time `YYYY-MM-DD HH:mm:ss`, or `+12.3 s` without a start time. */
  readonly start: string;
  readonly startOffsetSeconds: number;
  readonly durationSeconds: number;
  readonly laeq: number;
  readonly lmax: number;
  readonly sel: number;
  readonly kind: NoiseEventKind;
  readonly confidence: number;
  readonly night: boolean | null;
  readonly lowFrequency: boolean;
  readonly lowFrequencyReasons: readonly string[];
  /** Notes of the diary entries matched to this event. */
  readonly diaryNotes: readonly string[];
}

/** Everything the report says, as data: render it yourself or use the Markdown / HTML. */
export interface NoiseReportData {
  readonly title: string;
  readonly location: string | null;
  readonly areaType: AreaType;
  readonly limits: { readonly day: number; readonly night: number };
  readonly measurement: {
    readonly source: 'recording' | 'level series';
    readonly start: string | null;
    readonly end: string | null;
    readonly durationSeconds: number;
    readonly timeZone: string;
    readonly sampleRate: number | null;
    readonly calibration: string;
    readonly method: readonly string[];
  };
  readonly summary: {
    readonly laeq: number;
    readonly lceq: number | null;
    readonly lzeq: number | null;
    readonly lmax: number;
    readonly lmin: number;
    readonly percentiles: PercentileLevels;
    readonly sel: number;
  };
  /** 環境基準 comparison per band stretch (empty without a start time). */
  readonly standard: readonly StandardComparison[];
  /** 騒音規制法 bands with LA5 (empty without a start time). */
  readonly regulation: readonly BandOccurrence[];
  /** LA5 against the site's 騒音規制法 limits, when they were given. */
  readonly regulationComparisons: readonly RegulationComparison[];
  readonly hourly: readonly HourlyLevel[];
  readonly events: readonly ReportEvent[];
  readonly diary: readonly DiaryMatch[];
  readonly thirdOctave: readonly ThirdOctaveLevel[] | null;
  /** Plain sentences: what exceeded what, how many events at night, … */
  readonly findings: readonly string[];
  readonly limitations: readonly string[];
  readonly warnings: readonly AnalysisWarning[];
}

/** A rendered noise report. */
export interface NoiseReport {
  readonly data: NoiseReportData;
  readonly markdown: string;
  /** A standalone HTML page with an SVG time-history chart and a spectrum chart. */
  readonly html: string;
}
