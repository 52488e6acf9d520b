/**
 * Gradient/hessian histograms of one block's rows of a node, and the fold of a block's histogram into
 * the node's. Kernels add into their target without clearing it: the first block of a node adds
 * straight into the node's zeroed histogram, every later block into a zeroed partial histogram that
 * is then folded into the node's (`node[slot] += partial[slot]`) and left zeroed again. Both folds
 * below give the same bits; they differ only in what they touch.
 */

/** Every row adds once per bundle (see `feature-bundles.ts`); the node expands the bundles after. */
export const bundledKernel = 0;
/** Every row adds once per feature, gradient and hessian only. */
export const allFeaturesKernel = 1;
/** Every row adds once per sampled feature, with a row count when `stride` is 3. */
export const sampledFeaturesKernel = 2;

/** What the kernels read: row-major slots and codes, the interleaved gradients, the row order. */
export interface HistogramSource {
  /** Row order; a node's rows of a block are `rows[start, end)`. */
  readonly rows: Uint32Array;
  /** Row-major histogram slots, `nRows × nFeatures`. */
  readonly binned: Uint16Array;
  readonly nFeatures: number;
  /** Row-major bundle codes, `nRows × bundleCount` (empty without bundles). */
  readonly bundleCodes: Uint16Array;
  readonly bundleCount: number;
  /** Gradient and hessian of each row, interleaved. */
  readonly gradients: Float64Array;
  /** The features of the current tree (all of them unless columns are sampled). */
  readonly features: Int32Array;
  /** 2 (gradient, hessian) or 3 (and a row count) numbers per slot. */
  readonly stride: number;
  /** Numbers per histogram of the features' slots (`slotCount × stride`). */
  readonly histogramSize: number;
  /** Numbers per histogram buffer: the features' slots, then the bundle codes' (2 per code). */
  readonly bufferSize: number;
}

/** Numbers a kernel may write: the feature slots, and the bundle codes' slots past them. */
export function touchedLength(source: HistogramSource, kernel: number): number {
  return kernel === bundledKernel ? source.bufferSize : source.histogramSize;
}

/** Slots a kernel adds each row into: one per bundle, per feature, or per feature in use. */
export function slotsPerRow(source: HistogramSource, kernel: number, featureCount: number): number {
  if (kernel === bundledKernel) return source.bundleCount;
  return kernel === allFeaturesKernel ? source.nFeatures : featureCount;
}

/**
 * Adds rows[start, end) into `target` with `kernel`; `featureCount` is how many of
 * `source.features` are in use. `spare` (at least `histogramSize` long) lets the all-features
 * kernel add two rows at a time into two histograms when the block has at least `bufferSize` rows,
 * enough to pay for adding them up after: consecutive rows often share a bin (binary features), and two copies halve
 * the chains of read-modify-writes on one address.
 */
export function accumulateHistogram(
  target: Float64Array,
  spare: Float64Array,
  source: HistogramSource,
  start: number,
  end: number,
  kernel: number,
  featureCount: number,
): void {
  const { rows, gradients } = source;
  if (kernel === bundledKernel) {
    const codes = source.bundleCodes;
    const count = source.bundleCount;
    for (let index = start; index < end; index += 1) {
      const row = rows[index]!;
      const gradient = gradients[2 * row]!;
      const hessian = gradients[2 * row + 1]!;
      const base = row * count;
      for (let bundle = 0; bundle < count; bundle += 1) {
        const at = 2 * codes[base + bundle]!;
        target[at]! += gradient;
        target[at + 1]! += hessian;
      }
    }
    return;
  }
  const { binned, nFeatures } = source;
  if (kernel === allFeaturesKernel && end - start >= source.bufferSize) {
    const histogramSize = source.histogramSize;
    spare.fill(0, 0, histogramSize);
    let index = start;
    for (; index + 1 < end; index += 2) {
      const first = rows[index]!;
      const second = rows[index + 1]!;
      const firstGradient = gradients[2 * first]!;
      const firstHessian = gradients[2 * first + 1]!;
      const secondGradient = gradients[2 * second]!;
      const secondHessian = gradients[2 * second + 1]!;
      const firstBase = first * nFeatures;
      const secondBase = second * nFeatures;
      for (let feature = 0; feature < nFeatures; feature += 1) {
        const firstAt = 2 * binned[firstBase + feature]!;
        const secondAt = 2 * binned[secondBase + feature]!;
        target[firstAt]! += firstGradient;
        target[firstAt + 1]! += firstHessian;
        spare[secondAt]! += secondGradient;
        spare[secondAt + 1]! += secondHessian;
      }
    }
    for (; index < end; index += 1) {
      const row = rows[index]!;
      const base = row * nFeatures;
      for (let feature = 0; feature < nFeatures; feature += 1) {
        const at = 2 * binned[base + feature]!;
        target[at]! += gradients[2 * row]!;
        target[at + 1]! += gradients[2 * row + 1]!;
      }
    }
    for (let at = 0; at < histogramSize; at += 1) target[at]! += spare[at]!;
    return;
  }
  if (kernel === allFeaturesKernel) {
    for (let index = start; index < end; index += 1) {
      const row = rows[index]!;
      const gradient = gradients[2 * row]!;
      const hessian = gradients[2 * row + 1]!;
      const base = row * nFeatures;
      for (let feature = 0; feature < nFeatures; feature += 1) {
        const at = 2 * binned[base + feature]!;
        target[at]! += gradient;
        target[at + 1]! += hessian;
      }
    }
    return;
  }
  const { features, stride } = source;
  const withCounts = stride === 3;
  for (let index = start; index < end; index += 1) {
    const row = rows[index]!;
    const gradient = gradients[2 * row]!;
    const hessian = gradients[2 * row + 1]!;
    const base = row * nFeatures;
    for (let position = 0; position < featureCount; position += 1) {
      const at = binned[base + features[position]!]! * stride;
      target[at]! += gradient;
      target[at + 1]! += hessian;
      if (withCounts) target[at + 2]! += 1;
    }
  }
}

/**
 * Folds a block's partial histogram (built from rows[start, end) with `kernel`) into the node's and
 * zeroes the partial again. Short blocks revisit their rows' slots (a slot seen twice adds 0 the
 * second time, which changes nothing: sums here are never −0); long ones sweep the whole histogram.
 */
export function foldPartialHistogram(
  node: Float64Array,
  partial: Float64Array,
  source: HistogramSource,
  start: number,
  end: number,
  kernel: number,
  featureCount: number,
  length: number,
): void {
  if (start >= end) return;
  const perRow = slotsPerRow(source, kernel, featureCount);
  const stride = source.stride;
  if ((end - start) * perRow * stride >= length) {
    for (let at = 0; at < length; at += 1) node[at]! += partial[at]!;
    partial.fill(0, 0, length);
    return;
  }
  const { rows } = source;
  const codes = kernel === bundledKernel ? source.bundleCodes : source.binned;
  const width = kernel === bundledKernel ? source.bundleCount : source.nFeatures;
  const features = source.features;
  for (let index = start; index < end; index += 1) {
    const base = rows[index]! * width;
    for (let position = 0; position < perRow; position += 1) {
      const at = codes[base + (kernel === sampledFeaturesKernel ? features[position]! : position)]! * stride;
      for (let part = at; part < at + stride; part += 1) {
        node[part]! += partial[part]!;
        partial[part] = 0;
      }
    }
  }
}
