import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { ApiProblem } from '../problem-details';
import { authenticatedKey } from './authenticate';

/**
 * Limits each API key to its own `requestsPerMinute` (a fixed one-minute window per key, kept in
 * memory: one process). Answers 429 with `Retry-After` and the IETF `RateLimit` headers.
 * Runs after {@link authenticate}, so every bucket belongs to a known key.
 */
export function limitRequestsPerKey(options: { readonly windowMilliseconds?: number } = {}): RequestHandler {
  return rateLimit({
    windowMs: options.windowMilliseconds ?? 60_000,
    limit: (_request, response) => authenticatedKey(response)?.requestsPerMinute ?? 60,
    keyGenerator: (_request, response) => authenticatedKey(response)?.id ?? 'anonymous',
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_request, _response, next, limitOptions) => {
      next(
        new ApiProblem(
          'RATE_LIMITED',
          `This key may make ${String(limitOptions.limit)} requests per minute.`,
        ),
      );
    },
  });
}
