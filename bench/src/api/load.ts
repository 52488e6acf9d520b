import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expressApiFolder } from './api-server';

/** The parts of an autocannon result this suite reads. */
export interface LoadResult {
  readonly requests: { readonly average: number; readonly total: number };
  readonly latency: { readonly p50: number; readonly p99: number; readonly average: number };
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly duration: number;
}

/** One request autocannon sends; `setupRequest` may rewrite it per request. */
export interface LoadRequest {
  method?: string;
  path?: string;
  body?: string;
  headers?: Record<string, string>;
}

type Autocannon = (options: Record<string, unknown>) => Promise<LoadResult>;

// autocannon is a dev dependency of the Express example, not of the bench package.
const autocannon = createRequire(join(expressApiFolder, 'package.json'))('autocannon') as Autocannon;

/**
 * Loads a URL with autocannon for a bounded time (`durationSeconds`) over `connections` keep-alive
 * connections; `setupRequest` varies each request (another customer, a new event id).
 */
export function runLoad(options: {
  readonly url: string;
  readonly connections: number;
  readonly durationSeconds: number;
  readonly headers: Record<string, string>;
  readonly method?: string;
  readonly setupRequest: (request: LoadRequest) => LoadRequest;
}): Promise<LoadResult> {
  return autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    method: options.method ?? 'GET',
    headers: options.headers,
    requests: [{ setupRequest: options.setupRequest }],
  });
}
