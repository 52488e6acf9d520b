import { KizunaError, KizunaValidationError } from '@kizuna/core';
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { ApiProblem, type ProblemCode, problemDetails, sendProblem } from '../problem-details';

/** Seconds a client should wait before retrying after the store was unavailable. */
const storeRetryAfterSeconds = '5';

const bodyParserProblems: Readonly<Record<string, { code: ProblemCode; detail: string }>> = {
  'entity.parse.failed': { code: 'MALFORMED_BODY', detail: 'The body could not be parsed as JSON.' },
  'entity.too.large': { code: 'PAYLOAD_TOO_LARGE', detail: 'The body is larger than this route accepts.' },
  'parameters.too.many': { code: 'PAYLOAD_TOO_LARGE', detail: 'The body has too many parameters.' },
  'encoding.unsupported': {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    detail: 'The content encoding is not supported.',
  },
  'charset.unsupported': { code: 'UNSUPPORTED_MEDIA_TYPE', detail: 'The charset is not supported.' },
  'request.aborted': { code: 'MALFORMED_BODY', detail: 'The request was aborted while its body was read.' },
  'request.size.invalid': { code: 'MALFORMED_BODY', detail: 'The body is shorter than its Content-Length.' },
};

const kizunaProblems: Partial<Record<string, ProblemCode>> = {
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  STORE_UNAVAILABLE: 'STORE_UNAVAILABLE',
  UPSTREAM_FAILED: 'UPSTREAM_FAILED',
  LIMIT_EXCEEDED: 'UNPROCESSABLE',
};

const publicDetails: Partial<Record<ProblemCode, string>> = {
  STORE_UNAVAILABLE: 'The database cannot be reached right now; retry shortly.',
  UPSTREAM_FAILED: 'A service this API depends on failed; retry later.',
  INTERNAL: 'Something went wrong on our side. The request id identifies it in the logs.',
};

function requestIdOf(request: Request): string | undefined {
  const id = (request as Request & { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Turns every error into an RFC 9457 problem document. Validation errors list each bad field;
 * `NOT_FOUND` → 404; `STORE_UNAVAILABLE` → 503 with `Retry-After`; anything unexpected → 500 with a
 * generic detail and one error log line. Messages of unexpected errors, stack traces and database
 * errors never reach the client.
 */
export function problemErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, request, response, next) => {
    if (response.headersSent) {
      // A stream (server-sent events) already started: all we can do is end it.
      logger.error({ err: error, url: request.originalUrl }, 'error after the response started');
      response.end();
      return;
    }
    const requestId = requestIdOf(request);
    const instance = request.originalUrl.split('?')[0];
    const base = { requestId, ...(instance === undefined ? {} : { instance }) };

    if (error instanceof ApiProblem) {
      for (const [name, value] of Object.entries(error.headers)) response.setHeader(name, value);
      sendProblem(
        response,
        problemDetails(error.code, error.detail, {
          ...base,
          ...(error.fieldProblems === undefined ? {} : { errors: error.fieldProblems }),
        }),
      );
      return;
    }
    if (
      error instanceof KizunaValidationError ||
      (KizunaError.isInstance(error) && error.code === 'VALIDATION_FAILED')
    ) {
      const issues = error instanceof KizunaValidationError ? error.issues : [];
      sendProblem(
        response,
        problemDetails('VALIDATION_FAILED', firstLine(error.message), { ...base, errors: [...issues] }),
      );
      return;
    }
    const bodyParserType = (error as { type?: unknown } | null)?.type;
    if (typeof bodyParserType === 'string' && bodyParserProblems[bodyParserType] !== undefined) {
      const { code, detail } = bodyParserProblems[bodyParserType];
      sendProblem(response, problemDetails(code, detail, base));
      return;
    }
    if (error instanceof URIError && (error as { status?: unknown }).status === 400) {
      // The router could not percent-decode a path segment (`/v1/customers/%ZZ`).
      sendProblem(
        response,
        problemDetails('MALFORMED_URL', 'A path segment is not valid percent-encoding.', base),
      );
      return;
    }
    const clientError = httpClientError(error);
    if (clientError !== undefined) {
      sendProblem(response, problemDetails(clientError, 'The request body could not be read.', base));
      return;
    }
    if (KizunaError.isInstance(error)) {
      const code = kizunaProblems[error.code];
      if (code !== undefined) {
        if (code === 'STORE_UNAVAILABLE') {
          logger.warn({ err: error, requestId }, 'store unavailable');
          response.setHeader('Retry-After', storeRetryAfterSeconds);
        }
        if (code === 'UPSTREAM_FAILED') logger.warn({ err: error, requestId }, 'upstream failed');
        const detail = publicDetails[code] ?? error.message;
        sendProblem(response, problemDetails(code, detail, base));
        return;
      }
    }
    logger.error({ err: error, requestId, url: request.originalUrl }, 'unexpected error');
    sendProblem(response, problemDetails('INTERNAL', publicDetails.INTERNAL!, base));
    void next;
  };
}

/**
 * Errors of the body parser without a `type` (a gzip body that does not inflate, ...) carry
 * `expose: true` and a 4xx status (http-errors): they are the client's fault, never a 500.
 */
function httpClientError(error: unknown): ProblemCode | undefined {
  const candidate = error as { expose?: unknown; status?: unknown } | null;
  if (candidate?.expose !== true || typeof candidate.status !== 'number') return undefined;
  if (candidate.status === 413) return 'PAYLOAD_TOO_LARGE';
  if (candidate.status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  return candidate.status >= 400 && candidate.status < 500 ? 'MALFORMED_BODY' : undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** Answers every request no route matched with a 404 problem. */
export function notFoundHandler(): RequestHandler {
  return (request) => {
    throw new ApiProblem('NOT_FOUND', `No route matches ${request.method} ${request.path}.`);
  };
}
