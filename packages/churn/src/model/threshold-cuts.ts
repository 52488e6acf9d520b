/**
 * Per feature, the sorted distinct split thresholds of a model ("cuts"). A value's cut index is the
 * number of cuts below it, so the test "value ≤ threshold" of a split whose threshold is cut `i`
 * becomes the integer test "index ≤ i". Prediction and explanation bin a row once this way and then
 * walk the trees with branch-free integer steps.
 */
export type ThresholdCuts = readonly Float64Array[];

/** Cut index of a missing value (`NaN`): above every threshold index. */
export const missingCutIndex = 0xffff;

/** The largest number of cuts a feature may have for the 16-bit cut indices. */
export const maxCutsPerFeature = 0xfffe;

/**
 * Collects the cuts of each feature from split nodes (`feature[i] ≥ 0`); thresholds of +∞ (padding
 * that always goes left) are skipped.
 */
export function collectThresholdCuts(
  feature: Int32Array,
  threshold: Float64Array,
  nFeatures: number,
): ThresholdCuts {
  const perFeature: number[][] = Array.from({ length: nFeatures }, () => []);
  for (let node = 0; node < feature.length; node += 1) {
    const split = feature[node]!;
    if (split >= 0 && threshold[node] !== Number.POSITIVE_INFINITY) perFeature[split]!.push(threshold[node]!);
  }
  return perFeature.map((values) => Float64Array.from(new Set(values)).sort());
}

/** The index of a threshold among its feature's cuts (it must be one of them). */
export function cutIndexOf(cuts: Float64Array, threshold: number): number {
  return countCutsBelow(cuts, threshold);
}

/** The cut index of a value: how many cuts are below it; {@link missingCutIndex} for `NaN`. */
export function countCutsBelow(cuts: Float64Array, value: number): number {
  if (Number.isNaN(value)) return missingCutIndex;
  let low = 0;
  let high = cuts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (cuts[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Packs a split into one Int32: `cutIndex << 9 | missingLeft << 8 | feature` (at most 256 features).
 * {@link goesRight} decodes it against a row's cut index.
 */
export function packSplit(feature: number, cutIndex: number, missingLeft: boolean): number {
  return (cutIndex << 9) | ((missingLeft ? 1 : 0) << 8) | feature;
}

/**
 * 1 when a row whose cut index on the split's feature is `index` goes right at the packed split,
 * else 0, without branches: right when `index > cutIndex`; a missing index (0xffff, above every
 * cut index) is flipped back left when missing values go left.
 */
export function goesRight(word: number, index: number): number {
  return ((((word >>> 9) - index) >>> 31) ^ (((index + 1) >>> 16) & (word >>> 8))) & 1;
}
