import { KizunaValidationError } from '@kizuna/core';
import express, { type RequestHandler, type Router } from 'express';
import type * as z from 'zod';
import type { ApiContext } from '../api-context';
import { authenticate, authenticatedKey } from '../middleware/authenticate';
import { limitRequestsPerKey } from '../middleware/rate-limit';
import { ApiProblem } from '../problem-details';
import type { RouteDefinition } from './route-definition';

/** `/v1/customers/{customerId}` → `/v1/customers/:customerId` (Express's syntax). */
export function expressPath(openApiPath: string): string {
  return openApiPath.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');
}

function parsePart(schema: z.ZodType | undefined, value: unknown, what: string): unknown {
  if (schema === undefined) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const error = KizunaValidationError.fromZodError(what, result.error);
  throw new ApiProblem('VALIDATION_FAILED', `Invalid ${what}: ${error.issues.length} problem(s).`, {
    fieldProblems: error.issues.map((issue) => ({
      path: issue.path === '' ? what : `${what}.${issue.path}`.replace('.[', '['),
      message: issue.message,
    })),
  });
}

function readBody(route: RouteDefinition, context: ApiContext): RequestHandler[] {
  const body = route.body;
  if (body === undefined) return [];
  if (body.kind === 'json') {
    const parser = express.json({ limit: body.maxBytes ?? context.jsonBodyLimitBytes, strict: true });
    return [
      (request, _response, next) => {
        if (!request.is('application/json')) {
          next(new ApiProblem('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.'));
          return;
        }
        next();
      },
      parser,
    ];
  }
  const parser = express.raw({ type: () => true, limit: body.maxBytes });
  return [
    (request, _response, next) => {
      if (!body.contentTypes.some((type) => request.is(type))) {
        next(
          new ApiProblem(
            'UNSUPPORTED_MEDIA_TYPE',
            `Send the body as one of: ${body.contentTypes.join(', ')}.`,
          ),
        );
        return;
      }
      next();
    },
    parser,
  ];
}

/**
 * Mounts route definitions on a router: API key and scope check, per-key rate limit, body parsing
 * with the route's size limit, zod validation of params, query and body, then the handler. Every
 * documented path also answers other methods with 405 and an `Allow` header.
 */
export function mountRoutes(router: Router, routes: readonly RouteDefinition[], context: ApiContext): void {
  const rateLimit = limitRequestsPerKey();
  const methodsByPath = new Map<string, string[]>();
  for (const route of routes) {
    const path = expressPath(route.path);
    methodsByPath.set(path, [...(methodsByPath.get(path) ?? []), route.method.toUpperCase()]);
    const guards: RequestHandler[] =
      route.scope === 'public' ? [] : [authenticate(context.apiKeys, route.scope), rateLimit];
    const handler: RequestHandler = async (request, response) => {
      const params = parsePart(route.params, request.params, 'path');
      const query = parsePart(route.query, request.query, 'query');
      const body =
        route.body === undefined
          ? undefined
          : route.body.kind === 'json'
            ? parsePart(route.body.schema, request.body, 'body')
            : request.body;
      const result = await route.handle({
        params: params as never,
        query: query as never,
        body: body as never,
        apiKey: authenticatedKey(response),
        request,
        response,
      });
      if (result === undefined) return;
      for (const [name, value] of Object.entries(result.headers ?? {})) response.setHeader(name, value);
      response.status(result.status ?? 200).json(result.body);
    };
    router[route.method](path, ...guards, ...readBody(route, context), handler);
  }
  for (const [path, methods] of methodsByPath) {
    const allow = [...new Set(methods.includes('GET') ? [...methods, 'HEAD'] : methods)].join(', ');
    router.all(path, (request) => {
      throw new ApiProblem('METHOD_NOT_ALLOWED', `${request.method} is not allowed here; use ${allow}.`, {
        headers: { Allow: allow },
      });
    });
  }
}
