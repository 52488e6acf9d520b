import type { TreeEnsemble } from './tree-ensemble';
import { leafShapleyValues } from './tree-shap';

/** Leaves with more distinct features on their path than this are explained without a table. */
const maxTabulatedFeatures = 6;

/**
 * Precomputed TreeSHAP: for every leaf, its path (nodes and directions), the distinct features on
 * it, and — since a leaf's Shapley values depend on the row only through which of those features'
 * conditions the row satisfies — a table of the contributions for each of the 2^d satisfaction
 * patterns. Explaining a row is then: evaluate each split once, read one table row per leaf.
 * This is exact: the table holds the same values {@link addTreeShap} computes.
 */
export interface TreeShapTables {
  readonly leafNodes: Int32Array;
  readonly pathStart: Int32Array;
  readonly pathNode: Int32Array;
  readonly pathWentLeft: Uint8Array;
  readonly pathPosition: Uint8Array;
  readonly uniqueStart: Int32Array;
  readonly uniqueCount: Uint8Array;
  readonly uniqueFeature: Int32Array;
  /** Cover fraction of each distinct feature's edges (for leaves without a table). */
  readonly uniqueZero: Float64Array;
  /** Offset of each leaf's table, −1 when the path is too long to tabulate. */
  readonly tableOffset: Int32Array;
  readonly table: Float64Array;
}

const scratchOne = new Uint8Array(64);
const scratchFeatures = new Int32Array(64);
const scratchZero = new Float64Array(64);

/** Builds the {@link TreeShapTables} of an ensemble (once per model, lazily). */
export function buildTreeShapTables(ensemble: TreeEnsemble): TreeShapTables {
  const { feature, right, cover, value } = ensemble;
  const leafNodes: number[] = [];
  const pathStart: number[] = [];
  const pathNode: number[] = [];
  const pathWentLeft: number[] = [];
  const pathPosition: number[] = [];
  const uniqueStart: number[] = [];
  const uniqueCount: number[] = [];
  const uniqueFeature: number[] = [];
  const uniqueZero: number[] = [];
  const tableOffset: number[] = [];
  const table: number[] = [];
  const stackNode: number[] = [];
  const stackLeft: number[] = [];
  const zero = new Float64Array(64);
  const one = new Uint8Array(64);
  const features = new Int32Array(64);
  const scratch = new Float64Array(64);

  const walk = (node: number): void => {
    if (feature[node]! < 0) {
      leafNodes.push(node);
      pathStart.push(pathNode.length);
      uniqueStart.push(uniqueFeature.length);
      const distinct: number[] = [];
      const fractions: number[] = [];
      for (let index = 0; index < stackNode.length; index += 1) {
        const parent = stackNode[index]!;
        const child = stackLeft[index] === 1 ? parent + 1 : right[parent]!;
        const fraction = cover[child]! / cover[parent]!;
        let position = distinct.indexOf(feature[parent]!);
        if (position < 0) {
          position = distinct.length;
          distinct.push(feature[parent]!);
          fractions.push(1);
        }
        fractions[position]! *= fraction;
        pathNode.push(parent);
        pathWentLeft.push(stackLeft[index]!);
        pathPosition.push(position);
      }
      uniqueCount.push(distinct.length);
      uniqueFeature.push(...distinct);
      uniqueZero.push(...fractions);
      const length = distinct.length;
      if (length > maxTabulatedFeatures) {
        tableOffset.push(-1);
        return;
      }
      tableOffset.push(table.length);
      for (let index = 0; index < length; index += 1) {
        zero[index] = fractions[index]!;
        features[index] = index;
      }
      for (let pattern = 0; pattern < 1 << length; pattern += 1) {
        for (let index = 0; index < length; index += 1) one[index] = (pattern >> index) & 1;
        scratch.fill(0, 0, length);
        leafShapleyValues(value[node]!, length, features, zero, one, scratch);
        for (let index = 0; index < length; index += 1) table.push(scratch[index]!);
      }
      return;
    }
    stackNode.push(node);
    stackLeft.push(1);
    walk(node + 1);
    stackLeft[stackLeft.length - 1] = 0;
    walk(right[node]!);
    stackNode.pop();
    stackLeft.pop();
  };
  for (let tree = 0; tree + 1 < ensemble.treeStarts.length; tree += 1) walk(ensemble.treeStarts[tree]!);
  pathStart.push(pathNode.length);
  return {
    leafNodes: Int32Array.from(leafNodes),
    pathStart: Int32Array.from(pathStart),
    pathNode: Int32Array.from(pathNode),
    pathWentLeft: Uint8Array.from(pathWentLeft),
    pathPosition: Uint8Array.from(pathPosition),
    uniqueStart: Int32Array.from(uniqueStart),
    uniqueCount: Uint8Array.from(uniqueCount),
    uniqueFeature: Int32Array.from(uniqueFeature),
    uniqueZero: Float64Array.from(uniqueZero),
    tableOffset: Int32Array.from(tableOffset),
    table: Float64Array.from(table),
  };
}

/**
 * Adds the exact TreeSHAP contributions of one row into `contributions`, using the tables, and
 * returns the row's raw score: `baseScore` plus the leaf it reaches in each tree, summed in tree
 * order (as batch prediction does).
 */
export function addTabulatedTreeShap(
  ensemble: TreeEnsemble,
  tables: TreeShapTables,
  row: ArrayLike<number>,
  contributions: Float64Array,
  goesLeft: Uint8Array,
  baseScore: number,
): number {
  const { feature, threshold, missingLeft } = ensemble;
  for (let node = 0; node < feature.length; node += 1) {
    const split = feature[node]!;
    if (split < 0) continue;
    const x = row[split]!;
    goesLeft[node] = (Number.isNaN(x) ? missingLeft[node] === 1 : x <= threshold[node]!) ? 1 : 0;
  }
  const { leafNodes, pathStart, pathNode, pathWentLeft, pathPosition, uniqueStart, uniqueCount } = tables;
  const { uniqueFeature, tableOffset, table } = tables;
  const one = scratchOne;
  const features = scratchFeatures;
  const zero = scratchZero;
  let leafSum = baseScore;
  for (let leaf = 0; leaf < leafNodes.length; leaf += 1) {
    const length = uniqueCount[leaf]!;
    let pattern = (1 << length) - 1;
    const end = pathStart[leaf + 1]!;
    for (let step = pathStart[leaf]!; step < end; step += 1) {
      if (goesLeft[pathNode[step]!] !== pathWentLeft[step]) pattern &= ~(1 << pathPosition[step]!);
    }
    const first = uniqueStart[leaf]!;
    if (pattern === (1 << length) - 1) leafSum += ensemble.value[leafNodes[leaf]!]!;
    const offset = tableOffset[leaf]!;
    if (offset >= 0) {
      const at = offset + pattern * length;
      for (let index = 0; index < length; index += 1) {
        contributions[uniqueFeature[first + index]!]! += table[at + index]!;
      }
    } else {
      for (let index = 0; index < length; index += 1) {
        features[index] = uniqueFeature[first + index]!;
        zero[index] = tables.uniqueZero[first + index]!;
        one[index] = (pattern >> index) & 1;
      }
      leafShapleyValues(ensemble.value[leafNodes[leaf]!]!, length, features, zero, one, contributions);
    }
  }
  return leafSum;
}
