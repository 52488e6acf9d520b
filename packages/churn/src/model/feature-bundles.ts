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
  /** Slots past `slotCount` used by bundle codes. */
  readonly extraSlots: number;
  /** Per extra slot (bundle code), its first target in `targets`; the next one's is the end. */
  readonly targetStart: Int32Array;
  /** The feature slots each bundle code's sums are added to (one per member). */
  readonly targets: Int32Array;
  /** Additions one expansion costs (gradient and hessian counted once). */
  readonly expansionCost: number;
  /** Per bundle, its first member in the member arrays; the next one's is the end. */
  readonly memberStart: Int32Array;
  /** Member features, bundle after bundle (lowest digit first). */
  readonly memberFeatures: Int32Array;
  /** Per member, its feature's first slot. */
  readonly memberOffsets: Int32Array;
  /** Per member, the weight of its digit in the bundle's code. */
  readonly memberRadixes: Int32Array;
  /** Per bundle, its first code's slot (past `slotCount`), or −1 for a feature alone. */
  readonly bundleBase: Int32Array;
}

/**
 * Plans bundles greedily (features with the most states first; a bundle takes the next feature while
 * the product of its members' state counts stays within `maxCodes`). A feature's states are its value
 * bins, plus its missing slot when some row misses it (`hasMissing`).
 *
 * @param binCounts - value bins per feature
 * @param slotOffsets - each feature's first histogram slot; its missing slot is `offset + bins`
 * @param slotCount - histogram slots of all features
 * @param maxCodes - at most this many codes per bundle (≤ 65,536 − slotCount)
 */
export function planFeatureBundles(
  hasMissing: Uint8Array,
  binCounts: Uint16Array,
  slotOffsets: Int32Array,
  slotCount: number,
  maxCodes: number,
): FeatureBundles {
  const nFeatures = binCounts.length;
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
  const targetStart: number[] = [];
  const targets: number[] = [];
  const memberStart = new Int32Array(count + 1);
  const members = groups.flat();
  const memberRadixes = new Int32Array(members.length);
  const bundleBase = new Int32Array(count).fill(-1);
  let extraSlots = 0;
  for (let group = 0, at = 0; group < count; group += 1) {
    const features = groups[group]!;
    memberStart[group] = at;
    memberStart[group + 1] = at + features.length;
    // Mixed radix: the first member is the lowest digit. A state is bin b (0 … bins − 1) or, last,
    // missing; the slot of state s of feature f is offset + s either way.
    for (let radix = 1; at < memberStart[group + 1]!; at += 1) {
      memberRadixes[at] = radix;
      radix *= states[members[at]!]!;
    }
    if (features.length === 1) continue;
    bundleBase[group] = slotCount + extraSlots;
    let groupCodes = 1;
    for (const feature of features) groupCodes *= states[feature]!;
    for (let code = 0; code < groupCodes; code += 1) {
      targetStart.push(targets.length);
      let rest = code;
      for (const feature of features) {
        targets.push(slotOffsets[feature]! + (rest % states[feature]!));
        rest = Math.floor(rest / states[feature]!);
      }
    }
    extraSlots += groupCodes;
  }
  targetStart.push(targets.length);
  return {
    count,
    extraSlots,
    targetStart: Int32Array.from(targetStart),
    targets: Int32Array.from(targets),
    expansionCost: targets.length * 2,
    memberStart,
    memberFeatures: Int32Array.from(members),
    memberOffsets: Int32Array.from(members, (feature) => slotOffsets[feature]!),
    memberRadixes,
    bundleBase,
  };
}

/**
 * Codes rows `[from, to)`: `codes` is row-major, `nRows × bundles.count`, the histogram slot each row
 * adds to for each bundle — a feature slot for a feature alone, a slot past `slotCount` for a code of
 * a real bundle. Rows are independent, so threads may code their own ranges.
 *
 * @param binned - row-major histogram slots, `nRows × nFeatures` (see `binRowRange`)
 */
export function codeBundleRows(
  bundles: FeatureBundles,
  binned: Uint16Array,
  nFeatures: number,
  from: number,
  to: number,
  codes: Uint16Array,
): void {
  const { count, memberStart, memberFeatures, memberOffsets, memberRadixes, bundleBase } = bundles;
  for (let group = 0; group < count; group += 1) {
    const first = memberStart[group]!;
    const last = memberStart[group + 1]!;
    const base = bundleBase[group]!;
    if (base < 0) {
      const feature = memberFeatures[first]!;
      for (let row = from; row < to; row += 1)
        codes[row * count + group] = binned[row * nFeatures + feature]!;
      continue;
    }
    for (let row = from; row < to; row += 1) {
      let code = base;
      for (let member = first; member < last; member += 1) {
        code +=
          (binned[row * nFeatures + memberFeatures[member]!]! - memberOffsets[member]!) *
          memberRadixes[member]!;
      }
      codes[row * count + group] = code;
    }
  }
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
