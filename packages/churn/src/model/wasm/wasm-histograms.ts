import {
  allFeaturesKernel,
  bundledKernel,
  type HistogramSource,
  slotsPerRow,
  touchedLength,
} from '../block-histograms';
import { histogramKernelModule, histogramMemoryLayout } from './histogram-kernel';

/**
 * A thread's copy of its rows would exceed this (a fit of tens of millions of rows, say): it stays
 * on the JavaScript kernels rather than ask for one more allocation of that size.
 */
const maxMemoryBytes = 1024 * 1024 * 1024;

/** The part of the WebAssembly JavaScript API used here (see `wasm-heap-walk.ts`). */
interface WebAssemblyApi {
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
}

/**
 * One thread's histogram kernels in WebAssembly, over its own copy of the binned rows (and bundle
 * codes) of a range of row ids. They add the same numbers in the same order as
 * `accumulateHistogram`, so the histograms are the same doubles.
 */
export interface WasmHistograms {
  /**
   * Copies the gradients of row ids `[rowFrom, rowTo)` (inside the range) from the interleaved
   * array, for kernels made without {@link GradientSource} (training makes them with one).
   */
  copyGradients(gradients: Float64Array, rowFrom: number, rowTo: number): void;
  /**
   * `computeGradients` of `training-phases.ts` for the training rows at positions
   * `[positionFrom, positionTo)` (one block, inside the positions given at creation): reads their
   * odds from `odds`, clamps them to [minOdds, maxOdds] (written back to `odds` when one moved),
   * keeps the gradients for the kernels and writes them to `gradients` too (unless `keepInKernel`),
   * and returns their sums in `sums[0]` and `sums[1]`. Only for kernels made with a
   * {@link GradientSource}.
   *
   * @param keepInKernel - leave `gradients` as it was: only the kernels read these rows' gradients
   *   (and {@link accumulate} writes those of the rows it leaves to the JavaScript kernel first)
   */
  computeGradients(
    odds: Float64Array,
    gradients: Float64Array,
    positionFrom: number,
    positionTo: number,
    minOdds: number,
    maxOdds: number,
    sums: Float64Array,
    keepInKernel?: boolean,
  ): void;
  /**
   * Does what `accumulateHistogram(target, spare, source, start, end, kernel, featureCount)` does for
   * the source this was made from, whose rows[start, end) must lie in the range, and returns `true`;
   * or returns `false` when the segment is too short to pay for copying the histogram in and out
   * (the caller then runs the JavaScript kernel): then it only writes the gradients of those rows to
   * the `gradients` of the last {@link computeGradients} call if that one kept them in the kernel.
   */
  accumulate(target: Float64Array, start: number, end: number, kernel: number, featureCount: number): boolean;
}

/** What the gradient pass reads besides the odds: the thread's training positions and its rows' weights and labels. */
export interface GradientSource {
  /** Rows trained on, ascending (all of them: positions index it). */
  readonly trainRows: Uint32Array;
  /** The thread's positions in `trainRows`, `[positionFrom, positionTo)`. */
  readonly positionFrom: number;
  readonly positionTo: number;
  readonly weights: Float64Array;
  readonly labels: Uint8Array;
}

/**
 * Compiles and instantiates the kernels for the row ids `[rowFrom, rowTo)` of `source`, at most
 * `segmentRows` rows per call, and copies those rows' slots and codes in. `null` when WebAssembly is
 * missing or refuses (a browser page whose Content Security Policy forbids it), when the memory would
 * be too large or cannot be had: the caller keeps the JavaScript kernels. Compilation is synchronous;
 * the module grows with the features (3.2 KB for 13, 17 KB for 100), and a browser's main thread may
 * refuse a large one, which is one more refusal.
 */
export function createWasmHistograms(
  source: HistogramSource,
  rowFrom: number,
  rowTo: number,
  segmentRows: number,
  training: GradientSource | null = null,
): WasmHistograms | null {
  const api = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
  if (typeof api !== 'object' || api === null || rowTo <= rowFrom) return null;
  const { nFeatures, bundleCount, stride, histogramSize, bufferSize } = source;
  const layout = histogramMemoryLayout(
    { nFeatures, bundleCount, stride, histogramSize, bufferSize },
    rowTo - rowFrom,
    segmentRows,
    training === null ? 0 : training.positionTo - training.positionFrom,
  );
  if (layout.memoryPages * 65_536 > maxMemoryBytes) return null;
  let exports: Record<string, unknown>;
  try {
    exports = new api.Instance(new api.Module(histogramKernelModule(layout)), {}).exports;
  } catch {
    return null;
  }
  const buffer = (exports.memory as { readonly buffer: ArrayBuffer }).buffer;
  // The memory has a fixed size (minimum = maximum), so these views never detach.
  const doubles = new Float64Array(buffer);
  const segment = new Uint32Array(buffer, layout.segmentAddress, segmentRows);
  const featureOffsets = new Int32Array(buffer, layout.featuresAddress, nFeatures);
  new Uint16Array(buffer, layout.binnedAddress, layout.rowSpan * nFeatures).set(
    source.binned.subarray(rowFrom * nFeatures, rowTo * nFeatures),
  );
  if (bundleCount > 0) {
    new Uint16Array(buffer, layout.codesAddress, layout.rowSpan * bundleCount).set(
      source.bundleCodes.subarray(rowFrom * bundleCount, rowTo * bundleCount),
    );
  }
  if (training !== null) {
    const { trainRows, positionFrom, positionTo, weights, labels } = training;
    new Uint32Array(buffer, layout.trainRowsAddress, positionTo - positionFrom).set(
      trainRows.subarray(positionFrom, positionTo),
    );
    doubles.set(weights.subarray(rowFrom, rowTo), layout.weightsAddress / 8);
    new Uint8Array(buffer, layout.labelsAddress, layout.rowSpan).set(labels.subarray(rowFrom, rowTo));
  }
  type Run = (rowCount: number, firstRow: number, featureCount?: number) => void;
  const bundled = exports.bundled as Run;
  const allFeatures = exports.allFeatures as Run;
  const allFeaturesPairs = exports.allFeaturesPairs as Run;
  const sampled = exports.sampled as Run;
  const gradientPass = exports.gradients as (
    positionFrom: number,
    positionTo: number,
    firstRow: number,
    minOdds: number,
    maxOdds: number,
  ) => number;
  const gradientsAt = layout.gradientsAddress / 8;
  const oddsAt = layout.oddsAddress / 8;
  const sumsAt = layout.sumsAddress / 8;
  /** The array the gradients were last kept from (see `keepInKernel`), `null` when written to it. */
  let keptFrom: Float64Array | null = null;
  return {
    computeGradients(
      odds,
      gradients,
      positionFrom,
      positionTo,
      minOdds,
      maxOdds,
      sums,
      keepInKernel = false,
    ) {
      const trainRows = training!.trainRows;
      const from = trainRows[positionFrom]!;
      const to = trainRows[positionTo - 1]! + 1;
      const localOdds = doubles.subarray(oddsAt + from - rowFrom, oddsAt + to - rowFrom);
      localOdds.set(odds.subarray(from, to));
      const firstPosition = training!.positionFrom;
      const clamped = gradientPass(
        4 * (positionFrom - firstPosition),
        4 * (positionTo - firstPosition),
        rowFrom,
        minOdds,
        maxOdds,
      );
      if (clamped > 0) odds.set(localOdds, from);
      keptFrom = keepInKernel ? gradients : null;
      if (!keepInKernel) {
        gradients.set(
          doubles.subarray(gradientsAt + 2 * (from - rowFrom), gradientsAt + 2 * (to - rowFrom)),
          2 * from,
        );
      }
      sums[0] = doubles[sumsAt]!;
      sums[1] = doubles[sumsAt + 1]!;
    },
    copyGradients(gradients, from, to) {
      doubles.set(gradients.subarray(2 * from, 2 * to), gradientsAt + 2 * (from - rowFrom));
    },
    accumulate(target, start, end, kernel, featureCount) {
      const rowCount = end - start;
      const perRow = slotsPerRow(source, kernel, featureCount);
      const length = touchedLength(source, kernel);
      // The histogram goes in and out whole: worth it once the rows touch about as many numbers.
      if (rowCount * perRow * stride < length) {
        if (keptFrom !== null) {
          const rows = source.rows;
          for (let index = start; index < end; index += 1) {
            const row = rows[index]!;
            const at = gradientsAt + 2 * (row - rowFrom);
            keptFrom[2 * row] = doubles[at]!;
            keptFrom[2 * row + 1] = doubles[at + 1]!;
          }
        }
        return false;
      }
      doubles.set(target.subarray(0, length), 0);
      segment.set(source.rows.subarray(start, end));
      if (kernel === bundledKernel) bundled(rowCount, rowFrom);
      else if (kernel === allFeaturesKernel) {
        // The JavaScript kernel takes rows two at a time from this many rows on.
        if (rowCount >= bufferSize) allFeaturesPairs(rowCount, rowFrom);
        else allFeatures(rowCount, rowFrom);
      } else {
        const features = source.features;
        for (let position = 0; position < featureCount; position += 1) {
          featureOffsets[position] = 2 * features[position]!;
        }
        sampled(rowCount, rowFrom, featureCount);
      }
      target.set(doubles.subarray(0, length));
      return true;
    },
  };
}
