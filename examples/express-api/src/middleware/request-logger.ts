import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

const requestIdPattern = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * One structured log line per request (method, path, status, duration, key id, request id), with
 * credentials redacted. A well-formed `X-Request-Id` from the caller is kept; otherwise one is made,
 * and it is echoed in the response and in problem documents.
 */
export function requestLogger(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (request, response) => {
      const given = request.headers['x-request-id'];
      const id = typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
      response.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel: (_request, response, error) =>
      error !== undefined || response.statusCode >= 500
        ? 'error'
        : response.statusCode >= 400
          ? 'warn'
          : 'info',
    customProps: (_request, response) => {
      const key = (response as unknown as { locals?: { apiKey?: { id: string } } }).locals?.apiKey;
      return key === undefined ? {} : { apiKeyId: key.id };
    },
    serializers: {
      req: (request: { id: unknown; method: string; url: string }) => ({
        id: request.id,
        method: request.method,
        url: request.url,
      }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
    redact: ['req.headers.authorization', 'req.headers["x-api-key"]'],
  });
}
