/**
 * The worker of {@link createFunnelPool}: runs one task of a funnel call over shared columns on
 * request. Not an entry point for users.
 * @packageDocumentation
 */
import { parentPort } from 'node:worker_threads';
import type { TaskRequest, TaskResponse } from './protocol';
import { runTask } from './tasks';

const port = parentPort!;

port.on('message', (request: TaskRequest) => {
  let response: TaskResponse;
  try {
    response = { id: request.id, result: runTask(request.task), error: null };
  } catch (error) {
    response = {
      id: request.id,
      result: null,
      error: error instanceof Error ? error.message : String(error),
    };
  }
  port.postMessage(response);
});
