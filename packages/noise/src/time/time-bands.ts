import { type DayBand, environmentalStandardBands } from '@kizuna/core';
import { exceededLevel } from '../levels/percentile-levels';
import { createLocalClock, hourOfDay, localDateOf } from './local-clock';

/**
 * The time bands of 騒音規制法 (the Noise Regulation Act) as Tokyo sets them: morning 06–08, day
 * 08–19, evening 19–23, night 23–06. Prefectures choose their own; pass yours to
 * `analyzeTimeBands`.
 */
export const noiseRegulationBands: readonly DayBand[] = [
  { name: 'morning', startHour: 6, endHour: 8 },
  { name: 'day', startHour: 8, endHour: 19 },
  { name: 'evening', startHour: 19, endHour: 23 },
  { name: 'night', startHour: 23, endHour: 6 },
];

/** One stretch of a time band in a recording, e.g. the night of 2026-11-20 from 22:00 to 06:00. */
export interface BandOccurrence {
  /** The band's name: 'day' | 'night' for 環境基準, 'morning' … 'night' for 騒音規制法. */
  readonly band: string;
  /** The local date on which this stretch of the band started, `YYYY-MM-DD`. */
  readonly date: string;
  /** The first measured instant in it, ISO-8601 UTC. */
  readonly startTime: string;
  /** How much of it was measured, s. */
  readonly durationSeconds: number;
  /** LAeq over the measured part, dB. */
  readonly laeq: number;
  /** LA5 (the level exceeded 5 % of the time) over the measured part, dB: the value 騒音規制法 evaluates for fluctuating noise. */
  readonly la5: number;
  /** The highest level in it (LAFmax for a recording), dB. */
  readonly lmax: number;
}

/** LAeq of one local clock hour. */
export interface HourlyLevel {
  /** Local date and hour, `YYYY-MM-DDTHH` (wall clock of the time zone). */
  readonly localHour: string;
  readonly startTime: string;
  readonly durationSeconds: number;
  readonly laeq: number;
  readonly lmax: number;
}

/** Levels per time band and per hour. */
export interface TimeBandAnalysis {
  readonly timeZone: string;
  /** 環境基準 bands (day 06–22, night 22–06), each stretch separately. */
  readonly environmental: readonly BandOccurrence[];
  /** 騒音規制法 bands, each stretch separately. */
  readonly regulation: readonly BandOccurrence[];
  readonly hourly: readonly HourlyLevel[];
}

/** Input of {@link analyzeTimeBands}: an equally spaced level history. */
export interface TimeBandInput {
  /** LAeq of each interval, dB. */
  readonly laeq: ArrayLike<number>;
  /** Levels the percentiles are taken from (LAF samples for a recording); defaults to `laeq`. */
  readonly statisticLevels?: ArrayLike<number>;
  /** Maximum of each interval (LAFmax for a recording); defaults to `laeq`. */
  readonly maxima?: ArrayLike<number>;
  /** Duration of each interval, s (the last one may be shorter). */
  readonly durations?: ArrayLike<number>;
  readonly intervalSeconds: number;
  /** Instant of the start of the first interval, epoch ms. */
  readonly startMilliseconds: number;
  readonly timeZone: string;
  readonly regulationBands?: readonly DayBand[];
}

function bandOf(hour: number, bands: readonly DayBand[]): DayBand | undefined {
  return bands.find((band) =>
    band.startHour <= band.endHour
      ? hour >= band.startHour && hour < band.endHour
      : hour >= band.startHour || hour < band.endHour,
  );
}

interface Group {
  readonly key: string;
  readonly band: string;
  readonly date: string;
  readonly start: number;
  energy: number;
  duration: number;
  maximum: number;
  readonly statistic: number[];
}

function energyLevel(energy: number, duration: number): number {
  return duration > 0 ? 10 * Math.log10(energy / duration) : Number.NEGATIVE_INFINITY;
}

/**
 * Splits an equally spaced level history into the 環境基準 bands, the 騒音規制法 bands and clock
 * hours on the wall clock of `timeZone`, and gives the LAeq, LA5 and maximum of each stretch. An
 * interval belongs to the band that contains its start.
 *
 * @example
 * ```ts
 * // LAeq per minute from 21:00 to 23:00 in Tokyo (12:00–14:00 UTC): 50 dB, then 40 dB from 22:00.
 * const laeq = Array.from({ length: 120 }, (_, minute) => (minute < 60 ? 50 : 40));
 * const start = '2026-11-20T12:00:00Z';
 * const bands = analyzeTimeBands({ laeq, intervalSeconds: 60, startMilliseconds: Date.parse(start), timeZone: 'Asia/Tokyo' });
 * console.log(bands.environmental.map((stretch) => `${stretch.band} ${stretch.laeq} dB`)); // ['day 50 dB', 'night 40 dB']
 * console.log(bands.regulation[0]?.band, bands.regulation[0]?.la5); // evening 50
 * console.log(bands.hourly.map((hour) => hour.localHour)); // ['2026-11-20T21', '2026-11-20T22']
 * ```
 */
export function analyzeTimeBands(input: TimeBandInput): TimeBandAnalysis {
  const clock = createLocalClock(input.timeZone);
  const regulationBands = input.regulationBands ?? noiseRegulationBands;
  const groups = {
    environmental: new Map<string, Group>(),
    regulation: new Map<string, Group>(),
    hourly: new Map<string, Group>(),
  };
  const statisticLevels = input.statisticLevels ?? input.laeq;
  const maxima = input.maxima ?? input.laeq;
  const add = (
    map: Map<string, Group>,
    key: string,
    band: string,
    date: string,
    start: number,
    index: number,
    duration: number,
  ) => {
    let group = map.get(key);
    if (group === undefined) {
      group = {
        key,
        band,
        date,
        start,
        energy: 0,
        duration: 0,
        maximum: Number.NEGATIVE_INFINITY,
        statistic: [],
      };
      map.set(key, group);
    }
    group.energy += 10 ** (input.laeq[index]! / 10) * duration;
    group.duration += duration;
    if (maxima[index]! > group.maximum) group.maximum = maxima[index]!;
    if (index < statisticLevels.length) group.statistic.push(statisticLevels[index]!);
  };
  for (let index = 0; index < input.laeq.length; index += 1) {
    const start = input.startMilliseconds + index * input.intervalSeconds * 1000;
    const duration = input.durations?.[index] ?? input.intervalSeconds;
    const local = clock.localMilliseconds(start);
    const hour = hourOfDay(local);
    for (const [scheme, bands] of [
      ['environmental', environmentalStandardBands],
      ['regulation', regulationBands],
    ] as const) {
      const band = bandOf(hour, bands);
      if (band === undefined) continue;
      // A band that wraps midnight belongs to the date on which it started.
      const wrapsBack = band.startHour > band.endHour && hour < band.endHour;
      const date = localDateOf(local - (wrapsBack ? 86_400_000 : 0));
      add(groups[scheme], `${band.name}|${date}`, band.name, date, start, index, duration);
    }
    const localHour = new Date(local).toISOString().slice(0, 13);
    add(groups.hourly, localHour, localHour, localHour.slice(0, 10), start, index, duration);
  }
  const occurrences = (map: Map<string, Group>): BandOccurrence[] =>
    [...map.values()].map((group) => ({
      band: group.band,
      date: group.date,
      startTime: new Date(group.start).toISOString(),
      durationSeconds: group.duration,
      laeq: energyLevel(group.energy, group.duration),
      la5: exceededLevel(group.statistic, 5),
      lmax: group.maximum,
    }));
  return {
    timeZone: input.timeZone,
    environmental: occurrences(groups.environmental),
    regulation: occurrences(groups.regulation),
    hourly: [...groups.hourly.values()].map((group) => ({
      localHour: group.key,
      startTime: new Date(group.start).toISOString(),
      durationSeconds: group.duration,
      laeq: energyLevel(group.energy, group.duration),
      lmax: group.maximum,
    })),
  };
}
