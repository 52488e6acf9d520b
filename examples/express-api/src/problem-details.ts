import type { Response } from 'express';
import * as z from 'zod';

/** The media type of every error response (RFC 9457). */
export const problemContentType = 'application/problem+json';

/** One invalid field of a request: where it is and what is wrong with it. */
export const fieldProblemSchema = z.object({
  /** Path to the field, e.g. `records[3].contract.mrr.amount`; empty for the value itself. */
  path: z.string(),
  /** What is wrong, in plain words. */
  message: z.string(),
});

/**
 * An RFC 9457 problem document. `type` is a URN naming the problem (`urn:kizuna:problem:not-found`),
 * `code` repeats it as a stable UPPER_SNAKE code for clients that switch on codes, and `errors`
 * lists every invalid field of a rejected request.
 */
export const problemDetailsSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int().min(400).max(599),
  detail: z.string().optional(),
  instance: z.string().optional(),
  code: z.string(),
  requestId: z.string().optional(),
  errors: z.array(fieldProblemSchema).optional(),
});

/** A problem document. See {@link problemDetailsSchema}. */
export type ProblemDetails = z.infer<typeof problemDetailsSchema>;

/** The stable codes of the API's problems, with their HTTP status and title. */
export const problemCodes = {
  VALIDATION_FAILED: { status: 400, title: 'The request is invalid' },
  MALFORMED_BODY: { status: 400, title: 'The request body is not valid JSON' },
  MALFORMED_URL: { status: 400, title: 'The URL is not valid' },
  UNAUTHENTICATED: { status: 401, title: 'An API key is required' },
  FORBIDDEN: { status: 403, title: 'The API key lacks the scope this route needs' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  CONFLICT: { status: 409, title: 'The request conflicts with stored data' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  UNPROCESSABLE: { status: 422, title: 'The request cannot be processed' },
  RATE_LIMITED: { status: 429, title: 'Too many requests for this API key' },
  INTERNAL: { status: 500, title: 'Internal server error' },
  NOT_IMPLEMENTED: { status: 501, title: 'Not implemented yet' },
  UPSTREAM_FAILED: { status: 502, title: 'A service this API depends on failed' },
  STORE_UNAVAILABLE: { status: 503, title: 'The database is unavailable' },
} as const;

/** One of the codes in {@link problemCodes}. */
export type ProblemCode = keyof typeof problemCodes;

/** The `type` URI of a problem code: `urn:kizuna:problem:store-unavailable`. */
export function problemType(code: ProblemCode): string {
  return `urn:kizuna:problem:${code.toLowerCase().replaceAll('_', '-')}`;
}

/**
 * An error a route throws to answer with a given problem; the error handler turns it into the
 * response. Its `detail` is shown to the client, so it must never carry internal messages.
 *
 * @example
 * ```ts
 * throw new ApiProblem('NOT_FOUND', 'No action with key "a:b" is in the outbox.');
 * ```
 */
export class ApiProblem extends Error {
  /** The problem's stable code. */
  readonly code: ProblemCode;
  /** Text for the client. */
  readonly detail: string;
  /** Invalid fields, for `VALIDATION_FAILED`. */
  readonly fieldProblems: readonly z.infer<typeof fieldProblemSchema>[] | undefined;
  /** Extra response headers (`Retry-After`, `Allow`, ...). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    code: ProblemCode,
    detail: string,
    options: {
      readonly fieldProblems?: readonly z.infer<typeof fieldProblemSchema>[];
      readonly headers?: Readonly<Record<string, string>>;
      readonly cause?: unknown;
    } = {},
  ) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ApiProblem';
    this.code = code;
    this.detail = detail;
    this.fieldProblems = options.fieldProblems;
    this.headers = options.headers ?? {};
  }
}

/** Builds the problem document of a code. */
export function problemDetails(
  code: ProblemCode,
  detail: string,
  extra: {
    readonly instance?: string;
    readonly requestId?: string | undefined;
    readonly errors?: readonly z.infer<typeof fieldProblemSchema>[];
  } = {},
): ProblemDetails {
  const { status, title } = problemCodes[code];
  return {
    type: problemType(code),
    title,
    status,
    detail,
    ...(extra.instance === undefined ? {} : { instance: extra.instance }),
    code,
    ...(extra.requestId === undefined ? {} : { requestId: extra.requestId }),
    ...(extra.errors === undefined ? {} : { errors: [...extra.errors] }),
  };
}

/** Writes a problem document with its status and the problem+json media type. */
export function sendProblem(response: Response, problem: ProblemDetails): void {
  response.status(problem.status).type(problemContentType).send(JSON.stringify(problem));
}
