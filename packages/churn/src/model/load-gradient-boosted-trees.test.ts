import { KizunaValidationError } from '@kizuna/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadGradientBoostedTrees } from './load-gradient-boosted-trees';
import { trainGradientBoostedTrees } from './train-gradient-boosted-trees';

const features = Array.from({ length: 120 }, (_, index) => [
  index % 13,
  (index * 7) % 31,
  index % 5 === 0 ? Number.NaN : (index * 3) % 11,
]);
const labels = features.map(([a, b], index) => (a! + b! > 25 || index % 9 === 0 ? 1 : 0));
const model = trainGradientBoostedTrees({ features, labels, nEstimators: 12, featureNames: ['a', 'b', 'c'] });

function loadError(json: unknown): KizunaValidationError {
  try {
    loadGradientBoostedTrees(json);
  } catch (error) {
    if (error instanceof KizunaValidationError) return error;
    throw error;
  }
  throw new Error('expected a KizunaValidationError');
}

describe('loadGradientBoostedTrees', { timeout: 120_000 }, () => {
  it('round-trips exactly: same JSON, same predictions, same explanations', () => {
    const text = JSON.stringify(model);
    const loaded = loadGradientBoostedTrees(text);
    expect(JSON.stringify(loaded)).toBe(text);
    expect(loaded.predictRaw(features)).toEqual(model.predictRaw(features));
    expect(loaded.explain(features[5]!)).toEqual(model.explain(features[5]!));
    expect(loaded.featureImportance()).toEqual(model.featureImportance());
  });

  it('round-trips any row exactly (property)', () => {
    const loaded = loadGradientBoostedTrees(JSON.parse(JSON.stringify(model)));
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.constant(Number.NaN)), {
          minLength: 3,
          maxLength: 3,
        }),
        (row) => {
          expect(Object.is(loaded.predictRaw([row])[0], model.predictRaw([row])[0])).toBe(true);
        },
      ),
    );
  });

  it('rejects another version and another format', () => {
    const json = JSON.parse(JSON.stringify(model));
    expect(loadError({ ...json, version: 2 }).message).toContain('unsupported model version');
    expect(loadError({ ...json, format: 'xgboost' }).message).toContain(
      'not a Kizuna gradient-boosted tree model',
    );
    expect(loadError('{not json').message).toContain('not valid JSON');
  });

  it('rejects corrupted node arrays with the reason', () => {
    const json = JSON.parse(JSON.stringify(model));
    expect(loadError({ ...json, nodes: { ...json.nodes, number: 'AAAA' } }).message).toContain('expected');
    expect(loadError({ ...json, nodes: { ...json.nodes, cover: '!!!!' } }).message).toContain(
      'not valid base64',
    );
    const counts = [...json.treeNodeCounts];
    counts[0] += 1;
    counts[1] -= 1;
    expect(loadError({ ...json, treeNodeCounts: counts }).issues[0]!.path).toMatch(
      /nodes\.right|treeNodeCounts/,
    );
    expect(loadError({ ...json, featureNames: ['a', 'a', 'c'] }).message).toContain('unique');
  });
});
