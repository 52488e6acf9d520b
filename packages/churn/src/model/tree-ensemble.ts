/**
 * Trees of a boosted model in one flat, typed-array layout. Nodes of each tree are stored in
 * pre-order, so the left child of internal node `i` is `i + 1`; `right[i]` is the index of the right
 * child. Leaves have `feature = −1`. All indices are absolute (into the flat arrays).
 */
export interface TreeEnsemble {
  /** Names of the features, in column order. */
  readonly featureNames: readonly string[];
  /** The initial raw score (log-odds of the weighted positive rate). */
  readonly baseScore: number;
  /** `treeStarts[t]` is the first node of tree `t`; `treeStarts[nTrees]` is the node count. */
  readonly treeStarts: Int32Array;
  /** Split feature of each node; −1 for a leaf. */
  readonly feature: Int32Array;
  /** Split threshold: `value <= threshold` goes left. */
  readonly threshold: Float64Array;
  /** 1 when a missing value (NaN) goes left at this node. */
  readonly missingLeft: Uint8Array;
  /** Index of the right child (internal nodes); 0 for leaves. */
  readonly right: Int32Array;
  /** Leaf value on the raw (log-odds) scale, learning rate included; 0 for internal nodes. */
  readonly value: Float64Array;
  /** Hessian sum of the training rows that reached the node (XGBoost's "cover"). */
  readonly cover: Float64Array;
  /** Loss reduction of the split (internal nodes); 0 for leaves. */
  readonly gain: Float64Array;
}

/** The number of trees in an ensemble. */
export function treeCount(ensemble: TreeEnsemble): number {
  return ensemble.treeStarts.length - 1;
}

/**
 * The trees re-laid as complete binary heaps of one depth, for branch-light batch prediction: node
 * `h` has children `2h + 1` and `2h + 2`; a leaf above the full depth becomes "always left" nodes.
 */
export interface HeapLayout {
  readonly depth: number;
  readonly nTrees: number;
  /** Per tree, `2^depth − 1` internal slots. */
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  /** 1 when a missing value goes right at this slot. */
  readonly missingRight: Uint8Array;
  /** Per tree, `2^depth` leaf slots. */
  readonly leaf: Float64Array;
}

function depthOf(ensemble: TreeEnsemble, node: number): number {
  if (ensemble.feature[node]! < 0) return 0;
  return 1 + Math.max(depthOf(ensemble, node + 1), depthOf(ensemble, ensemble.right[node]!));
}

/** Builds the {@link HeapLayout} of an ensemble. */
export function toHeapLayout(ensemble: TreeEnsemble): HeapLayout {
  const nTrees = treeCount(ensemble);
  let depth = 0;
  for (let tree = 0; tree < nTrees; tree += 1)
    depth = Math.max(depth, depthOf(ensemble, ensemble.treeStarts[tree]!));
  const internalSlots = (1 << depth) - 1;
  const leafSlots = 1 << depth;
  const feature = new Int32Array(nTrees * internalSlots);
  const threshold = new Float64Array(nTrees * internalSlots).fill(Number.POSITIVE_INFINITY);
  const missingRight = new Uint8Array(nTrees * internalSlots);
  const leaf = new Float64Array(nTrees * leafSlots);
  const fill = (tree: number, node: number, slot: number, level: number): void => {
    if (level === depth) {
      leaf[tree * leafSlots + slot - internalSlots] = ensemble.value[node]!;
      return;
    }
    const at = tree * internalSlots + slot;
    if (ensemble.feature[node]! < 0) {
      // Always left: threshold +∞ with missing values going left; the right subtree is unreachable.
      fill(tree, node, 2 * slot + 1, level + 1);
      return;
    }
    feature[at] = ensemble.feature[node]!;
    threshold[at] = ensemble.threshold[node]!;
    missingRight[at] = ensemble.missingLeft[node] === 1 ? 0 : 1;
    fill(tree, node + 1, 2 * slot + 1, level + 1);
    fill(tree, ensemble.right[node]!, 2 * slot + 2, level + 1);
  };
  for (let tree = 0; tree < nTrees; tree += 1) fill(tree, ensemble.treeStarts[tree]!, 0, 0);
  return { depth, nTrees, feature, threshold, missingRight, leaf };
}

const blockRows = 512;

/**
 * Raw scores (log-odds) of row-major rows: base score plus the leaf of every tree. Rows are walked in
 * blocks, tree by tree, so the block's rows and one tree stay in cache.
 */
export function predictRawScores(
  layout: HeapLayout,
  baseScore: number,
  values: Float64Array,
  nFeatures: number,
  nRows: number,
): Float64Array {
  const scores = new Float64Array(nRows).fill(baseScore);
  for (let blockStart = 0; blockStart < nRows; blockStart += blockRows) {
    addHeapScores(layout, values, nFeatures, blockStart, Math.min(nRows, blockStart + blockRows), scores);
  }
  return scores;
}

/**
 * Adds every tree's leaf to `scores[row]` for the rows `rowStart … rowEnd − 1` (absolute indices into
 * `values` and `scores`), one row at a time with the missing-value direction of each slot. The
 * general walk: any depth, any number of features, NaN and ±∞.
 */
export function addHeapScores(
  layout: HeapLayout,
  values: Float64Array,
  nFeatures: number,
  rowStart: number,
  rowEnd: number,
  scores: Float64Array,
): void {
  const { depth, nTrees, feature, threshold, missingRight, leaf } = layout;
  const internalSlots = (1 << depth) - 1;
  const leafSlots = 1 << depth;
  for (let tree = 0; tree < nTrees; tree += 1) {
    const nodeBase = tree * internalSlots;
    const leafBase = tree * leafSlots - internalSlots;
    for (let row = rowStart; row < rowEnd; row += 1) {
      const rowBase = row * nFeatures;
      let slot = 0;
      for (let level = 0; level < depth; level += 1) {
        const at = nodeBase + slot;
        const value = values[rowBase + feature[at]!]!;
        const limit = threshold[at]!;
        slot = 2 * slot + 1 + ((value > limit ? 1 : 0) | (Number.isNaN(value) ? missingRight[at]! : 0));
      }
      scores[row]! += leaf[leafBase + slot]!;
    }
  }
}

/** The leaf node a single row reaches in one tree (walks the pre-order layout). */
export function leafOf(ensemble: TreeEnsemble, tree: number, row: ArrayLike<number>): number {
  let node = ensemble.treeStarts[tree]!;
  for (;;) {
    const split = ensemble.feature[node]!;
    if (split < 0) return node;
    const value = row[split]!;
    const goLeft = Number.isNaN(value)
      ? ensemble.missingLeft[node] === 1
      : value <= ensemble.threshold[node]!;
    node = goLeft ? node + 1 : ensemble.right[node]!;
  }
}
