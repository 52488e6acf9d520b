import { defaultTimeZone, instantSchema, timeZoneSchema } from '@kizuna/core';
import * as z from 'zod';
import { eventDetectionOptionsSchema } from '../events/event-detection-options';

/**
 * How samples in full-scale units (±1.0) map to sound pressure: either the pressure that a sample of
 * 1.0 stands for, or the microphone sensitivity and the voltage that reaches full scale. Use
 * {@link calibrateFromRecording} to get `pascalsPerFullScale` from a calibrator recording.
 */
export const calibrationSchema = z.union([
  z.object({
    /** Sound pressure in Pa represented by a sample value of 1.0. */
    pascalsPerFullScale: z.number().positive(),
  }),
  z.object({
    /** Microphone sensitivity, mV/Pa (a typical measurement microphone: 50 mV/Pa). */
    sensitivityMillivoltsPerPascal: z.number().positive(),
    /** The input voltage (peak) that gives a sample of 1.0, V. */
    fullScaleVolts: z.number().positive(),
  }),
]);

/** A calibration: see {@link calibrationSchema}. */
export type Calibration = z.infer<typeof calibrationSchema>;

/** The sound pressure in Pa that a full-scale sample stands for under `calibration`. */
export function pascalsPerFullScaleOf(calibration: Calibration): number {
  return 'pascalsPerFullScale' in calibration
    ? calibration.pascalsPerFullScale
    : calibration.fullScaleVolts / (calibration.sensitivityMillivoltsPerPascal / 1000);
}

/** Options of `analyzeSignal` and `createAnalyzer`. */
export const analyzeSignalOptionsSchema = z
  .object({
    /** Sample rate, Hz: an integer from 8000 to 384000. */
    sampleRate: z
      .number()
      .int({ error: 'expected an integer sample rate in Hz' })
      .min(8000, { error: 'expected a sample rate of at least 8000 Hz' })
      .max(384_000, { error: 'expected a sample rate of at most 384000 Hz' }),
    /** What a sample value means: sound pressure in pascals, or full-scale units (±1.0) that need a calibration. */
    unit: z.enum(['pascal', 'full-scale']),
    /** Required when `unit` is 'full-scale'; with 'pascal' it only tells where clipping starts. */
    calibration: calibrationSchema.optional(),
    /** When the first sample was recorded (ISO-8601 UTC); without it there are no time bands. */
    startTime: instantSchema.optional(),
    /** The IANA time zone of the place measured. @defaultValue 'Asia/Tokyo' */
    timeZone: timeZoneSchema.default(defaultTimeZone),
    /** Nominal centre of the lowest 1/3-octave band, Hz. @defaultValue 20 */
    lowestBandHz: z.number().min(10).max(20_000).default(20),
    /** Nominal centre of the highest 1/3-octave band, Hz. @defaultValue 20000 */
    highestBandHz: z.number().min(10).max(40_000).default(20_000),
    /** |sample| in full-scale units from which a sample counts as clipped. @defaultValue 0.999 */
    clipThreshold: z.number().positive().max(1).default(0.999),
    /** How noise events are found. @defaultValue {} */
    events: eventDetectionOptionsSchema.default(eventDetectionOptionsSchema.parse({})),
  })
  .refine((options) => options.unit === 'pascal' || options.calibration !== undefined, {
    error: "a calibration is required when unit is 'full-scale'",
    path: ['calibration'],
  })
  .refine((options) => options.lowestBandHz <= options.highestBandHz, {
    error: 'expected lowestBandHz ≤ highestBandHz',
    path: ['lowestBandHz'],
  });

/** Options of `analyzeSignal`, before defaults. */
export type AnalyzeSignalOptions = z.input<typeof analyzeSignalOptionsSchema>;

/** Options of `analyzeSignal` after parsing. */
export type ParsedAnalyzeSignalOptions = z.output<typeof analyzeSignalOptionsSchema>;
