/*
 * Run by `index.test.ts` in a child process: two concurrent calls on one worker, the first small
 * and the second large. The worker answers the first while it still owes the second; the process
 * must wait for that answer rather than exit with the second call unsettled (exit code 13).
 */
import { trainGradientBoostedTrees } from '../model/train-gradient-boosted-trees';
import { createParallelPredictor } from './index';

const features = Array.from({ length: 600 }, (_, index) => [index % 17, (index * 7) % 23]);
const labels = features.map(([a, b]) => (a! + b! > 20 ? 1 : 0));
const model = trainGradientBoostedTrees({ features, labels, nEstimators: 50, maxDepth: 6 });
const parallel = createParallelPredictor(model, { threads: 2, minRowsPerThread: 1 });
// 600 rows: the worker scores rows 512–599. 400,000 rows: the worker scores the second half.
const large = new Float64Array(2 * 400_000).map((_, index) => index % 29);
const [small, big] = await Promise.all([parallel.predictRaw(features), parallel.predictRaw(large)]);
console.log(`scored ${small.length} and ${big.length}`);
await parallel.close();
