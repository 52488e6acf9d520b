import {
  collectThresholdCuts,
  countCutsBelow,
  cutIndexOf,
  goesRight,
  maxCutsPerFeature,
  packSplit,
  type ThresholdCuts,
} from './threshold-cuts';
import type { TreeEnsemble } from './tree-ensemble';
import { leafShapleyValues } from './tree-shap';

/**
 * A subtree is explained from one table when the bits of its index fit this budget: the distinct
 * features above it plus the splits inside it. 2^6 rows of at most 7 numbers keep a table ≤ 3.5 KB.
 */
const maxTableBits = 6;

/**
 * Precomputed TreeSHAP over "units": subtrees small enough to tabulate (a leaf is the smallest).
 *
 * A leaf's Shapley values depend on the row only through which of its path's distinct features
 * have every condition on the path satisfied by the row — a bit pattern. For a unit, the sum over
 * its leaves therefore depends only on the pattern of the features above the unit's root and on
 * the directions the row takes at the splits inside the unit. Each unit's table holds, for every
 * (directions, pattern) index, the summed contributions of its leaves per feature of the unit, and
 * the value of the leaf the row reaches when it reaches the unit (0 otherwise).
 *
 * Explaining a row: bin it once against the model's {@link ThresholdCuts}; walk the splits above
 * the units in pre-order (parents before children), handing each child its parent's pattern with
 * the split's feature bit cleared on the side the row does not take (integer arithmetic, no
 * branches); then, per unit, compute the directions at its inner splits and add one table row.
 * Exact: the tables hold sums of the values {@link addTreeShap} computes.
 */
export interface TreeShapTables {
  readonly cuts: ThresholdCuts;
  /** Per propagating split (pre-order): its node index. Its left child is the next node. */
  readonly splitNode: Int32Array;
  /** Per propagating split: the packed split (see `packSplit`). */
  readonly splitWord: Int32Array;
  /** Per propagating split: its right child's node index. */
  readonly splitRight: Int32Array;
  /** Per propagating split: `1 << position` of its feature among the distinct features above. */
  readonly splitBit: Int32Array;
  /** Per unit (pre-order): its root node, whose pattern it reads. */
  readonly unitNode: Int32Array;
  /** Per unit: the number of distinct features above its root (the pattern's bits). */
  readonly unitPatternBits: Uint8Array;
  /** Per unit: its first inner split in `innerWord`; the next unit's is the end. */
  readonly innerStart: Int32Array;
  /** Packed inner splits of every unit, in pre-order. */
  readonly innerWord: Int32Array;
  /** Per unit: its first feature in `unitFeature`; the next unit's is the end. */
  readonly featureStart: Int32Array;
  /** The features of each unit's table columns. */
  readonly unitFeature: Int32Array;
  /** Per unit: the offset of its table, −1 for a leaf whose path is too long to tabulate. */
  readonly tableOffset: Int32Array;
  /** Rows of `1 + features` numbers: the reached leaf's value, then the contributions. */
  readonly table: Float64Array;
  /** Per unit: the cover fraction of each of its features (leaves without a table only). */
  readonly unitZero: Float64Array;
}

interface PathStep {
  readonly node: number;
  readonly wentLeft: boolean;
}

/**
 * Builds the {@link TreeShapTables} of an ensemble (once per model, lazily); `null` when the packing
 * does not fit (more than 256 features or 65,534 distinct thresholds on one feature).
 */
export function buildTreeShapTables(ensemble: TreeEnsemble): TreeShapTables | null {
  const { feature, threshold, missingLeft, right, cover, value } = ensemble;
  const nFeatures = ensemble.featureNames.length;
  if (nFeatures > 256) return null;
  const cuts = collectThresholdCuts(feature, threshold, nFeatures);
  if (cuts.some((values) => values.length > maxCutsPerFeature)) return null;
  const packed = (node: number): number =>
    packSplit(feature[node]!, cutIndexOf(cuts[feature[node]!]!, threshold[node]!), missingLeft[node] === 1);
  const splitCounts = new Int32Array(feature.length);
  for (let node = feature.length - 1; node >= 0; node -= 1) {
    if (feature[node]! >= 0) splitCounts[node] = 1 + splitCounts[node + 1]! + splitCounts[right[node]!]!;
  }

  const splitNode: number[] = [];
  const splitWord: number[] = [];
  const splitRight: number[] = [];
  const splitBit: number[] = [];
  const unitNode: number[] = [];
  const unitPatternBits: number[] = [];
  const innerStart: number[] = [];
  const innerWord: number[] = [];
  const featureStart: number[] = [];
  const unitFeature: number[] = [];
  const unitZero: number[] = [];
  const tableOffset: number[] = [];
  const table: number[] = [];
  const path: PathStep[] = [];
  const zero = new Float64Array(64);
  const one = new Uint8Array(64);
  const positions = new Int32Array(64);

  /** Distinct features of a path, in order of first appearance, with their cover fractions. */
  const distinctOf = (steps: readonly PathStep[]): { features: number[]; fractions: number[] } => {
    const features: number[] = [];
    const fractions: number[] = [];
    for (const { node, wentLeft } of steps) {
      const child = wentLeft ? node + 1 : right[node]!;
      let position = features.indexOf(feature[node]!);
      if (position < 0) {
        position = features.length;
        features.push(feature[node]!);
        fractions.push(1);
      }
      fractions[position]! *= cover[child]! / cover[node]!;
    }
    return { features, fractions };
  };

  const addUnit = (root: number, above: readonly number[]): void => {
    const bits = above.length;
    unitNode.push(root);
    unitPatternBits.push(bits);
    innerStart.push(innerWord.length);
    featureStart.push(unitFeature.length);
    // The unit's leaves with the inner part of their paths, and its inner splits in pre-order.
    const inner: number[] = [];
    const leaves: { node: number; steps: PathStep[] }[] = [];
    const collect = (node: number, steps: PathStep[]): void => {
      if (feature[node]! < 0) {
        leaves.push({ node, steps: [...steps] });
        return;
      }
      inner.push(node);
      collect(node + 1, [...steps, { node, wentLeft: true }]);
      collect(right[node]!, [...steps, { node, wentLeft: false }]);
    };
    collect(root, []);
    for (const node of inner) innerWord.push(packed(node));
    const columns = [...above];
    for (const node of inner) if (!columns.includes(feature[node]!)) columns.push(feature[node]!);
    const width = columns.length;
    if (leaves.length === 1 && bits > maxTableBits) {
      // A leaf too deep to tabulate: explained on the fly from its features' cover fractions.
      const { features, fractions } = distinctOf(path);
      unitFeature.push(...features);
      unitZero.push(...fractions);
      tableOffset.push(-1);
      return;
    }
    unitFeature.push(...columns);
    for (let column = 0; column < width; column += 1) unitZero.push(0);
    tableOffset.push(table.length);
    const innerIndex = new Map(inner.map((node, index) => [node, index]));
    // What does not depend on the table index, once per leaf: its table columns, each inner step's
    // direction bit and feature position, and its Shapley values for each pattern of its own.
    const prepared = leaves.map((leaf) => {
      const { features, fractions } = distinctOf([...path, ...leaf.steps]);
      const length = features.length;
      const shapley = new Float64Array(length << length);
      for (let position = 0; position < length; position += 1) {
        zero[position] = fractions[position]!;
        positions[position] = position;
      }
      for (let own = 0; own < 1 << length; own += 1) {
        for (let position = 0; position < length; position += 1) one[position] = (own >> position) & 1;
        leafShapleyValues(value[leaf.node]!, length, positions, zero, one, shapley.subarray(own * length));
      }
      return {
        value: value[leaf.node]!,
        length,
        shapley,
        columnOf: features.map((distinct) => 1 + columns.indexOf(distinct)),
        stepBit: leaf.steps.map(({ node }) => innerIndex.get(node)!),
        stepWentRight: leaf.steps.map(({ wentLeft }) => (wentLeft ? 0 : 1)),
        stepPosition: leaf.steps.map(({ node }) => features.indexOf(feature[node]!)),
      };
    });
    const row = new Float64Array(1 + width);
    for (let directions = 0; directions < 1 << inner.length; directions += 1) {
      for (let pattern = 0; pattern < 1 << bits; pattern += 1) {
        row.fill(0);
        for (const leaf of prepared) {
          const { length } = leaf;
          // The leaf's own pattern: the bits above the unit, the features new inside it set, then
          // cleared for every inner step the directions do not take.
          let own = pattern | (((1 << length) - 1) & ~((1 << bits) - 1));
          for (let step = 0; step < leaf.stepBit.length; step += 1) {
            if (((directions >> leaf.stepBit[step]!) & 1) !== leaf.stepWentRight[step]) {
              own &= ~(1 << leaf.stepPosition[step]!);
            }
          }
          const at = own * length;
          for (let position = 0; position < length; position += 1) {
            row[leaf.columnOf[position]!]! += leaf.shapley[at + position]!;
          }
          if (own === (1 << length) - 1) row[0] = leaf.value;
        }
        for (let index = 0; index <= width; index += 1) table.push(row[index]!);
      }
    }
  };

  const walk = (node: number, above: readonly number[]): void => {
    if (feature[node]! < 0 || above.length + splitCounts[node]! <= maxTableBits) {
      addUnit(node, above);
      return;
    }
    const split = feature[node]!;
    let position = above.indexOf(split);
    const below = position < 0 ? [...above, split] : above;
    if (position < 0) position = above.length;
    splitNode.push(node);
    splitWord.push(packed(node));
    splitRight.push(right[node]!);
    splitBit.push(1 << position);
    path.push({ node, wentLeft: true });
    walk(node + 1, below);
    path[path.length - 1] = { node, wentLeft: false };
    walk(right[node]!, below);
    path.pop();
  };
  for (let tree = 0; tree + 1 < ensemble.treeStarts.length; tree += 1) walk(ensemble.treeStarts[tree]!, []);
  innerStart.push(innerWord.length);
  featureStart.push(unitFeature.length);
  return {
    cuts,
    splitNode: Int32Array.from(splitNode),
    splitWord: Int32Array.from(splitWord),
    splitRight: Int32Array.from(splitRight),
    splitBit: Int32Array.from(splitBit),
    unitNode: Int32Array.from(unitNode),
    unitPatternBits: Uint8Array.from(unitPatternBits),
    innerStart: Int32Array.from(innerStart),
    innerWord: Int32Array.from(innerWord),
    featureStart: Int32Array.from(featureStart),
    unitFeature: Int32Array.from(unitFeature),
    tableOffset: Int32Array.from(tableOffset),
    table: Float64Array.from(table),
    unitZero: Float64Array.from(unitZero),
  };
}

/** Scratch space of {@link addTabulatedTreeShap}, allocated once per model. */
export interface TreeShapScratch {
  /** Per node: the pattern handed down to it. */
  readonly patterns: Int32Array;
  /** Per feature: the row's cut index. */
  readonly cutIndex: Int32Array;
  readonly features: Int32Array;
  readonly zero: Float64Array;
  readonly one: Uint8Array;
}

/** Allocates the {@link TreeShapScratch} of an ensemble. */
export function createTreeShapScratch(ensemble: TreeEnsemble): TreeShapScratch {
  return {
    patterns: new Int32Array(ensemble.feature.length),
    cutIndex: new Int32Array(ensemble.featureNames.length),
    features: new Int32Array(64),
    zero: new Float64Array(64),
    one: new Uint8Array(64),
  };
}

/**
 * Adds the exact TreeSHAP contributions of one row into `contributions` (one slot per feature,
 * zeroed by the caller) and returns the row's raw score: `baseScore` plus the leaf it reaches in
 * each tree, summed in tree order (as batch prediction does).
 */
export function addTabulatedTreeShap(
  ensemble: TreeEnsemble,
  tables: TreeShapTables,
  scratch: TreeShapScratch,
  row: ArrayLike<number>,
  contributions: Float64Array,
  baseScore: number,
): number {
  const { treeStarts, value } = ensemble;
  const { cuts, splitNode, splitWord, splitRight, splitBit, unitNode, unitPatternBits } = tables;
  const { innerStart, innerWord, featureStart, unitFeature, tableOffset, table } = tables;
  const { patterns, cutIndex } = scratch;
  for (let feature = 0; feature < cutIndex.length; feature += 1) {
    cutIndex[feature] = countCutsBelow(cuts[feature]!, row[feature]!);
  }
  // Every bit starts set (every condition satisfied) at each tree's root.
  for (let tree = 0; tree + 1 < treeStarts.length; tree += 1) patterns[treeStarts[tree]!] = -1;
  for (let split = 0; split < splitNode.length; split += 1) {
    const node = splitNode[split]!;
    const word = splitWord[split]!;
    const pattern = patterns[node]!;
    // All ones when the row goes right: then the left child loses the bit, else the right one.
    const right = -goesRight(word, cutIndex[word & 255]!);
    const bit = splitBit[split]!;
    patterns[node + 1] = pattern & ~(bit & right);
    patterns[splitRight[split]!] = pattern & ~(bit & ~right);
  }
  let leafSum = baseScore;
  for (let unit = 0; unit < unitNode.length; unit += 1) {
    const bits = unitPatternBits[unit]!;
    const pattern = patterns[unitNode[unit]!]! & ((1 << bits) - 1);
    const first = featureStart[unit]!;
    const width = featureStart[unit + 1]! - first;
    const offset = tableOffset[unit]!;
    if (offset < 0) {
      leafSum += explainDeepLeaf(tables, scratch, unit, pattern, value[unitNode[unit]!]!, contributions);
      continue;
    }
    let directions = 0;
    const innerEnd = innerStart[unit + 1]!;
    for (let inner = innerStart[unit]!, shift = 0; inner < innerEnd; inner += 1, shift += 1) {
      const word = innerWord[inner]!;
      directions |= goesRight(word, cutIndex[word & 255]!) << shift;
    }
    const at = offset + ((directions << bits) | pattern) * (width + 1);
    leafSum += table[at]!;
    for (let column = 0; column < width; column += 1) {
      contributions[unitFeature[first + column]!]! += table[at + 1 + column]!;
    }
  }
  return leafSum;
}

/** A leaf without a table: its Shapley values computed now; returns its value when reached, else 0. */
function explainDeepLeaf(
  tables: TreeShapTables,
  scratch: TreeShapScratch,
  unit: number,
  pattern: number,
  leafValue: number,
  contributions: Float64Array,
): number {
  const { features, zero, one } = scratch;
  const first = tables.featureStart[unit]!;
  const length = tables.featureStart[unit + 1]! - first;
  for (let index = 0; index < length; index += 1) {
    features[index] = tables.unitFeature[first + index]!;
    zero[index] = tables.unitZero[first + index]!;
    one[index] = (pattern >> index) & 1;
  }
  leafShapleyValues(leafValue, length, features, zero, one, contributions);
  return pattern === (1 << length) - 1 ? leafValue : 0;
}
