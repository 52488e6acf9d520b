import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createParallelPredictor } from '../../parallel/index';
import { createBatchScratch, scoreRowRange, toBatchPredictor } from '../batch-predictor';
import { createGradientBoostedTreesModel } from '../gradient-boosted-trees';
import { leafOf, type TreeEnsemble, toHeapLayout } from '../tree-ensemble';
import { heapWalkKernelModule, heapWalkMemoryLayout } from './heap-walk-kernel';
import { compileHeapWalk, instantiateHeapWalk } from './wasm-heap-walk';

type RandomTree =
  | { readonly leaf: number }
  | {
      readonly feature: number;
      readonly threshold: number;
      readonly missingLeft: boolean;
      readonly left: RandomTree;
      readonly right: RandomTree;
    };

/** Thresholds and values from a few exact doubles, so rows often sit exactly on a threshold. */
const exactValues = [-2.5, -1, -0, 0, 0.1, 0.5, 1, 3, 1e300];

/** A tree of at most `depth` levels; splits are likelier than leaves, so most trees reach it. */
function randomTree(depth: number, nFeatures: number): fc.Arbitrary<RandomTree> {
  // Leaves of very different magnitudes: the order of the additions shows in the last bits.
  const leaf = fc
    .oneof(fc.double({ min: -4, max: 4, noNaN: true }), fc.constantFrom(1e-17, -3e-9, 0.1))
    .map((value) => ({ leaf: value }));
  if (depth === 0) return leaf;
  const split = fc.record({
    feature: fc.nat({ max: nFeatures - 1 }),
    threshold: fc.oneof(fc.constantFrom(...exactValues), fc.double({ min: -5, max: 5, noNaN: true })),
    missingLeft: fc.boolean(),
    left: randomTree(depth - 1, nFeatures),
    right: randomTree(depth - 1, nFeatures),
  });
  return fc.oneof({ weight: 1, arbitrary: leaf }, { weight: 4, arbitrary: split });
}

/** Lays random trees out in pre-order, as the trainer and the loader do. */
function toEnsemble(trees: readonly RandomTree[], nFeatures: number, baseScore: number): TreeEnsemble {
  const feature: number[] = [];
  const threshold: number[] = [];
  const missingLeft: number[] = [];
  const right: number[] = [];
  const value: number[] = [];
  const treeStarts = [0];
  const add = (node: RandomTree): void => {
    const at = feature.length;
    if ('leaf' in node) {
      feature.push(-1);
      threshold.push(0);
      missingLeft.push(0);
      right.push(0);
      value.push(node.leaf);
      return;
    }
    feature.push(node.feature);
    threshold.push(node.threshold);
    missingLeft.push(node.missingLeft ? 1 : 0);
    right.push(0);
    value.push(0);
    add(node.left);
    right[at] = feature.length;
    add(node.right);
  };
  for (const tree of trees) {
    add(tree);
    treeStarts.push(feature.length);
  }
  return {
    featureNames: Array.from({ length: nFeatures }, (_, index) => `f${index}`),
    baseScore,
    treeStarts: Int32Array.from(treeStarts),
    feature: Int32Array.from(feature),
    threshold: Float64Array.from(threshold),
    missingLeft: Uint8Array.from(missingLeft),
    right: Int32Array.from(right),
    value: Float64Array.from(value),
    cover: new Float64Array(feature.length),
    gain: new Float64Array(feature.length),
  };
}

/** The node-by-node walk of every tree: the reference every batch path must match bit for bit. */
function walked(ensemble: TreeEnsemble, row: readonly number[]): number {
  let score = ensemble.baseScore;
  for (let tree = 0; tree + 1 < ensemble.treeStarts.length; tree += 1)
    score += ensemble.value[leafOf(ensemble, tree, row)]!;
  return score;
}

/** A random model (1–6 trees of depth up to 1–8 over 1–5 features) and rows for it. */
const modelAndRows = fc
  .record({
    depth: fc.integer({ min: 1, max: 8 }),
    nFeatures: fc.integer({ min: 1, max: 5 }),
    nTrees: fc.integer({ min: 1, max: 6 }),
    baseScore: fc.double({ min: -3, max: 3, noNaN: true }),
  })
  .chain(({ depth, nFeatures, nTrees, baseScore }) =>
    fc.array(randomTree(depth, nFeatures), { minLength: nTrees, maxLength: nTrees }).chain((trees) => {
      const ensemble = toEnsemble(trees, nFeatures, baseScore);
      const thresholds = Array.from(ensemble.threshold).filter((_, node) => ensemble.feature[node]! >= 0);
      const value = fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...exactValues, ...thresholds) },
        { weight: 4, arbitrary: fc.double({ min: -6, max: 6, noNaN: true }) },
        { weight: 1, arbitrary: fc.constantFrom(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY) },
      );
      // Up to 700 rows: several 256-row blocks, and groups of 8 with tails. NaN in a few rows
      // only, so most blocks take the kernel and some the binned walk.
      return fc.record({
        ensemble: fc.constant(ensemble),
        rows: fc.array(fc.array(value, { minLength: nFeatures, maxLength: nFeatures }), {
          minLength: 1,
          maxLength: 700,
        }),
        missingAt: fc.array(fc.nat(), { maxLength: 3 }),
      });
    }),
  );

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('heapWalkMemoryLayout', () => {
  it('lays out 100 depth-5 trees and 256 rows of 13 features (by hand)', () => {
    // 24 × 32 = 768 bytes a tree; rows from 76,800; 256 × 13 × 8 = 26,624 bytes of rows; scores
    // from 103,424 (a multiple of 64); 2,048 bytes of scores end at 105,472: two 64 KiB pages.
    expect(heapWalkMemoryLayout(5, 100, 13, 256)).toEqual({
      depth: 5,
      nTrees: 100,
      nFeatures: 13,
      treeBytes: 768,
      rowsAddress: 76_800,
      scoresAddress: 103_424,
      memoryPages: 2,
    });
    // 3 rows take a whole group of 8: two trees of 24 × 2 = 48 bytes end at 96, so rows from 128;
    // 8 rows × 2 features × 8 bytes = 128 bytes of rows, so scores from 256.
    const small = heapWalkMemoryLayout(1, 2, 2, 3);
    expect([small.rowsAddress, small.scoresAddress]).toEqual([128, 256]);
  });
});

describe('heapWalkKernelModule', () => {
  it('stays under 4 KB up to depth 12, the size browsers compile synchronously on the main thread', () => {
    for (const depth of [1, 5, 12]) {
      const bytes = heapWalkKernelModule(heapWalkMemoryLayout(depth, 10_000, 256, 256), -1.5);
      expect(bytes.length).toBeLessThan(4096);
    }
  });
});

describe('instantiateHeapWalk', () => {
  it('a depth-2 tree by hand: equal values go left, ±∞ too on the open side, a NaN block is declined', () => {
    // Root: f0 ≤ 1 → (f1 ≤ 0 → 0.25 | −0.5) | leaf 2 (padded to depth 2). Base score 0.125.
    const ensemble = toEnsemble(
      [
        {
          feature: 0,
          threshold: 1,
          missingLeft: true,
          left: { feature: 1, threshold: 0, missingLeft: false, left: { leaf: 0.25 }, right: { leaf: -0.5 } },
          right: { leaf: 2 },
        },
      ],
      2,
      0.125,
    );
    const walk = instantiateHeapWalk(compileHeapWalk(toHeapLayout(ensemble), 2, 0.125, 16)!)!;
    const rows = [
      [1, 0], // left, left: 0.125 + 0.25
      [1, 1e-300], // left, right: 0.125 − 0.5
      [1.0000000000000002, Number.NEGATIVE_INFINITY], // right: 0.125 + 2
      [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY], // left, right
      [-0, -0], // −0 ≤ 0: left, left
    ];
    const scores = new Float64Array(6).fill(9);
    expect(walk.score(Float64Array.from(rows.flat()), 0, 5, scores)).toBe(true);
    expect(Array.from(scores)).toEqual([0.375, -0.375, 2.125, -0.375, 0.375, 9]);
    // Rows 1–2 of a batch land at scores[1] and scores[2]; a NaN anywhere in the block writes nothing.
    const offset = new Float64Array(4).fill(9);
    expect(walk.score(Float64Array.from([7, 7, 1, 0, 5, 5, 7, 7]), 1, 3, offset)).toBe(true);
    expect(Array.from(offset)).toEqual([9, 0.375, 2.125, 9]);
    expect(walk.score(Float64Array.from([1, 0, 5, Number.NaN]), 0, 2, offset)).toBe(false);
    expect(Array.from(offset)).toEqual([9, 0.375, 2.125, 9]);
  });
});

describe('scoreRowRange with the WebAssembly kernel', { timeout: 120_000 }, () => {
  it('random models of depth 1–8 with NaN, ±∞ and values on thresholds: identical to the JavaScript kernels and the node walk', () => {
    fc.assert(
      fc.property(modelAndRows, fc.nat(), fc.nat(), ({ ensemble, rows, missingAt }, a, b) => {
        const nFeatures = ensemble.featureNames.length;
        for (const at of missingAt) rows[at % rows.length]![at % nFeatures] = Number.NaN;
        const values = Float64Array.from(rows.flat());
        const start = a % rows.length;
        const end = start + 1 + (b % (rows.length - start));
        const withKernel = toBatchPredictor(ensemble);
        expect(withKernel.webAssembly).not.toBeNull();
        const scratch = createBatchScratch(withKernel);
        expect(scratch.webAssembly).not.toBeNull();
        const javaScript = toBatchPredictor(ensemble, { webAssembly: false });
        expect(javaScript.webAssembly).toBeNull();
        const kernelScores = new Float64Array(rows.length).fill(-7);
        const javaScriptScores = new Float64Array(rows.length).fill(-7);
        scoreRowRange(withKernel, values, start, end, kernelScores, scratch);
        scoreRowRange(javaScript, values, start, end, javaScriptScores, createBatchScratch(javaScript));
        rows.forEach((row, index) => {
          const expected = index >= start && index < end ? walked(ensemble, row) : -7;
          expect(kernelScores[index]).toBe(expected);
          expect(javaScriptScores[index]).toBe(expected);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('a model without trees scores its base score (the JavaScript kernels; the kernel is not compiled)', () => {
    const ensemble = toEnsemble([], 3, 0.5);
    const predictor = toBatchPredictor(ensemble);
    expect(predictor.webAssembly).toBeNull();
    const scores = new Float64Array(2);
    scoreRowRange(predictor, Float64Array.of(1, 2, 3, 4, 5, 6), 0, 2, scores, createBatchScratch(predictor));
    expect(Array.from(scores)).toEqual([0.5, 0.5]);
  });

  it('falls back to the JavaScript kernels, with the same scores, without WebAssembly or when it refuses to compile or instantiate', () => {
    const ensemble = toEnsemble(
      [
        { feature: 0, threshold: 1, missingLeft: false, left: { leaf: 0.25 }, right: { leaf: -0.5 } },
        { feature: 1, threshold: -2.5, missingLeft: true, left: { leaf: 0.1 }, right: { leaf: 1e-17 } },
      ],
      2,
      -0.75,
    );
    const rows = Array.from({ length: 300 }, (_, index) => [
      index % 3,
      index % 5 === 0 ? Number.NaN : -index,
    ]);
    const values = Float64Array.from(rows.flat());
    const expected = rows.map((row) => walked(ensemble, row));
    const scoreAll = () => {
      const predictor = toBatchPredictor(ensemble);
      const scratch = createBatchScratch(predictor);
      const scores = new Float64Array(rows.length);
      scoreRowRange(predictor, values, 0, rows.length, scores, scratch);
      expect(Array.from(scores)).toEqual(expected);
      return { predictor, scratch };
    };
    expect(scoreAll().scratch.webAssembly).not.toBeNull();

    const real = (globalThis as unknown as { WebAssembly: Record<string, unknown> }).WebAssembly;
    vi.stubGlobal('WebAssembly', undefined);
    expect(scoreAll().predictor.webAssembly).toBeNull();

    // A browser page whose Content Security Policy forbids compiling WebAssembly.
    const refusing = {
      Instance: real.Instance,
      Module: class {
        constructor() {
          throw new Error('CompileError: WebAssembly.Module(): Refused to compile (CSP)');
        }
      },
    };
    vi.stubGlobal('WebAssembly', refusing);
    expect(scoreAll().predictor.webAssembly).toBeNull();

    vi.stubGlobal('WebAssembly', {
      Module: real.Module,
      Instance: class {
        constructor() {
          throw new RangeError('WebAssembly.Instance(): Out of memory');
        }
      },
    });
    const { predictor, scratch } = scoreAll();
    expect(predictor.webAssembly).not.toBeNull();
    expect(scratch.webAssembly).toBeNull();
  });
});

describe('createParallelPredictor with the WebAssembly kernel', { timeout: 120_000 }, () => {
  it('each worker scores its range with its own kernel instance: identical to the JavaScript kernels', async () => {
    await fc.assert(
      fc.asyncProperty(modelAndRows, async ({ ensemble, rows, missingAt }) => {
        const nFeatures = ensemble.featureNames.length;
        for (const at of missingAt) rows[at % rows.length]![at % nFeatures] = Number.NaN;
        // Long enough for both threads: 2,000 rows or more, the generated rows repeated.
        const repeated = Array.from({ length: Math.ceil(2000 / rows.length) }, () => rows).flat();
        const values = Float64Array.from(repeated.flat());
        const javaScript = toBatchPredictor(ensemble, { webAssembly: false });
        const expected = new Float64Array(repeated.length);
        scoreRowRange(javaScript, values, 0, repeated.length, expected, createBatchScratch(javaScript));
        const parallel = createParallelPredictor(createGradientBoostedTreesModel(ensemble, null), {
          threads: 2,
          minRowsPerThread: 256,
        });
        try {
          const scores = await parallel.predictRaw(values);
          expect(Array.from(scores)).toEqual(Array.from(expected));
        } finally {
          await parallel.close();
        }
      }),
      { numRuns: 5 },
    );
  });
});
