/**
 * The worker of {@link createParallelPredictor} and {@link createParallelTrainer}. A prediction
 * worker builds the batch predictor of the ensemble it is given once, then scores row ranges of
 * shared arrays on request; a training worker serves training runs (see `training-worker.ts`).
 * Not an entry point for users.
 * @packageDocumentation
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  createBatchScratch,
  scoreRowRange,
  toBatchPredictor,
  toProbabilities,
} from '../model/batch-predictor';
import type { TreeEnsemble } from '../model/tree-ensemble';
import type { RangeRequest, RangeResponse } from './protocol';
import { serveTrainingRequests, trainingWorkerRole } from './training-worker';

const port = parentPort!;

if (workerData === trainingWorkerRole) serveTrainingRequests(port);
else {
  const predictor = toBatchPredictor(workerData as TreeEnsemble);
  const scratch = createBatchScratch(predictor);
  port.on('message', (request: RangeRequest) => {
    let response: RangeResponse;
    try {
      scoreRowRange(predictor, request.values, request.start, request.end, request.scores, scratch);
      if (request.probability) toProbabilities(request.scores, request.start, request.end);
      response = { error: null };
    } catch (error) {
      response = { error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(response);
  });
}
