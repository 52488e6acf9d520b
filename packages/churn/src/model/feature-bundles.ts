/**
 * Bundles of low-cardinality features for histogram building. Every row adds its gradient and
 * hessian once per feature to a histogram; when features have few values (binary flags, small
 * counts), several of them can share one "bundle code" — the mixed-radix number of their states —
 * so a row adds once per bundle instead. The bundle's histogram over codes is then expanded into the
 * per-feature histograms (each code's sums go to the slot of each member's state). Expanding costs
 * `codes × members` additions per node, so bundles pay off on nodes with many rows.
 *
 * A feature alone in its bundle keeps its histogram slots as codes, so its histogram is filled in
 * place and needs no expansion.
 */
export interface FeatureBundles {
  /** Number of bundles (≤ number of features). */
  readonly count: number;
  /**
   * Row-major codes, `nRows × count`: the histogram slot each row adds to for each bundle — a
   * feature slot for single-feature bundles, a slot past `slotCount` for a code of a real bundle.
   */
  readonly codes: Uint16Array;
  /** Slots past `slotCount` used by bundle codes. */
  readonly extraSlots: number;
  /** Per extra slot (bundle code), its first target in `targets`; the next one's is the end. */
  readonly targetStart: Int32Array;
  /** The feature slots each bundle code's sums are added to (one per member). */
  readonly targets: Int32Array;
  /** Additions one expansion costs (gradient and hessian counted once). */
  readonly expansionCost: number;
}

/**
 * Plans bundles greedily (features with the most states first; a bundle takes the next feature while
 * the product of its members' state counts stays within `maxCodes`) and codes every row.
 *
 * @param binned - row-major histogram slots, `nRows × nFeatures` (see `binFeatureMatrix`)
 * @param binCounts - value bins per feature
 * @param slotOffsets - each feature's first histogram slot; its missing slot is `offset + bins`
 * @param slotCount - histogram slots of all features
 * @param maxCodes - at most this many codes per bundle (≤ 65,536 − slotCount)
 */
export function bundleFeatures(
  binned: Uint16Array,
  nRows: number,
  nFeatures: number,
  binCounts: Uint16Array,
  slotOffsets: Int32Array,
  slotCount: number,
  maxCodes: number,
): FeatureBundles {
  // A feature's states: its value bins, plus the missing slot when some row is missing.
  const hasMissing = new Uint8Array(nFeatures);
  for (let at = 0; at < binned.length; at += 1) {
    const feature = at % nFeatures;
    if (binned[at] === slotOffsets[feature]! + binCounts[feature]!) hasMissing[feature] = 1;
  }
  const states = Array.from(
    { length: nFeatures },
    (_, feature) => binCounts[feature]! + hasMissing[feature]!,
  );
  const order = Array.from({ length: nFeatures }, (_, feature) => feature).sort(
    (left, right) => states[right]! - states[left]! || left - right,
  );
  const groups: number[][] = [];
  let current: number[] = [];
  let product = 1;
  for (const feature of order) {
    if (current.length > 0 && product * states[feature]! > maxCodes) {
      groups.push(current);
      current = [];
      product = 1;
    }
    current.push(feature);
    product *= states[feature]!;
  }
  groups.push(current);

  const count = groups.length;
  const codes = new Uint16Array(nRows * count);
  const targetStart: number[] = [];
  const targets: number[] = [];
  let extraSlots = 0;
  for (let group = 0; group < count; group += 1) {
    const members = groups[group]!;
    if (members.length === 1) {
      const feature = members[0]!;
      for (let row = 0; row < nRows; row += 1)
        codes[row * count + group] = binned[row * nFeatures + feature]!;
      continue;
    }
    // Mixed radix: the first member is the lowest digit. A state is bin b (0 … bins − 1) or, last,
    // missing; the slot of state s of feature f is offset + s either way.
    const base = slotCount + extraSlots;
    for (let row = 0; row < nRows; row += 1) {
      let code = 0;
      let radix = 1;
      for (const feature of members) {
        code += (binned[row * nFeatures + feature]! - slotOffsets[feature]!) * radix;
        radix *= states[feature]!;
      }
      codes[row * count + group] = base + code;
    }
    let groupCodes = 1;
    for (const feature of members) groupCodes *= states[feature]!;
    for (let code = 0; code < groupCodes; code += 1) {
      targetStart.push(targets.length);
      let rest = code;
      for (const feature of members) {
        targets.push(slotOffsets[feature]! + (rest % states[feature]!));
        rest = Math.floor(rest / states[feature]!);
      }
    }
    extraSlots += groupCodes;
  }
  targetStart.push(targets.length);
  return {
    count,
    codes,
    extraSlots,
    targetStart: Int32Array.from(targetStart),
    targets: Int32Array.from(targets),
    expansionCost: targets.length * 2,
  };
}

/**
 * Adds the bundle codes' gradient/hessian sums (stored past `slotCount`, two numbers per slot) into
 * the member features' slots.
 */
export function expandBundles(histogram: Float64Array, bundles: FeatureBundles, slotCount: number): void {
  const { extraSlots, targetStart, targets } = bundles;
  for (let code = 0; code < extraSlots; code += 1) {
    const from = 2 * (slotCount + code);
    const gradient = histogram[from]!;
    const hessian = histogram[from + 1]!;
    if (hessian === 0) continue;
    const end = targetStart[code + 1]!;
    for (let target = targetStart[code]!; target < end; target += 1) {
      const at = 2 * targets[target]!;
      histogram[at]! += gradient;
      histogram[at + 1]! += hessian;
    }
  }
}
