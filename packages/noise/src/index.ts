// Analysis of a recording
export { type AnalysisCoreConfig, historyIntervalSeconds } from './analysis/analysis-core';
export { analyzeSignal } from './analysis/analyze-signal';
export {
  type AnalyzeSignalOptions,
  analyzeSignalOptionsSchema,
  type Calibration,
  calibrationSchema,
  pascalsPerFullScaleOf,
} from './analysis/analyze-signal-options';
export {
  type CalibrationResult,
  type CalibratorOptions,
  calibrateFromRecording,
  calibratorOptionsSchema,
} from './analysis/calibrate-from-recording';
export { type Analyzer, createAnalyzer, type Samples } from './analysis/create-analyzer';
export type {
  AnalysisWarning,
  ClippingReport,
  LevelHistory,
  SignalAnalysis,
} from './analysis/signal-analysis';
export { type ThirdOctaveBand, thirdOctaveBand, thirdOctaveBands } from './bands/third-octave-bands';
// 1/3-octave bands
export {
  antiAliasOrder,
  type BankBand,
  type BankStage,
  bandFilterOrder,
  bankBandGain,
  designThirdOctaveBank,
  type ThirdOctaveBankDesign,
} from './bands/third-octave-bank';
// Events
export {
  classifyEvent,
  type EventClassification,
  type EventFeatures,
  type NoiseEventKind,
} from './events/classify-event';
export {
  describeEvents,
  type EventContext,
  type NoiseEvent,
  type ThirdOctaveLevel,
} from './events/describe-events';
export { detectEventSpans, type EventSpan } from './events/detect-event-spans';
export { type EventDetectionOptions, eventDetectionOptionsSchema } from './events/event-detection-options';
export {
  assessLowFrequency,
  type LowFrequencyAssessment,
  lowFrequencyCMinusADecibels,
  lowFrequencyReferenceLevels,
} from './events/low-frequency';
export { type DiaryEntry, type DiaryMatch, diaryEntrySchema, matchDiary } from './events/match-diary';
// Filters
export {
  cascadeGain,
  cascadeGainDecibels,
  filterCascade,
  type SecondOrderSection,
  scaleCascade,
} from './filters/biquad';
export { designButterworthBandPass, designButterworthLowPass } from './filters/butterworth';
export { designMatchedLowPass } from './filters/matched-low-pass';
// Levels
export {
  type AnalyzeLevelsOptions,
  analyzeLevels,
  analyzeLevelsOptionsSchema,
  type LevelAnalysis,
} from './levels/analyze-levels';
export {
  energyMeanLevel,
  formatLevel,
  levelFromMeanSquare,
  meanSquareFromLevel,
  referencePressure,
  referencePressureSquared,
} from './levels/decibels';
export {
  exceededLevel,
  exceededLevelSorted,
  type PercentileLevels,
  percentileLevels,
} from './levels/percentile-levels';
export {
  exponentialTimeWeighting,
  type TimeWeighting,
  timeConstants,
  timeWeightingFactor,
} from './levels/time-weighting';
// Report
export {
  buildNoiseReport,
  type NoiseReportOptions,
  noiseReportOptionsSchema,
} from './report/build-noise-report';
export type { NoiseReport, NoiseReportData, ReportEvent } from './report/noise-report-data';
export { type ChartLimit, type ChartMarker, spectrumChart, timeHistoryChart } from './report/svg-charts';
// Standards and time bands
export {
  type AreaType,
  areaTypeSchema,
  compareWithEnvironmentalStandard,
  environmentalStandardLimits,
  type StandardComparison,
} from './standards/environmental-standard';
export { bandFilterClass1Limits, breakpointRatio, weightingClass1Limits } from './standards/iec-limits';
export {
  compareWithRegulationLimits,
  noiseRegulationLimitRanges,
  type RegulationComparison,
  type RegulationLimits,
  regulationLimitsSchema,
} from './standards/noise-regulation';
// Test signals and synthetic recordings
export {
  type SynthesizedSound,
  type SynthesizeRecordingOptions,
  synthesizeRecording,
} from './testing/synthesize-recording';
export {
  pinkNoise,
  seededNormal,
  seededRandom,
  sineWave,
  type TestSignalOptions,
  whiteNoise,
} from './testing/test-signals';
export {
  analyzeTimeBands,
  type BandOccurrence,
  type HourlyLevel,
  noiseRegulationBands,
  type TimeBandAnalysis,
  type TimeBandInput,
} from './time/time-bands';
// WAV files
export {
  decodeWavFrames,
  type ReadWavOptions,
  readWav,
  readWavHeader,
  readWavOptionsSchema,
  type WavHeader,
  type WavRecording,
} from './wav/read-wav';
export { writeWav } from './wav/write-wav';
// Weighting
export {
  designFrequencyWeighting,
  type FrequencyWeighting,
  weightingDecibels,
  weightingPoleFrequencies,
} from './weighting/frequency-weighting';
