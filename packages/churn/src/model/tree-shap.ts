import type { TreeEnsemble } from './tree-ensemble';

/** Shapley weights k!(d − 1 − k)!/d! for d = 1 … 64 (a path has at most 12 distinct features). */
const shapleyWeights: Float64Array[] = (() => {
  const factorial = [1];
  for (let n = 1; n <= 65; n += 1) factorial.push(factorial[n - 1]! * n);
  const table: Float64Array[] = [new Float64Array(0)];
  for (let d = 1; d <= 64; d += 1) {
    const row = new Float64Array(d);
    for (let k = 0; k < d; k += 1) row[k] = (factorial[k]! * factorial[d - 1 - k]!) / factorial[d]!;
    table.push(row);
  }
  return table;
})();

/**
 * The expected raw score of each tree under the training distribution the covers describe:
 * Σ over leaves of value × Π cover(child) / cover(parent) along the path. Their sum plus the base
 * score is the bias of every explanation.
 */
export function expectedTreeValues(ensemble: TreeEnsemble): Float64Array {
  const nTrees = ensemble.treeStarts.length - 1;
  const expected = new Float64Array(nTrees);
  const walk = (node: number, weight: number): number => {
    if (ensemble.feature[node]! < 0) return weight * ensemble.value[node]!;
    const cover = ensemble.cover[node]!;
    const left = node + 1;
    const right = ensemble.right[node]!;
    return (
      walk(left, (weight * ensemble.cover[left]!) / cover) +
      walk(right, (weight * ensemble.cover[right]!) / cover)
    );
  };
  for (let tree = 0; tree < nTrees; tree += 1) expected[tree] = walk(ensemble.treeStarts[tree]!, 1);
  return expected;
}

/**
 * Exact path-dependent TreeSHAP (Lundberg et al. 2020, algorithm 2) for one row, added into
 * `contributions` (one slot per feature). For each leaf, with the unique features on its path, the
 * leaf's game is v(S) = value × Π_{j ∈ S} o_j × Π_{j ∉ S} z_j, where o_j is 1 when the row satisfies
 * every condition on feature j along the path and z_j the product of the cover fractions of those
 * edges. Its Shapley values come from the polynomial Q(t) = Π_j (z_j + o_j t): feature i gets
 * value × (o_i − z_i) × Σ_k [t^k](Q / (z_i + o_i t)) × k!(d − 1 − k)!/d!. Summed over leaves and
 * trees, contributions plus the bias equal the raw score (local accuracy).
 */
export function addTreeShap(
  ensemble: TreeEnsemble,
  row: ArrayLike<number>,
  contributions: Float64Array,
): void {
  const nTrees = ensemble.treeStarts.length - 1;
  const pathFeature = new Int32Array(64);
  const pathZero = new Float64Array(64);
  const pathOne = new Uint8Array(64);
  const { feature: nodeFeature, threshold, missingLeft, right, cover, value } = ensemble;

  const atLeaf = (leafValue: number, length: number): void =>
    leafShapleyValues(leafValue, length, pathFeature, pathZero, pathOne, contributions);

  const walk = (node: number, length: number): void => {
    const split = nodeFeature[node]!;
    if (split < 0) {
      atLeaf(value[node]!, length);
      return;
    }
    const x = row[split]!;
    const goesLeft = Number.isNaN(x) ? missingLeft[node] === 1 : x <= threshold[node]!;
    const parentCover = cover[node]!;
    let existing = -1;
    for (let index = 0; index < length; index += 1) {
      if (pathFeature[index] === split) {
        existing = index;
        break;
      }
    }
    for (let side = 0; side < 2; side += 1) {
      const child = side === 0 ? node + 1 : right[node]!;
      const fraction = cover[child]! / parentCover;
      const satisfied = (side === 0) === goesLeft ? 1 : 0;
      if (existing >= 0) {
        const savedZero = pathZero[existing]!;
        const savedOne = pathOne[existing]!;
        pathZero[existing] = savedZero * fraction;
        pathOne[existing] = savedOne & satisfied;
        walk(child, length);
        pathZero[existing] = savedZero;
        pathOne[existing] = savedOne;
      } else {
        pathFeature[length] = split;
        pathZero[length] = fraction;
        pathOne[length] = satisfied;
        walk(child, length + 1);
      }
    }
  };

  for (let tree = 0; tree < nTrees; tree += 1) walk(ensemble.treeStarts[tree]!, 0);
}

const polynomial = new Float64Array(66);
const quotient = new Float64Array(66);

/**
 * Shapley values of one leaf's game v(S) = value × Π_{j ∈ S} o_j × Π_{j ∉ S} z_j over its `length`
 * distinct path features, added into `contributions[features[k]]`. See {@link addTreeShap}.
 */
export function leafShapleyValues(
  leafValue: number,
  length: number,
  features: Int32Array,
  zeroFractions: Float64Array,
  ones: Uint8Array,
  contributions: Float64Array,
): void {
  polynomial[0] = 1;
  for (let degree = 1; degree <= length; degree += 1) polynomial[degree] = 0;
  for (let index = 0; index < length; index += 1) {
    const zero = zeroFractions[index]!;
    const one = ones[index]!;
    for (let degree = index + 1; degree >= 1; degree -= 1) {
      polynomial[degree] = polynomial[degree]! * zero + polynomial[degree - 1]! * one;
    }
    polynomial[0] = polynomial[0]! * zero;
  }
  const weights = shapleyWeights[length]!;
  for (let index = 0; index < length; index += 1) {
    const zero = zeroFractions[index]!;
    const one = ones[index]!;
    let sum = 0;
    if (one === 1) {
      let carry = polynomial[length]!;
      for (let degree = length - 1; degree >= 0; degree -= 1) {
        quotient[degree] = carry;
        carry = polynomial[degree]! - zero * carry;
      }
    } else {
      for (let degree = 0; degree < length; degree += 1) quotient[degree] = polynomial[degree]! / zero;
    }
    for (let degree = 0; degree < length; degree += 1) sum += quotient[degree]! * weights[degree]!;
    contributions[features[index]!]! += leafValue * (one - zero) * sum;
  }
}
