import { cascadeGain, type SecondOrderSection } from '../filters/biquad';
import { designButterworthBandPass, designButterworthLowPass } from '../filters/butterworth';
import { type ThirdOctaveBand, thirdOctaveBands } from './third-octave-bands';

/** The order of the Butterworth low-pass prototype of each band (6 poles per band-pass filter). */
export const bandFilterOrder = 3;

/** The order of the anti-alias low-pass that runs before each decimation by 2. */
export const antiAliasOrder = 6;

/** A band is filtered at the lowest rate r = fs/2^k at which its upper edge is at most r · this. */
const upperEdgeRatio = 0.25;

/** The anti-alias cut-off as a fraction of the rate it runs at (pass ≤ 0.125·r, stop ≥ 0.375·r). */
const antiAliasCutoffRatio = 0.17;

/** One band of the bank: the band and its filter at the rate of its stage. */
export interface BankBand {
  readonly band: ThirdOctaveBand;
  /** The band-pass sections ({@link bandFilterOrder} of them, zeros at z = ±1). */
  readonly sections: readonly SecondOrderSection[];
}

/** One stage of the multirate bank: a sample rate, the bands filtered at it and the anti-alias filter. */
export interface BankStage {
  /** The rate of this stage, Hz: the input rate divided by 2^stage. */
  readonly sampleRate: number;
  /** 2^stage: how many input samples one sample of this stage stands for. */
  readonly decimation: number;
  readonly bands: readonly BankBand[];
  /** The low-pass applied before decimating to the next stage; empty on the last stage. */
  readonly antiAlias: readonly SecondOrderSection[];
}

/** A multirate 1/3-octave filter bank designed for one input sample rate. */
export interface ThirdOctaveBankDesign {
  readonly sampleRate: number;
  readonly stages: readonly BankStage[];
  /** The bands in the bank, low to high (the order of every band-level array). */
  readonly bands: readonly ThirdOctaveBand[];
  /** Bands asked for but left out because their upper edge is at or above the Nyquist frequency. */
  readonly omittedBands: readonly ThirdOctaveBand[];
}

/**
 * Designs the multirate 1/3-octave bank (IEC 61260-1:2014 base-10 bands, class 1 design): each band
 * is a 6-pole Butterworth band-pass (bilinear, both edges pre-warped) run at the lowest rate fs/2^k
 * at which its upper edge is at most a quarter of that rate, so each octave down costs half as much.
 * Between stages a 6th-order Butterworth low-pass at 0.17 of the stage rate
 * (≥ 73 dB of rejection where aliases could fall into a band) runs before keeping every second sample.
 *
 * @param sampleRate - input rate, Hz
 * @param lowestHz - nominal centre of the lowest band, Hz @defaultValue 20
 * @param highestHz - nominal centre of the highest band, Hz @defaultValue 20000
 * @example
 * ```ts
 * const bank = designThirdOctaveBank(48_000);
 * console.log(bank.bands.length, bank.stages.length, bank.stages.at(-1)?.sampleRate); // 31 10 93.75 (48 kHz halved 9 times)
 * ```
 */
export function designThirdOctaveBank(
  sampleRate: number,
  lowestHz = 20,
  highestHz = 20_000,
): ThirdOctaveBankDesign {
  const requested = thirdOctaveBands(lowestHz, highestHz);
  const nyquist = sampleRate / 2;
  const bands = requested.filter((band) => band.upperHz < nyquist * 0.999);
  const omittedBands = requested.filter((band) => band.upperHz >= nyquist * 0.999);
  const stageOf = (band: ThirdOctaveBand): number => {
    let stage = 0;
    while (band.upperHz <= (upperEdgeRatio * sampleRate) / 2 ** (stage + 1)) stage += 1;
    return stage;
  };
  const lastStage = bands.reduce((deepest, band) => Math.max(deepest, stageOf(band)), 0);
  const stages: BankStage[] = [];
  for (let stage = 0; stage <= lastStage; stage += 1) {
    const stageRate = sampleRate / 2 ** stage;
    stages.push({
      sampleRate: stageRate,
      decimation: 2 ** stage,
      bands: bands
        .filter((band) => stageOf(band) === stage)
        .map((band) => ({
          band,
          sections: designButterworthBandPass(bandFilterOrder, band.lowerHz, band.upperHz, stageRate),
        })),
      antiAlias:
        stage === lastStage
          ? []
          : designButterworthLowPass(antiAliasOrder, antiAliasCutoffRatio * stageRate, stageRate),
    });
  }
  return { sampleRate, stages, bands, omittedBands };
}

/** Where a sinusoid at `frequencyHz` appears after sampling at `sampleRate` (folded into 0 … fs/2). */
function fold(frequencyHz: number, sampleRate: number): number {
  const wrapped = frequencyHz % sampleRate;
  return wrapped > sampleRate / 2 ? sampleRate - wrapped : wrapped;
}

/**
 * The steady-state gain (linear) from an input sinusoid at `frequencyHz` to the output of band
 * `bandIndex` of the bank (an index into `design.bands`), including every anti-alias filter on the
 * way and the frequency the sinusoid folds to after each decimation. This is the exact response a
 * sine test would measure, which the IEC 61260-1 mask is checked against.
 */
export function bankBandGain(design: ThirdOctaveBankDesign, bandIndex: number, frequencyHz: number): number {
  const target = design.bands[bandIndex];
  if (target === undefined) return 0;
  let frequency = frequencyHz;
  let gain = 1;
  for (const stage of design.stages) {
    frequency = fold(frequency, stage.sampleRate);
    const bankBand = stage.bands.find((candidate) => candidate.band.index === target.index);
    if (bankBand !== undefined) return gain * cascadeGain(bankBand.sections, frequency, stage.sampleRate);
    gain *= cascadeGain(stage.antiAlias, frequency, stage.sampleRate);
  }
  return 0;
}
