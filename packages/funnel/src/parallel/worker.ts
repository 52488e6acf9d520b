/**
 * The worker of {@link createFunnelPool}: runs the funnel over one user range of shared columns on
 * request. Not an entry point for users.
 * @packageDocumentation
 */
import { parentPort } from 'node:worker_threads';
import type { RangeRequest, RangeResponse } from './protocol';
import { runRange } from './range';

const port = parentPort!;

port.on('message', (request: RangeRequest) => {
  let response: RangeResponse;
  try {
    const part = runRange(request);
    response = { id: request.id, part, error: null };
  } catch (error) {
    response = { id: request.id, part: null, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(response);
});
