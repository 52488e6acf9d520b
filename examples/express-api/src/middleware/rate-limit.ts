import type { RequestHandler } from 'express';
import { ApiProblem } from '../problem-details';
import { authenticatedKey } from './authenticate';

interface Window {
  startedAt: number;
  used: number;
}

/**
 * Limits each API key to its own `requestsPerMinute`: a fixed one-minute window per key, kept in
 * memory (one process). Every answer carries the IETF `RateLimit-Policy` and `RateLimit` headers
 * (draft 8); over the limit it is 429 with `Retry-After`. Runs after `authenticate`, so every
 * window belongs to a known key (at most one per configured key).
 */
export function limitRequestsPerKey(
  options: { readonly windowMilliseconds?: number; readonly now?: () => number } = {},
): RequestHandler {
  const windowMilliseconds = options.windowMilliseconds ?? 60_000;
  const windowSeconds = Math.ceil(windowMilliseconds / 1000);
  const now = options.now ?? Date.now;
  const windows = new Map<string, Window>();
  return (_request, response, next) => {
    const key = authenticatedKey(response);
    const limit = key?.requestsPerMinute ?? 60;
    const bucket = key?.id ?? 'anonymous';
    const at = now();
    let window = windows.get(bucket);
    if (window === undefined || at - window.startedAt >= windowMilliseconds) {
      window = { startedAt: at, used: 0 };
      windows.set(bucket, window);
    }
    window.used += 1;
    const resetSeconds = Math.max(1, Math.ceil((window.startedAt + windowMilliseconds - at) / 1000));
    response.setHeader('RateLimit-Policy', `"per-key";q=${limit};w=${windowSeconds}`);
    response.setHeader('RateLimit', `"per-key";r=${Math.max(0, limit - window.used)};t=${resetSeconds}`);
    if (window.used > limit) {
      next(
        new ApiProblem('RATE_LIMITED', `This key may make ${limit} requests per minute.`, {
          headers: { 'Retry-After': String(resetSeconds) },
        }),
      );
      return;
    }
    next();
  };
}
