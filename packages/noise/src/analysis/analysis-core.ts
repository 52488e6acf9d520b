import { designThirdOctaveBank, type ThirdOctaveBankDesign } from '../bands/third-octave-bank';
import type { SecondOrderSection } from '../filters/biquad';
import { timeConstants, timeWeightingFactor } from '../levels/time-weighting';
import { designFrequencyWeighting } from '../weighting/frequency-weighting';
import { createGrowableSeries } from './growable-series';

/** How often the analysis keeps a point of its level history, seconds. */
export const historyIntervalSeconds = 0.1;

/** What the single pass needs to know; all values already validated. */
export interface AnalysisCoreConfig {
  readonly sampleRate: number;
  /** Multiplies every input sample to give pascals. */
  readonly pascalsPerUnit: number;
  /** |sample| (input units) at or above which a sample counts as clipped; Infinity for none. */
  readonly clipThreshold: number;
  readonly lowestBandHz: number;
  readonly highestBandHz: number;
}

/** The raw sums and histories of one pass, turned into levels by the analyzer. */
export interface AnalysisCoreTotals {
  readonly sampleCount: number;
  /** Σ p² over all samples for A, C and Z weighting, Pa². */
  readonly sumA: number;
  readonly sumC: number;
  readonly sumZ: number;
  /** Σ p over all samples, Pa: the DC offset times the sample count. */
  readonly sumSamples: number;
  /** Σ p² per band, in input-rate samples, Pa² (same order as `bank.bands`). */
  readonly bandSums: Float64Array;
  /** Largest and smallest Fast A mean-square (the smallest after the detector settles), Pa². */
  readonly fastMaximum: number;
  readonly fastMinimum: number;
  readonly slowMaximum: number;
  readonly clippedSamples: number;
  readonly firstClippedSample: number;
  /** Per history point: mean-square A, C, Z (Pa²), Fast A at the end and the Fast maximum in it. */
  readonly historyA: Float32Array;
  readonly historyC: Float32Array;
  readonly historyZ: Float32Array;
  readonly historyFast: Float32Array;
  readonly historyFastMaximum: Float32Array;
  /** Per history point and band (point-major): band mean-square, Pa². */
  readonly historyBands: Float32Array;
  /** Samples in each history point (the last one may be short). */
  readonly historySampleCounts: Float32Array;
  /** Index of the first history point whose Fast value has settled (5 τ after the start). */
  readonly firstSettledPoint: number;
  readonly bank: ThirdOctaveBankDesign;
}

/** The single-pass engine behind both `analyzeSignal` and `createAnalyzer`. */
export interface AnalysisCore {
  /** Feeds samples (input units); the result does not depend on how the input is split. */
  push(samples: ArrayLike<number>): void;
  finish(): AnalysisCoreTotals;
}

function flatten(sections: readonly SecondOrderSection[]): Float64Array {
  const coefficients = new Float64Array(sections.length * 5);
  sections.forEach((section, index) => {
    coefficients.set([section.b0, section.b1, section.b2, section.a1, section.a2], index * 5);
  });
  return coefficients;
}

/** Pads or trims a cascade to exactly `count` sections (extra sections pass the signal through). */
function exactly(sections: readonly SecondOrderSection[], count: number): SecondOrderSection[] {
  const padded = sections.slice(0, count);
  while (padded.length < count) padded.push({ b0: 1, b1: 0, b2: 0, a1: 0, a2: 0 });
  return padded;
}

interface StageState {
  readonly decimation: number;
  /** Per band: a1, a2 of its 3 band-pass sections, each run as b = [1, 0, −1]. */
  readonly bandCoefficients: Float64Array;
  /** Per band: decimation × (product of the sections' b0)², applied to the summed squares. */
  readonly energyScales: Float64Array;
  readonly bandStates: Float64Array;
  /** Index of each band of this stage in the bank's band list. */
  readonly bandIndexes: Int32Array;
  readonly antiAlias: Float64Array;
  readonly antiAliasState: Float64Array;
  /** Input of this stage for the current block. */
  readonly buffer: Float64Array;
  /** 0 or 1: which anti-alias output sample the next decimated sample is. */
  phase: number;
}

/**
 * Creates the fused single-pass engine: one loop applies A and C weighting, Fast and Slow time
 * weighting, the energy sums and the clip check; then each stage of the multirate 1/3-octave bank
 * filters its bands and decimates for the next. Memory is bounded by one history interval of
 * samples plus the history itself (about 150 bytes per 0.1 s).
 */
export function createAnalysisCore(config: AnalysisCoreConfig): AnalysisCore {
  const { sampleRate, pascalsPerUnit } = config;
  const weightingA = flatten(exactly(designFrequencyWeighting('A', sampleRate), 3));
  const weightingC = flatten(exactly(designFrequencyWeighting('C', sampleRate), 2));
  const stateA = new Float64Array(6);
  const stateC = new Float64Array(2);
  const cToA = weightingC[0]! / weightingA[0]!;
  const fastFactor = timeWeightingFactor('fast', sampleRate);
  const slowFactor = timeWeightingFactor('slow', sampleRate);
  const fastKeep = 1 - fastFactor;
  const slowKeep = 1 - slowFactor;
  const settleSamples = Math.ceil(5 * timeConstants.fast * sampleRate);
  const clipLevel = config.clipThreshold * pascalsPerUnit;
  const bank = designThirdOctaveBank(sampleRate, config.lowestBandHz, config.highestBandHz);
  const bandCount = bank.bands.length;
  const maximumBlock = Math.ceil(sampleRate * historyIntervalSeconds) + 1;
  const stages: StageState[] = bank.stages.map((stage) => {
    const bandCoefficients = new Float64Array(stage.bands.length * 6);
    const energyScales = new Float64Array(stage.bands.length);
    stage.bands.forEach((bankBand, bandNumber) => {
      let gain = 1;
      bankBand.sections.forEach((section, sectionNumber) => {
        gain *= section.b0;
        bandCoefficients.set([section.a1, section.a2], bandNumber * 6 + sectionNumber * 2);
      });
      // The loops run each section with b = [1, 0, −1]; the product of the b0 gains goes on the energy.
      energyScales[bandNumber] = gain * gain * stage.decimation;
    });
    return {
      decimation: stage.decimation,
      bandCoefficients,
      energyScales,
      bandStates: new Float64Array(stage.bands.length * 6),
      bandIndexes: Int32Array.from(stage.bands.map((bankBand) => bank.bands.indexOf(bankBand.band))),
      antiAlias: flatten(exactly(stage.antiAlias, 3)),
      antiAliasState: new Float64Array(6),
      buffer: new Float64Array(Math.ceil(maximumBlock / stage.decimation) + 2),
      phase: 0,
    };
  });

  // Running state: carried across blocks so that any split of the input gives identical sums.
  let fast = 0;
  let slow = 0;
  let fastMaximum = 0;
  let fastMinimum = Number.POSITIVE_INFINITY;
  let slowMaximum = 0;
  let sampleCount = 0;
  let clippedSamples = 0;
  let firstClippedSample = -1;
  let pointA = 0;
  let pointC = 0;
  let pointZ = 0;
  let pointFastMaximum = 0;
  let pointSamples = 0;
  let pointIndex = 0;
  let pointEnd = Math.floor(sampleRate / 10);
  const pointBands = new Float64Array(bandCount);
  let sumA = 0;
  let sumC = 0;
  let sumZ = 0;
  let sumSamples = 0;
  const bandSums = new Float64Array(bandCount);
  const historyA = createGrowableSeries();
  const historyC = createGrowableSeries();
  const historyZ = createGrowableSeries();
  const historyFast = createGrowableSeries();
  const historyFastMaximum = createGrowableSeries();
  const historySampleCounts = createGrowableSeries();
  const historyBands = createGrowableSeries(1024 * Math.max(1, bandCount));
  let firstSettledPoint = -1;

  function closePoint() {
    const samples = pointSamples;
    historyA.push(pointA / samples);
    historyC.push(pointC / samples);
    historyZ.push(pointZ / samples);
    historyFast.push(fast);
    historyFastMaximum.push(pointFastMaximum);
    historySampleCounts.push(samples);
    for (let band = 0; band < bandCount; band += 1) {
      historyBands.push(pointBands[band]! / samples);
      bandSums[band] = bandSums[band]! + pointBands[band]!;
      pointBands[band] = 0;
    }
    if (firstSettledPoint < 0 && sampleCount >= settleSamples) firstSettledPoint = pointIndex;
    sumA += pointA;
    sumC += pointC;
    sumZ += pointZ;
    pointA = 0;
    pointC = 0;
    pointZ = 0;
    pointFastMaximum = 0;
    pointSamples = 0;
    pointIndex += 1;
    pointEnd = Math.floor(((pointIndex + 1) * sampleRate) / 10);
  }

  const input = stages[0]?.buffer ?? new Float64Array(maximumBlock);

  function broadband(length: number) {
    const a = weightingA;
    const c = weightingC;
    let s1 = stateA[0]!;
    let s2 = stateA[1]!;
    let t1 = stateA[2]!;
    let t2 = stateA[3]!;
    let u1 = stateA[4]!;
    let u2 = stateA[5]!;
    let v1 = stateC[0]!;
    let v2 = stateC[1]!;
    // A = S1 · S2 · S3 and C = S1 · S3 up to a gain: S1 (the f1 double pole) is shared, and the C
    // path reuses its output scaled by cToA (applied to the summed squares).
    const ab0 = a[0]!,
      ab1 = a[1]!,
      ab2 = a[2]!,
      aa1 = a[3]!,
      aa2 = a[4]!;
    const bb0 = a[5]!,
      bb1 = a[6]!,
      bb2 = a[7]!,
      ba1 = a[8]!,
      ba2 = a[9]!;
    const cb0 = a[10]!,
      cb1 = a[11]!,
      cb2 = a[12]!,
      ca1 = a[13]!,
      ca2 = a[14]!;
    const db0 = c[5]!,
      db1 = c[6]!,
      db2 = c[7]!,
      da1 = c[8]!,
      da2 = c[9]!;
    let sA = 0;
    let sC = 0;
    let sZ = 0;
    let sX = 0;
    let f = fast;
    let s = slow;
    let fMax = 0;
    let fMin = fastMinimum;
    let sMax = slowMaximum;
    const settledFrom = settleSamples - sampleCount;
    for (let index = 0; index < length; index += 1) {
      const x = input[index]!;
      sZ += x * x;
      sX += x;
      const w = ab0 * x + s1;
      s1 = ab1 * x + s2 - aa1 * w;
      s2 = ab2 * x - aa2 * w;
      const y = bb0 * w + t1;
      t1 = bb1 * w + t2 - ba1 * y;
      t2 = bb2 * w - ba2 * y;
      const weightedC = db0 * w + v1;
      v1 = db1 * w + v2 - da1 * weightedC;
      v2 = db2 * w - da2 * weightedC;
      const weightedA = cb0 * y + u1;
      u1 = cb1 * y + u2 - ca1 * weightedA;
      u2 = cb2 * y - ca2 * weightedA;
      sC += weightedC * weightedC;
      const squared = weightedA * weightedA;
      sA += squared;
      // e[n] = (1 − α)·e[n−1] + α·p²[n]: only one multiply and one add on the recursion.
      f = fastKeep * f + fastFactor * squared;
      s = slowKeep * s + slowFactor * squared;
      if (f > fMax) fMax = f;
      if (s > sMax) sMax = s;
      if (f < fMin && index >= settledFrom) fMin = f;
    }
    if (Number.isFinite(clipLevel)) {
      for (let index = 0; index < length; index += 1) {
        const x = input[index]!;
        if (x >= clipLevel || -x >= clipLevel) {
          if (firstClippedSample < 0) firstClippedSample = sampleCount + index;
          clippedSamples += 1;
        }
      }
    }
    stateA.set([s1, s2, t1, t2, u1, u2]);
    stateC.set([v1, v2]);
    pointA = sA;
    pointC = sC * cToA * cToA;
    pointZ = sZ;
    sumSamples += sX;
    fast = f;
    slow = s;
    if (fMax > fastMaximum) fastMaximum = fMax;
    pointFastMaximum = fMax;
    fastMinimum = fMin;
    slowMaximum = sMax;
  }

  function filterOneBand(stage: StageState, band: number, buffer: Float64Array, length: number) {
    const coefficients = stage.bandCoefficients;
    const states = stage.bandStates;
    const c = band * 6;
    const p11 = coefficients[c]!,
      p12 = coefficients[c + 1]!;
    const p21 = coefficients[c + 2]!,
      p22 = coefficients[c + 3]!;
    const p31 = coefficients[c + 4]!,
      p32 = coefficients[c + 5]!;
    const o = band * 6;
    let s11 = states[o]!,
      s12 = states[o + 1]!;
    let s21 = states[o + 2]!,
      s22 = states[o + 3]!;
    let s31 = states[o + 4]!,
      s32 = states[o + 5]!;
    const bandIndex = stage.bandIndexes[band]!;
    const scale = stage.energyScales[band]!;
    let energy = 0;
    for (let index = 0; index < length; index += 1) {
      const x = buffer[index]!;
      const y1 = x + s11;
      s11 = s12 - p11 * y1;
      s12 = -x - p12 * y1;
      const y2 = y1 + s21;
      s21 = s22 - p21 * y2;
      s22 = -y1 - p22 * y2;
      const y3 = y2 + s31;
      s31 = s32 - p31 * y3;
      s32 = -y2 - p32 * y3;
      energy += y3 * y3;
    }
    pointBands[bandIndex] = pointBands[bandIndex]! + energy * scale;
    states.set([s11, s12, s21, s22, s31, s32], o);
  }

  function filterThreeBands(stage: StageState, band: number, buffer: Float64Array, length: number) {
    const k = stage.bandCoefficients;
    const st = stage.bandStates;
    const c = band * 6;
    const a11 = k[c]!,
      a12 = k[c + 1]!,
      a21 = k[c + 2]!,
      a22 = k[c + 3]!,
      a31 = k[c + 4]!,
      a32 = k[c + 5]!;
    const b11 = k[c + 6]!,
      b12 = k[c + 7]!,
      b21 = k[c + 8]!,
      b22 = k[c + 9]!,
      b31 = k[c + 10]!,
      b32 = k[c + 11]!;
    const c11 = k[c + 12]!,
      c12 = k[c + 13]!,
      c21 = k[c + 14]!,
      c22 = k[c + 15]!,
      c31 = k[c + 16]!,
      c32 = k[c + 17]!;
    let as11 = st[c]!,
      as12 = st[c + 1]!,
      as21 = st[c + 2]!,
      as22 = st[c + 3]!,
      as31 = st[c + 4]!,
      as32 = st[c + 5]!;
    let bs11 = st[c + 6]!,
      bs12 = st[c + 7]!,
      bs21 = st[c + 8]!,
      bs22 = st[c + 9]!,
      bs31 = st[c + 10]!,
      bs32 = st[c + 11]!;
    let cs11 = st[c + 12]!,
      cs12 = st[c + 13]!,
      cs21 = st[c + 14]!,
      cs22 = st[c + 15]!,
      cs31 = st[c + 16]!,
      cs32 = st[c + 17]!;
    const indexA = stage.bandIndexes[band]!;
    const indexB = stage.bandIndexes[band + 1]!;
    const indexC = stage.bandIndexes[band + 2]!;
    const scaleA = stage.energyScales[band]!;
    const scaleB = stage.energyScales[band + 1]!;
    const scaleC = stage.energyScales[band + 2]!;
    let energyA = 0;
    let energyB = 0;
    let energyC = 0;
    for (let index = 0; index < length; index += 1) {
      const x = buffer[index]!;
      const ay1 = x + as11;
      const by1 = x + bs11;
      const cy1 = x + cs11;
      as11 = as12 - a11 * ay1;
      bs11 = bs12 - b11 * by1;
      cs11 = cs12 - c11 * cy1;
      as12 = -x - a12 * ay1;
      bs12 = -x - b12 * by1;
      cs12 = -x - c12 * cy1;
      const ay2 = ay1 + as21;
      const by2 = by1 + bs21;
      const cy2 = cy1 + cs21;
      as21 = as22 - a21 * ay2;
      bs21 = bs22 - b21 * by2;
      cs21 = cs22 - c21 * cy2;
      as22 = -ay1 - a22 * ay2;
      bs22 = -by1 - b22 * by2;
      cs22 = -cy1 - c22 * cy2;
      const ay3 = ay2 + as31;
      const by3 = by2 + bs31;
      const cy3 = cy2 + cs31;
      as31 = as32 - a31 * ay3;
      bs31 = bs32 - b31 * by3;
      cs31 = cs32 - c31 * cy3;
      as32 = -ay2 - a32 * ay3;
      bs32 = -by2 - b32 * by3;
      cs32 = -cy2 - c32 * cy3;
      energyA += ay3 * ay3;
      energyB += by3 * by3;
      energyC += cy3 * cy3;
    }
    pointBands[indexA] = pointBands[indexA]! + energyA * scaleA;
    pointBands[indexB] = pointBands[indexB]! + energyB * scaleB;
    pointBands[indexC] = pointBands[indexC]! + energyC * scaleC;
    st.set([as11, as12, as21, as22, as31, as32, bs11, bs12, bs21, bs22, bs31, bs32], c);
    st.set([cs11, cs12, cs21, cs22, cs31, cs32], c + 12);
  }

  function runStage(stageNumber: number, length: number) {
    const stage = stages[stageNumber]!;
    const buffer = stage.buffer;
    let band = 0;
    // Three bands per loop: their recursions are independent, so the CPU overlaps them.
    for (; band + 3 <= stage.bandIndexes.length; band += 3) filterThreeBands(stage, band, buffer, length);
    for (; band < stage.bandIndexes.length; band += 1) filterOneBand(stage, band, buffer, length);
    const next = stages[stageNumber + 1];
    if (next === undefined) return;
    const a = stage.antiAlias;
    const st = stage.antiAliasState;
    const ab0 = a[0]!,
      ab1 = a[1]!,
      ab2 = a[2]!,
      aa1 = a[3]!,
      aa2 = a[4]!;
    const bb0 = a[5]!,
      bb1 = a[6]!,
      bb2 = a[7]!,
      ba1 = a[8]!,
      ba2 = a[9]!;
    const cb0 = a[10]!,
      cb1 = a[11]!,
      cb2 = a[12]!,
      ca1 = a[13]!,
      ca2 = a[14]!;
    let s11 = st[0]!,
      s12 = st[1]!,
      s21 = st[2]!,
      s22 = st[3]!,
      s31 = st[4]!,
      s32 = st[5]!;
    let phase = stage.phase;
    let produced = 0;
    const output = next.buffer;
    for (let index = 0; index < length; index += 1) {
      const x = buffer[index]!;
      const y1 = ab0 * x + s11;
      s11 = ab1 * x + s12 - aa1 * y1;
      s12 = ab2 * x - aa2 * y1;
      const y2 = bb0 * y1 + s21;
      s21 = bb1 * y1 + s22 - ba1 * y2;
      s22 = bb2 * y1 - ba2 * y2;
      const y3 = cb0 * y2 + s31;
      s31 = cb1 * y2 + s32 - ca1 * y3;
      s32 = cb2 * y2 - ca2 * y3;
      if (phase === 1) {
        output[produced] = y3;
        produced += 1;
        phase = 0;
      } else phase = 1;
    }
    st.set([s11, s12, s21, s22, s31, s32]);
    stage.phase = phase;
    if (produced > 0) runStage(stageNumber + 1, produced);
  }

  let filled = 0;

  /** Runs one history interval through every filter; blocks never depend on how input was chunked. */
  function processPoint(length: number) {
    broadband(length);
    if (stages.length > 0) runStage(0, length);
    sampleCount += length;
    pointSamples = length;
    closePoint();
    filled = 0;
  }

  return {
    push(samples) {
      let offset = 0;
      while (offset < samples.length) {
        const wanted = pointEnd - sampleCount;
        const take = Math.min(samples.length - offset, wanted - filled);
        for (let index = 0; index < take; index += 1)
          input[filled + index] = samples[offset + index]! * pascalsPerUnit;
        filled += take;
        offset += take;
        if (filled === wanted) processPoint(filled);
      }
    },
    finish() {
      if (filled > 0) processPoint(filled);
      return {
        sampleCount,
        sumA,
        sumC,
        sumZ,
        sumSamples,
        bandSums,
        fastMaximum,
        fastMinimum,
        slowMaximum,
        clippedSamples,
        firstClippedSample,
        historyA: historyA.toArray(),
        historyC: historyC.toArray(),
        historyZ: historyZ.toArray(),
        historyFast: historyFast.toArray(),
        historyFastMaximum: historyFastMaximum.toArray(),
        historyBands: historyBands.toArray(),
        historySampleCounts: historySampleCounts.toArray(),
        firstSettledPoint,
        bank,
      };
    },
  };
}
