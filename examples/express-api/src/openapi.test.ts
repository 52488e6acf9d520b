import { createMemoryStore, recordSchemas } from '@kizuna/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { expressPath } from './routes/mount-routes';
import { type RunningApi, readJson, startApi } from './test-support/api-harness';

interface Layer {
  route?: { path: string; methods: Record<string, boolean>; stack: { method?: string }[] };
  handle?: { stack?: Layer[] };
}

/** Every (METHOD, path) the Express app really serves, read from its router, 405 catch-alls left out. */
function servedRoutes(app: unknown): string[] {
  const served: string[] = [];
  const visit = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route !== undefined) {
        for (const [method, enabled] of Object.entries(layer.route.methods))
          if (enabled && method !== '_all') served.push(`${method.toUpperCase()} ${layer.route.path}`);
      } else if (layer.handle?.stack !== undefined) visit(layer.handle.stack);
    }
  };
  visit((app as { router: { stack: Layer[] } }).router.stack);
  return served;
}

function collectRefs(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) collectRefs(item, found);
  else if (typeof value === 'object' && value !== null)
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string') found.push(inner);
      else collectRefs(inner, found);
    }
  return found;
}

function resolvePointer(document: unknown, pointer: string): unknown {
  return pointer
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>(
      (node, part) =>
        (node as Record<string, unknown> | undefined)?.[part.replaceAll('~1', '/').replaceAll('~0', '~')],
      document,
    );
}

describe('GET /openapi.json', () => {
  let run: RunningApi;
  // biome-ignore lint/suspicious/noExplicitAny: the document is read loosely and asserted on
  let document: any;
  beforeAll(async () => {
    run = await startApi({ store: createMemoryStore() });
    const response = await readJson(await run.call('/openapi.json', { key: null }));
    expect(response.status).toBe(200);
    document = response.body;
  });
  afterAll(() => run.close());

  it('is an OpenAPI 3.1 document served without a key', () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(document.info).toMatchObject({ title: 'Kizuna API', version: expect.any(String) });
    expect(document.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('documents every route the server serves, and serves every documented operation', () => {
    const served = servedRoutes(run.api.app).sort();
    const documented = Object.entries(document.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${expressPath(path)}`),
      )
      .sort();
    expect(served.length).toBeGreaterThan(25);
    expect(documented).toEqual(served);
  });

  it('gives every operation a unique id, a success response, problem responses and its path parameters', () => {
    const ids = new Set<string>();
    for (const [path, operations] of Object.entries(
      document.paths as Record<string, Record<string, typeof document>>,
    )) {
      for (const [method, operation] of Object.entries(operations)) {
        expect(ids.has(operation.operationId), `${method} ${path}`).toBe(false);
        ids.add(operation.operationId);
        const statuses = Object.keys(operation.responses);
        expect(
          statuses.some((status) => status.startsWith('2')),
          `${method} ${path}`,
        ).toBe(true);
        expect(operation.responses['500'].content['application/problem+json'].schema).toEqual({
          $ref: '#/components/schemas/ProblemDetails',
        });
        const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
        const declared = operation.parameters.filter((parameter: { in: string }) => parameter.in === 'path');
        expect(declared.map((parameter: { name: string }) => parameter.name).sort()).toEqual(
          templated.sort(),
        );
        expect(declared.every((parameter: { required: boolean }) => parameter.required)).toBe(true);
        if (operation.security.length > 0) {
          expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['401', '403', '429']));
          expect(['read', 'write', 'admin']).toContain(operation.security[0].apiKey[0]);
        }
      }
    }
  });

  it('has no dangling $ref: every reference resolves from the document root', () => {
    const references = collectRefs(document);
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) {
      expect(reference.startsWith('#/components/schemas/'), reference).toBe(true);
      expect(resolvePointer(document, reference), reference).toBeTypeOf('object');
    }
  });

  it('documents request bodies with the very schemas that validate them', () => {
    const body = document.paths['/v1/records/customer'].post.requestBody.content['application/json'].schema;
    const { $schema: _dialect, ...expected } = z.toJSONSchema(recordSchemas.customer, {
      io: 'input',
      unrepresentable: 'any',
    }) as Record<string, unknown>;
    expect(body.properties.records.items).toEqual(expected);
    expect(body.properties.records.maxItems).toBe(5000);
  });

  it('documents 501 only where a route may not be available (the pipeline routes without a worker)', () => {
    expect(document.paths['/v1/admin/pipeline-runs'].post.responses['501']).toBeDefined();
    expect(document.paths['/v1/chat/messages'].post.responses['501']).toBeUndefined();
    expect(document.paths['/v1/customers/{customerId}/health'].get.responses['501']).toBeUndefined();
  });
});
