import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  accumulateHistogram,
  allFeaturesKernel,
  bundledKernel,
  type HistogramSource,
  sampledFeaturesKernel,
} from '../block-histograms';
import { trainGradientBoostedTrees } from '../train-gradient-boosted-trees';
import { computeGradients } from '../training-phases';
import type { TrainingWorkspace } from '../training-workspace';
import { createWasmHistograms } from './wasm-histograms';

/** The bits of each double, so −0 and 0 (and any last-bit difference) count as different. */
function bits(values: Float64Array): bigint[] {
  return Array.from(new BigUint64Array(values.buffer, values.byteOffset, values.length));
}

interface Case {
  readonly source: HistogramSource;
  /** The row ids the kernels' memory holds. */
  readonly rowFrom: number;
  readonly rowTo: number;
  readonly start: number;
  readonly end: number;
  readonly kernel: number;
  readonly featureCount: number;
  readonly target: Float64Array;
}

/** Gradients of very different magnitudes: the order of the additions shows in the last bits. */
const gradient = fc.oneof(
  fc.double({ min: -4, max: 4, noNaN: true }),
  fc.constantFrom(1e-17, -3e-9, 0.1, 1e10),
);

const randomCase: fc.Arbitrary<Case> = fc
  .record({
    binCounts: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 5 }),
    bundleCount: fc.integer({ min: 0, max: 3 }),
    extraSlots: fc.integer({ min: 0, max: 4 }),
    withCounts: fc.boolean(),
    nRows: fc.integer({ min: 1, max: 90 }),
    seed: fc.integer(),
  })
  .chain(({ binCounts, bundleCount, extraSlots, withCounts, nRows }) => {
    const nFeatures = binCounts.length;
    const slotCount = binCounts.reduce((sum, count) => sum + count, 0);
    const stride = withCounts ? 3 : 2;
    const histogramSize = slotCount * stride;
    const bufferSize = histogramSize + (bundleCount === 0 ? 0 : 2 * extraSlots);
    const offsets = binCounts.map((_, feature) => binCounts.slice(0, feature).reduce((a, b) => a + b, 0));
    const kernels = [sampledFeaturesKernel, ...(withCounts ? [] : [allFeaturesKernel])];
    if (!withCounts && bundleCount > 0) kernels.push(bundledKernel);
    return fc.record({
      binned: fc.array(
        fc.tuple(
          ...binCounts.map((count, feature) =>
            fc.integer({ min: 0, max: count - 1 }).map((bin) => offsets[feature]! + bin),
          ),
        ),
        { minLength: nRows, maxLength: nRows },
      ),
      codes: fc.array(fc.integer({ min: 0, max: Math.floor(bufferSize / 2) - 1 }), {
        minLength: nRows * bundleCount,
        maxLength: nRows * bundleCount,
      }),
      gradients: fc.array(gradient, { minLength: 2 * nRows, maxLength: 2 * nRows }),
      range: fc.tuple(fc.nat({ max: nRows - 1 }), fc.nat({ max: nRows - 1 })),
      order: fc.array(fc.nat(), { minLength: nRows, maxLength: nRows }),
      segment: fc.tuple(fc.nat({ max: nRows }), fc.nat({ max: nRows })),
      kernel: fc.constantFrom(...kernels),
      features: fc.subarray(
        Array.from({ length: nFeatures }, (_, feature) => feature),
        { minLength: 1 },
      ),
      target: fc.array(gradient, { minLength: bufferSize, maxLength: bufferSize }),
      constants: fc.constant({ nFeatures, bundleCount, stride, histogramSize, bufferSize }),
    });
  })
  .map(({ binned, codes, gradients, range, order, segment, kernel, features, target, constants }) => {
    const rowFrom = Math.min(...range);
    const rowTo = Math.max(...range) + 1;
    // The rows of the range in a shuffled order (partitions reorder them); the segment is part of it.
    const rows = Uint32Array.from(
      Array.from({ length: rowTo - rowFrom }, (_, index) => rowFrom + index).sort(
        (a, b) => order[a]! - order[b]! || a - b,
      ),
    );
    const start = Math.min(segment[0], segment[1], rows.length);
    const end = Math.min(Math.max(segment[0], segment[1]), rows.length);
    const featureArray = new Int32Array(constants.nFeatures);
    featureArray.set(features);
    return {
      source: {
        ...constants,
        rows,
        binned: Uint16Array.from(binned.flat()),
        bundleCodes: Uint16Array.from(codes),
        gradients: Float64Array.from(gradients),
        features: featureArray,
      },
      rowFrom,
      rowTo,
      start,
      end,
      kernel,
      featureCount: features.length,
      target: Float64Array.from(target),
    };
  });

describe('createWasmHistograms', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('adds the same doubles as accumulateHistogram, bit for bit, with every kernel, or declines a short segment', () => {
    const kernelsRun = new Set<string>();
    fc.assert(
      fc.property(randomCase, ({ source, rowFrom, rowTo, start, end, kernel, featureCount, target }) => {
        const wasm = createWasmHistograms(source, rowFrom, rowTo, Math.max(1, source.rows.length));
        expect(wasm).not.toBeNull();
        wasm!.copyGradients(source.gradients, rowFrom, rowTo);
        const expected = Float64Array.from(target);
        accumulateHistogram(
          expected,
          new Float64Array(source.bufferSize),
          source,
          start,
          end,
          kernel,
          featureCount,
        );
        const actual = Float64Array.from(target);
        const accepted = wasm!.accumulate(actual, start, end, kernel, featureCount);
        // Declining is only for segments too short to pay for the copies: one with at least as many
        // rows as the histogram has numbers always pays (each row adds at least one slot's pair).
        if (end - start >= source.bufferSize) expect(accepted).toBe(true);
        if (!accepted) {
          // Declined: nothing written; the caller runs the JavaScript kernel.
          expect(bits(actual)).toEqual(bits(target));
          return;
        }
        const pairs = kernel === allFeaturesKernel && end - start >= source.bufferSize;
        kernelsRun.add(`${kernel}/${source.stride}/${pairs}`);
        expect(bits(actual)).toEqual(bits(expected));
      }),
      { numRuns: 400 },
    );
    // Bundled, all features one row and two rows at a time, sampled with and without counts.
    expect([...kernelsRun].sort()).toEqual(['0/2/false', '1/2/false', '1/2/true', '2/2/false', '2/3/false']);
  });

  it('adds rows 3, 2, 1 of the range [1, 4) into an all-features histogram, by hand', () => {
    // Features of 2 and 3 slots (slots 0–1 and 2–4); rows 0 and 4 lie outside the range.
    const source: HistogramSource = {
      rows: Uint32Array.of(3, 2, 1),
      binned: Uint16Array.of(0, 2, 1, 3, 1, 4, 0, 4, 1, 2),
      nFeatures: 2,
      bundleCodes: new Uint16Array(0),
      bundleCount: 0,
      gradients: Float64Array.of(Number.NaN, Number.NaN, 9, 9, 0.5, 1, -2, 0.25, Number.NaN, Number.NaN),
      features: Int32Array.of(0, 1),
      stride: 2,
      histogramSize: 10,
      bufferSize: 10,
    };
    const wasm = createWasmHistograms(source, 1, 4, 3)!;
    wasm.copyGradients(source.gradients, 1, 4);
    const histogram = new Float64Array(10);
    histogram[0] = 1;
    // 2 rows × 2 features × 2 numbers = 8 < 10: too short to pay for the copies.
    expect(wasm.accumulate(histogram, 0, 2, allFeaturesKernel, 2)).toBe(false);
    expect(Array.from(histogram)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(wasm.accumulate(histogram, 0, 3, allFeaturesKernel, 2)).toBe(true);
    // Row 3 (slots 0, 4; g −2, h 0.25), row 2 (slots 1, 4; g 0.5, h 1), row 1 (slots 1, 3; g 9, h 9).
    expect(Array.from(histogram)).toEqual([-1, 0.25, 9.5, 10, 0, 0, 9, 9, -1.5, 1.25]);
  });

  it('keeps the gradients in the kernel when asked, and writes out only those of rows left to the JavaScript kernel', () => {
    // Rows 0–3 are trained on; odds 1 (p = ½) for every row, weights 1, labels 1, 0, 1, 0:
    // gradients −½, ½, −½, ½ and hessians ¼.
    const trainRows = Uint32Array.of(0, 1, 2, 3);
    const workspace = {
      nRows: 4,
      trainRows,
      blockStarts: Int32Array.of(0, 4),
      odds: Float64Array.of(1, 1, 1, 1),
      labels: Uint8Array.of(1, 0, 1, 0),
      weights: Float64Array.of(1, 1, 1, 1),
      gradients: new Float64Array(8),
      rows: Uint32Array.of(2, 1, 0, 3),
      blockSums: new Float64Array(2),
      binned: Uint16Array.of(0, 2, 1, 3, 1, 4, 0, 4),
      nFeatures: 2,
      bundleCodes: new Uint16Array(0),
      bundleCount: 0,
      features: Int32Array.of(0, 1),
      stride: 2,
      histogramSize: 10,
      bufferSize: 10,
    } as unknown as TrainingWorkspace;
    const wasm = createWasmHistograms(workspace, 0, 4, 4, {
      trainRows,
      positionFrom: 0,
      positionTo: 4,
      weights: workspace.weights,
      labels: workspace.labels,
    })!;
    computeGradients(workspace, 0, false, wasm, true);
    expect(Array.from(workspace.gradients)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(workspace.blockSums)).toEqual([0, 1]);
    // rows[0, 2) are rows 2 and 1: 2 rows × 2 features × 2 numbers = 8 < 10, left to JavaScript.
    const histogram = new Float64Array(10);
    expect(wasm.accumulate(histogram, 0, 2, allFeaturesKernel, 2)).toBe(false);
    expect(Array.from(workspace.gradients)).toEqual([0, 0, 0.5, 0.25, -0.5, 0.25, 0, 0]);
    // rows[0, 4): worth the kernel; row 2 (slots 1, 4), row 1 (slots 1, 3), row 0 (0, 2), row 3 (0, 4).
    expect(wasm.accumulate(histogram, 0, 4, allFeaturesKernel, 2)).toBe(true);
    expect(Array.from(histogram)).toEqual([0, 0.5, 0, 0.5, -0.5, 0.25, 0.5, 0.25, 0, 0.5]);
  });

  it('computes the same gradients, odds clamps and block sums as computeGradients, bit for bit', () => {
    const odds = fc.oneof(
      fc.double({ min: -30, max: 30, noNaN: true }).map(Math.exp),
      fc.constantFrom(0, Number.POSITIVE_INFINITY, Number.NaN, Math.exp(700), Math.exp(-700), Math.exp(690)),
    );
    const row = fc.record({
      odds,
      label: fc.integer({ min: 0, max: 1 }),
      weight: fc.oneof(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.constant(1)),
      trained: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 4 }),
        fc.nat(),
        (rows, blockCount, pick) => {
          const trainRows = Uint32Array.from(rows.flatMap((entry, index) => (entry.trained ? [index] : [])));
          fc.pre(trainRows.length >= blockCount);
          const blockStarts = Int32Array.from({ length: blockCount + 1 }, (_, block) =>
            Math.floor((block * trainRows.length) / blockCount),
          );
          const make = () =>
            ({
              nRows: rows.length,
              trainRows,
              blockStarts,
              odds: Float64Array.from(rows, (entry) => entry.odds),
              labels: Uint8Array.from(rows, (entry) => entry.label),
              weights: Float64Array.from(rows, (entry) => entry.weight),
              gradients: new Float64Array(2 * rows.length),
              rows: new Uint32Array(trainRows.length),
              blockSums: new Float64Array(2 * blockCount),
            }) as unknown as TrainingWorkspace;
          // One thread's blocks [blockFrom, blockTo).
          const blockFrom = pick % blockCount;
          const blockTo = blockFrom + 1 + (Math.floor(pick / blockCount) % (blockCount - blockFrom));
          const expected = make();
          const actual = make();
          const rowFrom = trainRows[blockStarts[blockFrom]!]!;
          const rowTo = trainRows[blockStarts[blockTo]! - 1]! + 1;
          const shape = { nFeatures: 1, bundleCount: 0, stride: 2, histogramSize: 2, bufferSize: 2 };
          const source = { ...shape, binned: new Uint16Array(rows.length), bundleCodes: new Uint16Array(0) };
          const wasm = createWasmHistograms(source as unknown as HistogramSource, rowFrom, rowTo, 1, {
            trainRows,
            positionFrom: blockStarts[blockFrom]!,
            positionTo: blockStarts[blockTo]!,
            weights: actual.weights,
            labels: actual.labels,
          });
          for (let block = blockFrom; block < blockTo; block += 1) {
            computeGradients(expected, block, true);
            computeGradients(actual, block, true, wasm);
          }
          expect(bits(actual.gradients)).toEqual(bits(expected.gradients));
          expect(bits(actual.odds)).toEqual(bits(expected.odds));
          expect(bits(actual.blockSums)).toEqual(bits(expected.blockSums));
          expect(Array.from(actual.rows)).toEqual(Array.from(expected.rows));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is null without WebAssembly or when it refuses, and training then gives the same model', () => {
    const source: HistogramSource = {
      rows: Uint32Array.of(0),
      binned: Uint16Array.of(0),
      nFeatures: 1,
      bundleCodes: new Uint16Array(0),
      bundleCount: 0,
      gradients: Float64Array.of(1, 1),
      features: Int32Array.of(0),
      stride: 2,
      histogramSize: 2,
      bufferSize: 2,
    };
    const features: number[][] = [];
    const labels: number[] = [];
    for (let row = 0; row < 3000; row += 1) {
      const tenure = (row * 37) % 72;
      const charges = 20 + ((row * 53) % 100);
      features.push([tenure, charges, row % 3 === 0 ? Number.NaN : row % 2]);
      labels.push((tenure < 12 && charges > 60) || row % 7 === 0 ? 1 : 0);
    }
    const input = { features, labels, nEstimators: 20, featureNames: ['tenure', 'charges', 'contract'] };
    const withWasm = JSON.stringify(trainGradientBoostedTrees(input));

    vi.stubGlobal('WebAssembly', undefined);
    expect(createWasmHistograms(source, 0, 1, 1)).toBeNull();
    expect(JSON.stringify(trainGradientBoostedTrees(input))).toBe(withWasm);

    // A browser page whose Content Security Policy forbids compiling WebAssembly.
    vi.stubGlobal('WebAssembly', {
      Module: class {
        constructor() {
          throw new Error('CompileError: WebAssembly.Module(): Refused to compile (CSP)');
        }
      },
      Instance: class {},
    });
    expect(createWasmHistograms(source, 0, 1, 1)).toBeNull();
    expect(JSON.stringify(trainGradientBoostedTrees(input))).toBe(withWasm);
  });
});
