import type { RequestHandler, Response } from 'express';
import { type ApiKeyRing, type ApiKeyScope, type AuthenticatedKey, scopeAllows } from '../api-keys';
import { ApiProblem } from '../problem-details';

/** The key of the current request, set by {@link authenticate}. */
export function authenticatedKey(response: Response): AuthenticatedKey | undefined {
  return response.locals.apiKey as AuthenticatedKey | undefined;
}

function presentedKey(header: string | undefined, apiKeyHeader: string | undefined): string | undefined {
  if (apiKeyHeader !== undefined && apiKeyHeader !== '') return apiKeyHeader.trim();
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/**
 * Requires an API key (`Authorization: Bearer kz_...` or `X-API-Key: kz_...`) with at least
 * `scope`. Runs before the body is read, so a request without a valid key costs no parsing.
 *
 * @throws ApiProblem `UNAUTHENTICATED` (401) without a valid key, `FORBIDDEN` (403) with too small a scope
 */
export function authenticate(ring: ApiKeyRing, scope: ApiKeyScope): RequestHandler {
  return (request, response, next) => {
    const presented = presentedKey(request.get('authorization'), request.get('x-api-key'));
    if (presented === undefined) {
      throw new ApiProblem('UNAUTHENTICATED', 'Send an API key as "Authorization: Bearer <key>".', {
        headers: { 'WWW-Authenticate': 'Bearer realm="kizuna"' },
      });
    }
    const key = ring.verify(presented);
    if (key === undefined) {
      throw new ApiProblem('UNAUTHENTICATED', 'The API key is not valid.', {
        headers: { 'WWW-Authenticate': 'Bearer realm="kizuna", error="invalid_token"' },
      });
    }
    if (!scopeAllows(key.scope, scope)) {
      throw new ApiProblem('FORBIDDEN', `This route needs the "${scope}" scope; the key has "${key.scope}".`);
    }
    response.locals.apiKey = key;
    next();
  };
}
