import { parseInput } from '@kizuna/core';
import * as z from 'zod';
import type { SignalAnalysis } from '../analysis/signal-analysis';
import { diaryEntrySchema, matchDiary } from '../events/match-diary';
import type { LevelAnalysis } from '../levels/analyze-levels';
import { formatLevel } from '../levels/decibels';
import {
  areaTypeSchema,
  compareWithEnvironmentalStandard,
  environmentalStandardLimits,
} from '../standards/environmental-standard';
import { compareWithRegulationLimits, regulationLimitsSchema } from '../standards/noise-regulation';
import { formatLocalTime } from './format-time';
import type { NoiseReport, NoiseReportData, ReportEvent } from './noise-report-data';
import { renderHtml, renderMarkdown } from './render-report';
import { spectrumChart, timeHistoryChart } from './svg-charts';

/** Options of {@link buildNoiseReport}. */
export const noiseReportOptionsSchema = z.object({
  /** The 環境基準 area type the place belongs to. */
  areaType: areaTypeSchema,
  /** The customer's own diary of noises, matched to events by time. @defaultValue [] */
  diary: z.array(diaryEntrySchema).default([]),
  /** How far apart a diary entry and an event may be and still match, s. @defaultValue 300 */
  diaryToleranceSeconds: z.number().min(0).max(86_400).default(300),
  /** The report's title. @defaultValue 'Noise measurement report' */
  title: z.string().min(1).max(200).default('Noise measurement report'),
  /** Where the measurement was made (room, address). */
  location: z.string().max(500).optional(),
  /** The site's 騒音規制法 limits per band (LA5), when the noise comes from a regulated factory or workplace. */
  regulationLimits: regulationLimitsSchema.optional(),
});

/** Options of {@link buildNoiseReport} before defaults. */
export type NoiseReportOptions = z.input<typeof noiseReportOptionsSchema>;

const kindLabels: Record<string, string> = {
  footsteps: 'footsteps / impact',
  voices: 'voices',
  'music-tv': 'music / TV',
  'equipment-hum': 'equipment hum',
  traffic: 'traffic',
  unknown: 'unclassified',
};

/**
 * Builds the measurement report of an analysed recording or level series for mediation between
 * neighbours: what was measured and how, the overall levels, the comparison with 環境基準 for the
 * area type (met, or exceeded by how many dB, per day and night stretch), 騒音規制法 bands with LA5,
 * levels per hour, the events with their kind, night and low-frequency flags, the customer's diary
 * matched to them, the spectrum, and the limits of the measurement. Returned as data, Markdown and a
 * standalone HTML page with an SVG time-history chart and a spectrum chart.
 *
 * @throws KizunaValidationError when the options are invalid (unknown area type, malformed diary entry)
 * @example
 * ```ts
 * import { readFile, writeFile } from 'node:fs/promises';
 *
 * const recording = readWav(await readFile('night.wav'));
 * const analysis = analyzeSignal(recording.samples, {
 *   sampleRate: recording.sampleRate,
 *   unit: 'full-scale',
 *   calibration: { pascalsPerFullScale: 5.02 },
 *   startTime: '2026-11-20T14:04:30Z',
 * });
 * const report = buildNoiseReport(analysis, {
 *   areaType: 'A',
 *   diary: [{ time: '2026-11-20T14:05:00Z', note: 'running upstairs' }],
 * });
 * await writeFile('report.html', report.html);
 * console.log(report.data.findings.at(-1)); // '1 of 1 diary entries coincide with a measured event.'
 * ```
 */
export function buildNoiseReport(
  analysis: SignalAnalysis | LevelAnalysis,
  options: NoiseReportOptions,
): NoiseReport {
  const parsed = parseInput(noiseReportOptionsSchema, options, 'noise report options');
  const limits = environmentalStandardLimits[parsed.areaType];
  const { timeZone } = analysis;
  const isRecording = analysis.kind === 'signal';
  const startTime = analysis.startTime;
  const endTime =
    startTime === null
      ? null
      : new Date(Date.parse(startTime) + analysis.durationSeconds * 1000).toISOString();
  const diary = matchDiary(analysis.events, parsed.diary, parsed.diaryToleranceSeconds);
  const events: ReportEvent[] = analysis.events.map((event) => ({
    id: event.id,
    start:
      event.startTime === null
        ? `+${event.startOffsetSeconds.toFixed(1)} s`
        : formatLocalTime(event.startTime, timeZone),
    startOffsetSeconds: event.startOffsetSeconds,
    durationSeconds: event.durationSeconds,
    laeq: event.laeq,
    lmax: event.lmax,
    sel: event.sel,
    kind: event.classification.kind,
    confidence: event.classification.confidence,
    night: event.night,
    lowFrequency: event.lowFrequency,
    lowFrequencyReasons: event.lowFrequencyReasons,
    // A note goes to the event nearest to it; the diary table lists the other candidates.
    diaryNotes: diary.filter((match) => match.eventIds[0] === event.id).map((match) => match.entry.note),
  }));
  const standard =
    analysis.timeBands === null
      ? []
      : compareWithEnvironmentalStandard(analysis.timeBands.environmental, parsed.areaType);
  const regulationComparisons =
    analysis.timeBands === null || parsed.regulationLimits === undefined
      ? []
      : compareWithRegulationLimits(analysis.timeBands.regulation, parsed.regulationLimits);
  const findings: string[] = [];
  for (const comparison of standard) {
    const coverage = `${Math.round(comparison.coverage * 100)} % of the band measured`;
    findings.push(
      comparison.met
        ? `The ${comparison.band} of ${comparison.date}: LAeq ${formatLevel(comparison.laeq)} dB meets the ${parsed.areaType} limit of ${comparison.limit} dB (${coverage}).`
        : `The ${comparison.band} of ${comparison.date}: LAeq ${formatLevel(comparison.laeq)} dB exceeds the ${parsed.areaType} limit of ${comparison.limit} dB by ${comparison.exceedanceDecibels.toFixed(1)} dB (${coverage}).`,
    );
  }
  for (const comparison of regulationComparisons.filter((candidate) => !candidate.met)) {
    findings.push(
      `The ${comparison.band} band of ${comparison.date}: LA5 ${formatLevel(comparison.la5)} dB exceeds the Noise Regulation Act limit of ${comparison.limit} dB by ${comparison.exceedanceDecibels.toFixed(1)} dB.`,
    );
  }
  if (events.length > 0) {
    const night = events.filter((event) => event.night === true).length;
    const lowFrequency = events.filter((event) => event.lowFrequency).length;
    const kinds = new Map<string, number>();
    for (const event of events) kinds.set(event.kind, (kinds.get(event.kind) ?? 0) + 1);
    findings.push(
      `${events.length} noise event(s) above ${formatLevel(analysis.eventThreshold.threshold)} dB (background LA90 ${formatLevel(analysis.eventThreshold.background)} dB): ${[...kinds.entries()].map(([kind, count]) => `${count} ${kindLabels[kind] ?? kind}`).join(', ')}; ${night} at night (22:00–06:00); ${lowFrequency} with low-frequency content.`,
    );
    const loudest = [...events].sort((left, right) => right.lmax - left.lmax)[0]!;
    findings.push(
      `The loudest event, ${loudest.id} at ${loudest.start}, reached ${formatLevel(loudest.lmax)} dB (${isRecording ? 'LAFmax' : 'Lmax'}).`,
    );
  }
  const matchedEntries = diary.filter((match) => match.eventIds.length > 0).length;
  if (diary.length > 0)
    findings.push(`${matchedEntries} of ${diary.length} diary entries coincide with a measured event.`);
  const limitations = [
    'The levels describe the sound at the microphone position only, for the period measured.',
    'The 環境基準 limits are meant for whole day (06–22) and night (22–06) periods and, except for the indoor values, for outdoor noise; a partly measured band is shown with its coverage and is indicative only.',
    'Event kinds are estimated automatically from spectral and temporal features; confirm them by listening before relying on them.',
    'The low-frequency flag screens against the Ministry of the Environment reference values (2004) and LCeq − LAeq ≥ 15 dB; it is a prompt for a closer look, not an assessment.',
    isRecording
      ? 'Frequency weighting and filters follow IEC 61672-1 and IEC 61260-1 class 1 design goals, but the microphone and recorder are not part of this software: their response, noise floor and calibration decide the accuracy of the whole chain. This is not a verification under 計量法.'
      : 'The statistics come from the level series exported by the meter; their accuracy is that of the meter, and percentile levels depend on the series interval.',
  ];
  const data: NoiseReportData = {
    title: parsed.title,
    location: parsed.location ?? null,
    areaType: parsed.areaType,
    limits,
    measurement: {
      source: isRecording ? 'recording' : 'level series',
      start: startTime === null ? null : formatLocalTime(startTime, timeZone),
      end: endTime === null ? null : formatLocalTime(endTime, timeZone),
      durationSeconds: analysis.durationSeconds,
      timeZone,
      sampleRate: isRecording ? analysis.sampleRate : null,
      calibration: isRecording
        ? analysis.pascalsPerFullScale === null
          ? 'samples supplied in pascals'
          : `${analysis.pascalsPerFullScale.toPrecision(4)} Pa per full-scale unit`
        : 'as calibrated by the meter',
      method: isRecording
        ? [
            `Digital analysis of the recording at ${analysis.sampleRate} Hz by Kizuna.`,
            'A and C frequency weighting per IEC 61672-1 (Annex E poles), Fast (0.125 s) and Slow (1 s) exponential time weighting.',
            'Percentile levels LN from the A-weighted Fast level sampled every 0.1 s; SEL (LAE) from the A-weighted energy.',
            '1/3-octave bands per IEC 61260-1 (base-10 centres), multirate Butterworth filter bank.',
            'Events: stretches where the 0.1 s LAeq exceeds the background LA90 plus a margin.',
          ]
        : [
            `Statistics of a level series with one value every ${analysis.intervalSeconds} s.`,
            'Events: stretches where the series exceeds the background LA90 plus a margin.',
          ],
    },
    summary: {
      laeq: analysis.laeq,
      lceq: isRecording ? analysis.lceq : null,
      lzeq: isRecording ? analysis.lzeq : null,
      lmax: isRecording ? analysis.lafmax : analysis.lmax,
      lmin: isRecording ? analysis.lafmin : analysis.lmin,
      percentiles: analysis.percentiles,
      sel: analysis.sel,
    },
    standard,
    regulation: analysis.timeBands?.regulation ?? [],
    regulationComparisons,
    hourly: analysis.timeBands?.hourly ?? [],
    events,
    diary,
    thirdOctave: isRecording ? analysis.thirdOctave : null,
    findings,
    limitations,
    warnings: analysis.warnings,
  };
  const history = isRecording ? analysis.history.laeq : analysis.levels;
  const intervalSeconds = isRecording ? analysis.history.intervalSeconds : analysis.intervalSeconds;
  const charts = {
    history: timeHistoryChart(history, intervalSeconds, {
      title: 'LAeq time history',
      limits: [
        { label: `day limit ${limits.day} dB`, level: limits.day },
        { label: `night limit ${limits.night} dB`, level: limits.night },
      ],
      markers: analysis.events.map((event) => ({
        label: event.id,
        startSeconds: event.startOffsetSeconds,
        durationSeconds: event.durationSeconds,
      })),
    }),
    spectrum: isRecording ? spectrumChart(analysis.thirdOctave, { title: '1/3-octave spectrum' }) : null,
  };
  return { data, markdown: renderMarkdown(data), html: renderHtml(data, charts) };
}
