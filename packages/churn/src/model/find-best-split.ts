/** Slots of the `best` array {@link findBestSplit} fills. */
export const bestGainSlot = 0;
export const bestFeatureSlot = 1;
export const bestBinSlot = 2;
export const bestMissingLeftSlot = 3;
export const bestLeftGradientSlot = 4;
export const bestLeftHessianSlot = 5;
export const bestLeftCountSlot = 6;

/**
 * The best split of a node from its histogram, written into `best` (gain, feature, bin, missing
 * left, left gradient, left hessian, left count); feature −1 when no split beats `minSplitGain`.
 * Both directions for missing values are tried, and with missing values present the last bin too
 * (every value left, missing right).
 */
export function findBestSplit(
  histogram: Float64Array,
  gradientSum: number,
  hessianSum: number,
  count: number,
  features: Int32Array,
  binCounts: Uint16Array,
  slotOffsets: Int32Array,
  stride: number,
  limits: Float64Array,
  best: Float64Array,
): void {
  const lambda = limits[0]!;
  const minChildWeight = limits[1]!;
  const minSamplesLeaf = limits[2]!;
  const withCounts = stride === 3;
  let bestGain = limits[3]!;
  best[bestFeatureSlot] = -1;
  best[bestGainSlot] = bestGain;
  const parentScore = (gradientSum * gradientSum) / (hessianSum + lambda);
  for (let position = 0; position < features.length; position += 1) {
    const feature = features[position]!;
    const base = slotOffsets[feature]! * stride;
    const bins = binCounts[feature]!;
    const missingAt = base + bins * stride;
    const missingGradient = histogram[missingAt]!;
    const missingHessian = histogram[missingAt + 1]!;
    const missingCount = withCounts ? histogram[missingAt + 2]! : 0;
    const hasMissing = missingHessian > 0;
    let leftGradient = 0;
    let leftHessian = 0;
    let leftCount = 0;
    const lastBin = hasMissing ? bins - 1 : bins - 2;
    for (let bin = 0; bin <= lastBin; bin += 1) {
      const at = base + bin * stride;
      leftGradient += histogram[at]!;
      leftHessian += histogram[at + 1]!;
      if (withCounts) leftCount += histogram[at + 2]!;
      // Missing values go right.
      let rightHessian = hessianSum - leftHessian;
      if (
        leftHessian >= minChildWeight &&
        rightHessian >= minChildWeight &&
        leftHessian > 0 &&
        rightHessian > 0 &&
        (!withCounts || (leftCount >= minSamplesLeaf && count - leftCount >= minSamplesLeaf))
      ) {
        const rightGradient = gradientSum - leftGradient;
        const gain =
          0.5 *
          ((leftGradient * leftGradient) / (leftHessian + lambda) +
            (rightGradient * rightGradient) / (rightHessian + lambda) -
            parentScore);
        if (gain > bestGain) {
          bestGain = gain;
          best[bestGainSlot] = gain;
          best[bestFeatureSlot] = feature;
          best[bestBinSlot] = bin;
          best[bestMissingLeftSlot] = 0;
          best[bestLeftGradientSlot] = leftGradient;
          best[bestLeftHessianSlot] = leftHessian;
          best[bestLeftCountSlot] = leftCount;
        }
      }
      if (hasMissing && bin < bins - 1) {
        // Missing values go left.
        const withMissingGradient = leftGradient + missingGradient;
        const withMissingHessian = leftHessian + missingHessian;
        const withMissingCount = leftCount + missingCount;
        rightHessian = hessianSum - withMissingHessian;
        if (
          withMissingHessian >= minChildWeight &&
          rightHessian >= minChildWeight &&
          rightHessian > 0 &&
          (!withCounts || (withMissingCount >= minSamplesLeaf && count - withMissingCount >= minSamplesLeaf))
        ) {
          const rightGradient = gradientSum - withMissingGradient;
          const gain =
            0.5 *
            ((withMissingGradient * withMissingGradient) / (withMissingHessian + lambda) +
              (rightGradient * rightGradient) / (rightHessian + lambda) -
              parentScore);
          if (gain > bestGain) {
            bestGain = gain;
            best[bestGainSlot] = gain;
            best[bestFeatureSlot] = feature;
            best[bestBinSlot] = bin;
            best[bestMissingLeftSlot] = 1;
            best[bestLeftGradientSlot] = withMissingGradient;
            best[bestLeftHessianSlot] = withMissingHessian;
            best[bestLeftCountSlot] = withMissingCount;
          }
        }
      }
    }
  }
}
