import type { ThirdOctaveBand } from '../bands/third-octave-bands';
import { levelFromMeanSquare } from '../levels/decibels';
import { exceededLevel } from '../levels/percentile-levels';
import { createLocalClock, hourOfDay } from '../time/local-clock';
import { classifyEvent, type EventClassification, type EventFeatures } from './classify-event';
import type { EventSpan } from './detect-event-spans';
import { assessLowFrequency } from './low-frequency';

/** The level of one 1/3-octave band, dB re 20 µPa (Z-weighted Leq). */
export interface ThirdOctaveLevel {
  /** Exact mid-band frequency, Hz. */
  readonly centerHz: number;
  /** Nominal label, Hz. */
  readonly nominalHz: number;
  readonly leq: number;
}

/** A noise event: a stretch where the level stood out above the background. */
export interface NoiseEvent {
  /** `E1`, `E2`, … in time order. */
  readonly id: string;
  /** Seconds from the start of the recording or series. */
  readonly startOffsetSeconds: number;
  /** ISO-8601 UTC start, or null when the recording has no start time. */
  readonly startTime: string | null;
  readonly durationSeconds: number;
  /** LAeq over the event, dB. */
  readonly laeq: number;
  /** LAFmax for a recording, the highest series value for a level series, dB. */
  readonly lmax: number;
  /** Sound exposure level LAE of the event, dB re (20 µPa)²·s. */
  readonly sel: number;
  /** The event's band spectrum, or null for a level series without bands. */
  readonly thirdOctave: readonly ThirdOctaveLevel[] | null;
  /** LCeq − LAeq over the event, dB, or null when C levels are unknown. */
  readonly cMinusA: number | null;
  /** True when it started in the 環境基準 night (22–06 local), null without a start time. */
  readonly night: boolean | null;
  readonly lowFrequency: boolean;
  readonly lowFrequencyReasons: readonly string[];
  readonly features: EventFeatures;
  readonly classification: EventClassification;
}

/** The history an event is described from. */
export interface EventContext {
  /** LAeq per point, dB. */
  readonly laeq: ArrayLike<number>;
  /** Maximum per point (LAFmax), dB; defaults to `laeq`. */
  readonly maxima?: ArrayLike<number>;
  /** LCeq per point, dB. */
  readonly lceq?: ArrayLike<number>;
  /** Band mean-squares per point, Pa², point-major, in the order of `bands`. */
  readonly bandMeanSquares?: ArrayLike<number>;
  readonly bands?: readonly ThirdOctaveBand[];
  /** Duration of each point, s; defaults to `intervalSeconds`. */
  readonly durations?: ArrayLike<number>;
  readonly intervalSeconds: number;
  readonly startMilliseconds: number | null;
  readonly timeZone: string;
  /** The background level events rise from (L90), dB. */
  readonly background: number;
}

function standardDeviation(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const average = values.reduce((sum, value) => sum + value, 0) / values.length;
  return Math.sqrt(values.reduce((sum, value) => sum + (value - average) ** 2, 0) / values.length);
}

/** Share of the levels within 3 dB of the level exceeded 10 % of the time (robust to one loud beat). */
function plateauShare(levels: readonly number[]): number {
  if (levels.length === 0) return 0;
  const top = exceededLevel(levels, 10);
  return levels.filter((level) => level >= top - 3).length / levels.length;
}

function countImpulses(levels: readonly number[], background: number): number {
  let count = 0;
  let armed = true;
  let dip = Number.isFinite(background) ? background : (levels[0] ?? 0);
  let peak = Number.NEGATIVE_INFINITY;
  for (const level of levels) {
    if (armed) {
      if (level >= dip + 6) {
        count += 1;
        armed = false;
        peak = level;
      } else if (level < dip) dip = level;
    } else if (level > peak) peak = level;
    else if (level <= peak - 6) {
      armed = true;
      dip = level;
    }
  }
  return count;
}

/**
 * Describes each span of a level history as a {@link NoiseEvent}: level, LAFmax, SEL, spectrum,
 * night and low-frequency flags, features and class.
 */
export function describeEvents(spans: readonly EventSpan[], context: EventContext): readonly NoiseEvent[] {
  const clock = createLocalClock(context.timeZone);
  const bands = context.bands ?? [];
  const maxima = context.maxima ?? context.laeq;
  return spans.map((span, eventNumber) => {
    let energy = 0;
    let energyC = 0;
    let duration = 0;
    let lmax = Number.NEGATIVE_INFINITY;
    let loudestIndex = span.startIndex;
    const levels: number[] = [];
    const bandEnergy = new Float64Array(bands.length);
    for (let index = span.startIndex; index < span.endIndex; index += 1) {
      const pointDuration = context.durations?.[index] ?? context.intervalSeconds;
      const level = context.laeq[index]!;
      energy += 10 ** (level / 10) * pointDuration;
      if (context.lceq !== undefined) energyC += 10 ** (context.lceq[index]! / 10) * pointDuration;
      duration += pointDuration;
      levels.push(level);
      if (maxima[index]! > lmax) {
        lmax = maxima[index]!;
        loudestIndex = index;
      }
      if (context.bandMeanSquares !== undefined) {
        for (let band = 0; band < bands.length; band += 1) {
          bandEnergy[band] =
            bandEnergy[band]! + context.bandMeanSquares[index * bands.length + band]! * pointDuration;
        }
      }
    }
    const laeq = 10 * Math.log10(energy / duration);
    const thirdOctave =
      context.bandMeanSquares === undefined
        ? null
        : bands.map((band, bandIndex) => ({
            centerHz: band.centerHz,
            nominalHz: band.nominalHz,
            leq: levelFromMeanSquare(bandEnergy[bandIndex]! / duration),
          }));
    const totalBandEnergy = bandEnergy.reduce((sum, value) => sum + value, 0);
    const shareOf = (low: number, high: number) =>
      totalBandEnergy > 0
        ? bands.reduce(
            (sum, band, index) =>
              band.nominalHz >= low && band.nominalHz <= high ? sum + bandEnergy[index]! : sum,
            0,
          ) / totalBandEnergy
        : null;
    let centroidHz: number | null = null;
    let tonalProminenceDecibels: number | null = null;
    if (thirdOctave !== null && totalBandEnergy > 0) {
      const logSum = bands.reduce(
        (sum, band, index) => sum + bandEnergy[index]! * Math.log(band.centerHz),
        0,
      );
      centroidHz = Math.exp(logSum / totalBandEnergy);
      tonalProminenceDecibels = 0;
      for (let index = 1; index < thirdOctave.length - 1; index += 1) {
        const prominence =
          thirdOctave[index]!.leq - (thirdOctave[index - 1]!.leq + thirdOctave[index + 1]!.leq) / 2;
        if (Number.isFinite(prominence) && prominence > tonalProminenceDecibels)
          tonalProminenceDecibels = prominence;
      }
    }
    const finiteLevels = levels.filter(Number.isFinite);
    const features: EventFeatures = {
      durationSeconds: duration,
      crestDecibels: lmax - laeq,
      fluctuationDecibels: standardDeviation(finiteLevels),
      riseShare: (loudestIndex - span.startIndex + 0.5) / (span.endIndex - span.startIndex),
      plateauShare: plateauShare(finiteLevels),
      impulsesPerSecond: countImpulses(finiteLevels, context.background) / duration,
      centroidHz,
      lowFrequencyShare: thirdOctave === null ? null : shareOf(0, 160),
      speechBandShare: thirdOctave === null ? null : shareOf(250, 4000),
      tonalProminenceDecibels,
    };
    const cMinusA = context.lceq === undefined ? null : 10 * Math.log10(energyC / duration) - laeq;
    const lowFrequency = assessLowFrequency(thirdOctave ?? [], cMinusA);
    const startOffsetSeconds = span.startIndex * context.intervalSeconds;
    const startMilliseconds =
      context.startMilliseconds === null ? null : context.startMilliseconds + startOffsetSeconds * 1000;
    const localHour =
      startMilliseconds === null ? null : hourOfDay(clock.localMilliseconds(startMilliseconds));
    return {
      id: `E${eventNumber + 1}`,
      startOffsetSeconds,
      startTime: startMilliseconds === null ? null : new Date(startMilliseconds).toISOString(),
      durationSeconds: duration,
      laeq,
      lmax,
      sel: laeq + 10 * Math.log10(duration),
      thirdOctave,
      cMinusA,
      night: localHour === null ? null : localHour >= 22 || localHour < 6,
      lowFrequency: lowFrequency.lowFrequency,
      lowFrequencyReasons: lowFrequency.reasons,
      features,
      classification: classifyEvent(features),
    };
  });
}
