/**
 * The worker of {@link createFunnelPool}: runs one task of a funnel call over shared columns on
 * request. Not an entry point for users.
 * @packageDocumentation
 */
import { parentPort } from 'node:worker_threads';
import type { FunnelTask, TaskResponse } from './protocol';
import { runTask } from './tasks';

const port = parentPort!;

// Answers each task in the order it came (the pool's channel matches them first in, first out).
port.on('message', (task: FunnelTask) => {
  let response: TaskResponse;
  try {
    response = { result: runTask(task), error: null };
  } catch (error) {
    response = {
      result: null,
      error: error instanceof Error ? error.message : String(error),
    };
  }
  port.postMessage(response);
});
