import { KizunaValidationError, parseInput } from '@kizuna/core';
import * as z from 'zod';
import { decodeBase64 } from './base64';
import {
  createGradientBoostedTreesModel,
  type GradientBoostedTreesModel,
  type TrainingSummary,
} from './gradient-boosted-trees';
import type { TreeEnsemble } from './tree-ensemble';

const modelJsonSchema = z.object({
  format: z.literal('kizuna.gradient-boosted-trees', {
    error:
      'expected format "kizuna.gradient-boosted-trees": this is not a Kizuna gradient-boosted tree model',
  }),
  version: z.literal(1, { error: 'unsupported model version: this release reads version 1' }),
  featureNames: z
    .array(z.string().min(1))
    .min(1)
    .refine((names) => new Set(names).size === names.length, { error: 'feature names must be unique' }),
  baseScore: z.number().refine(Number.isFinite, { error: 'expected a finite base score' }),
  treeNodeCounts: z.array(z.number().int().min(1).max(32_767)),
  nodes: z.object({
    feature: z.string(),
    missingLeft: z.string(),
    right: z.string(),
    number: z.string(),
    cover: z.string(),
    gain: z.string(),
  }),
  training: z
    .object({
      options: z.record(z.string(), z.unknown()),
      nRows: z.number().int().nonnegative(),
      treesKept: z.number().int().nonnegative(),
      roundsRun: z.number().int().nonnegative(),
      validationLoss: z.array(z.number()),
    })
    .nullable(),
});

function decode(text: string, path: string, count: number, size: number): DataView {
  const bytes = decodeBase64(text);
  if (bytes === null) throw KizunaValidationError.forField('model', path, 'corrupted: not valid base64');
  if (bytes.length !== count * size) {
    throw KizunaValidationError.forField(
      'model',
      path,
      `corrupted: expected ${count * size} bytes for ${count} nodes, found ${bytes.length}`,
    );
  }
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Loads a model saved with `model.toJSON()` (a parsed object or the JSON text). Every field is
 * checked: the format and version, the byte lengths, the tree structure (each tree must be one
 * complete binary tree in pre-order), feature indices, finite numbers and positive covers. A model
 * saved and loaded predicts and explains exactly as the original.
 *
 * @throws KizunaValidationError when the file is not a model, has another version, or is corrupted
 * @example
 * ```ts
 * const { snapshots, outcomes } = generateSyntheticChurnData({ customers: 200, seed: 7 });
 * const set = buildTrainingSet(snapshots, outcomes);
 * const model = trainGradientBoostedTrees({ ...set, nEstimators: 50 });
 * const text = JSON.stringify(model);
 * const loaded = loadGradientBoostedTrees(text);
 * const rows = set.features.slice(0, 2);
 * console.log(loaded.predictProbability(rows)); // Float64Array [0.838…, 0.017…]
 * console.log(model.predictProbability(rows)); // identical
 * ```
 */
export function loadGradientBoostedTrees(json: unknown): GradientBoostedTreesModel {
  let input = json;
  if (typeof json === 'string') {
    try {
      input = JSON.parse(json);
    } catch (error) {
      throw new KizunaValidationError(
        `Invalid model:\n✖ corrupted: not valid JSON (${(error as Error).message})`,
        [{ path: '', message: 'corrupted: not valid JSON' }],
        error,
      );
    }
  }
  const saved = parseInput(modelJsonSchema, input, 'model');
  const nFeatures = saved.featureNames.length;
  let nodeCount = 0;
  for (const count of saved.treeNodeCounts) nodeCount += count;
  const featureView = decode(saved.nodes.feature, 'nodes.feature', nodeCount, 2);
  const missingView = decode(saved.nodes.missingLeft, 'nodes.missingLeft', nodeCount, 1);
  const rightView = decode(saved.nodes.right, 'nodes.right', nodeCount, 2);
  const numberView = decode(saved.nodes.number, 'nodes.number', nodeCount, 8);
  const coverView = decode(saved.nodes.cover, 'nodes.cover', nodeCount, 4);
  const gainView = decode(saved.nodes.gain, 'nodes.gain', nodeCount, 4);

  const treeStarts = new Int32Array(saved.treeNodeCounts.length + 1);
  const feature = new Int32Array(nodeCount);
  const threshold = new Float64Array(nodeCount);
  const missingLeft = new Uint8Array(nodeCount);
  const right = new Int32Array(nodeCount);
  const value = new Float64Array(nodeCount);
  const cover = new Float64Array(nodeCount);
  const gain = new Float64Array(nodeCount);
  const fail = (path: string, message: string): never => {
    throw KizunaValidationError.forField('model', path, `corrupted: ${message}`);
  };
  let start = 0;
  saved.treeNodeCounts.forEach((count, tree) => {
    treeStarts[tree] = start;
    const end = start + count;
    for (let node = start; node < end; node += 1) {
      const split = featureView.getInt16(node * 2, true);
      const number = numberView.getFloat64(node * 8, true);
      const nodeCover = coverView.getFloat32(node * 4, true);
      if (split < -1 || split >= nFeatures)
        fail('nodes.feature', `node ${node} splits on unknown feature ${split}`);
      if (!Number.isFinite(number)) fail('nodes.number', `node ${node} has a non-finite value`);
      if (!(nodeCover > 0) || !Number.isFinite(nodeCover))
        fail('nodes.cover', `node ${node} has a non-positive cover`);
      feature[node] = split;
      missingLeft[node] = missingView.getUint8(node);
      cover[node] = nodeCover;
      gain[node] = gainView.getFloat32(node * 4, true);
      if (split < 0) value[node] = number;
      else {
        threshold[node] = number;
        right[node] = start + rightView.getInt16(node * 2, true);
      }
    }
    // The tree must be one complete binary tree in pre-order: walking it visits every node once.
    let next = start;
    const walk = (node: number, depth: number): void => {
      if (node !== next || node >= end || depth > 64)
        fail('nodes.right', `tree ${tree} is not a valid pre-order tree`);
      next += 1;
      if (feature[node]! < 0) return;
      walk(node + 1, depth + 1);
      walk(right[node]!, depth + 1);
    };
    walk(start, 0);
    if (next !== end) fail('treeNodeCounts', `tree ${tree} has ${end - next} unreachable nodes`);
    start = end;
  });
  treeStarts[saved.treeNodeCounts.length] = start;
  const ensemble: TreeEnsemble = {
    featureNames: saved.featureNames,
    baseScore: saved.baseScore,
    treeStarts,
    feature,
    threshold,
    missingLeft,
    right,
    value,
    cover,
    gain,
  };
  return createGradientBoostedTreesModel(ensemble, saved.training as TrainingSummary | null);
}
