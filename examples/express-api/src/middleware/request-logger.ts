import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { authenticatedKey } from './authenticate';

const requestIdPattern = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * One structured log line per request once it finished (`request completed`: method, path, status,
 * duration, key id, request id; never headers, so never credentials), at `info`, `warn` for 4xx and
 * `error` for 5xx. A well-formed `X-Request-Id` from the caller is kept; otherwise one is made, and
 * it is echoed in the response and in problem documents. Nothing is built for a line the logger's
 * level drops (a per-request child logger was a measurable share of a health read).
 */
export function requestLogger(logger: Logger): RequestHandler {
  return (request, response, next) => {
    const given = request.headers['x-request-id'];
    const id = typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
    (request as typeof request & { id: string }).id = id;
    response.setHeader('X-Request-Id', id);
    const start = performance.now();
    response.once('finish', () => {
      const status = response.statusCode;
      const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      const key = authenticatedKey(response);
      logger[level](
        {
          req: { id, method: request.method, url: request.originalUrl },
          res: { statusCode: status },
          responseTime: Math.round(performance.now() - start),
          ...(key === undefined ? {} : { apiKeyId: key.id }),
        },
        'request completed',
      );
    });
    next();
  };
}
