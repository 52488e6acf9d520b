import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { Store } from '@kizuna/core';
import { createPgClient, createPgliteClient, createPostgresStore, type SqlClient } from '@kizuna/postgres';
import { pino } from 'pino';
import { afterAll, beforeAll } from 'vitest';
// Test-only helpers of the postgres package: the PGlite dump that skips initdb, and the probe of the
// test server (skip with a note, or fail under KIZUNA_REQUIRE_SERVICES=1).
import { pgliteTemplate } from '../../../../packages/postgres/src/test-support/pglite-template';
import { probeTestServer, testDatabaseUrl } from '../../../../packages/postgres/src/test-support/test-server';
import { generateApiKey, type StoredApiKey } from '../api-keys';
import { type CreateAppOptions, createApp, type KizunaApi } from '../create-app';
import { problemDetailsSchema } from '../problem-details';
import type { RouteDefinition } from '../routes/route-definition';

export { testDatabaseUrl };

/** A store in a scratch schema; `close()` drops the schema. */
export type ScratchStore = Store & { readonly schema: string };

/** Where tests run: PGlite always, PostgreSQL when reachable. */
export interface Backend {
  readonly name: 'pglite' | 'postgres';
  /** A new store in its own schema on the backend's shared client. */
  newStore(): Promise<ScratchStore>;
}

function scratchSchema(): string {
  return `kizuna_api_test_${randomBytes(5).toString('hex')}`;
}

async function scratchStore(client: () => SqlClient): Promise<ScratchStore> {
  const schema = scratchSchema();
  const store = await createPostgresStore({ client: client(), schema, closeClient: false });
  return {
    ...store,
    schema,
    async close() {
      await store.close();
      await client().query(`drop schema if exists "${schema}" cascade`);
    },
  };
}

let serverProbe: Promise<boolean> | undefined;

/** Whether the PostgreSQL test server answers (probed once per file). */
export function postgresReachable(): Promise<boolean> {
  serverProbe ??= probeTestServer();
  return serverProbe;
}

/**
 * The backends of a test file: one in-memory PGlite (from a dump, started before the tests) and,
 * when the server answers, one `pg` pool on it. Call at the top level of the file with the result of
 * `await postgresReachable()`.
 */
export function useBackends(reachable: boolean): Backend[] {
  let pglite: SqlClient | undefined;
  let server: SqlClient | undefined;
  beforeAll(async () => {
    pglite = await createPgliteClient({ loadDataDir: await pgliteTemplate() });
    if (reachable) server = createPgClient({ connectionString: testDatabaseUrl, maxConnections: 5 });
  }, 120_000);
  afterAll(async () => {
    await pglite?.close();
    await server?.close();
  });
  const backends: Backend[] = [{ name: 'pglite', newStore: () => scratchStore(() => pglite!) }];
  if (reachable) backends.push({ name: 'postgres', newStore: () => scratchStore(() => server!) });
  return backends;
}

/** Plaintext keys of each scope for a test app. */
export interface TestKeys {
  readonly read: string;
  readonly write: string;
  readonly admin: string;
}

/** A running test app on 127.0.0.1 and helpers to call it. */
export interface RunningApi {
  readonly url: string;
  readonly api: KizunaApi;
  readonly keys: TestKeys;
  readonly storedKeys: readonly StoredApiKey[];
  /** Every log line the app wrote, parsed. */
  readonly logs: Record<string, unknown>[];
  /** `fetch` on the app with a key (`read` unless given; `null` for none). */
  call(
    path: string,
    init?: RequestInit & { readonly key?: keyof TestKeys | null; readonly json?: unknown },
  ): Promise<Response>;
  close(): Promise<void>;
}

/**
 * Starts the app on port 0 over a store, with one key per scope, logs captured in memory.
 */
export async function startApi(
  options: Omit<CreateAppOptions, 'apiKeys' | 'logger'> & { readonly requestsPerMinute?: number },
): Promise<RunningApi> {
  const generated = {
    read: generateApiKey({
      name: 'reader',
      scope: 'read',
      requestsPerMinute: options.requestsPerMinute ?? 100_000,
    }),
    write: generateApiKey({
      name: 'writer',
      scope: 'write',
      requestsPerMinute: options.requestsPerMinute ?? 100_000,
    }),
    admin: generateApiKey({
      name: 'admin',
      scope: 'admin',
      requestsPerMinute: options.requestsPerMinute ?? 100_000,
    }),
  };
  const logs: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      for (const line of String(chunk).split('\n')) if (line.trim() !== '') logs.push(JSON.parse(line));
      callback();
    },
  });
  const logger = pino({ level: 'info' }, destination);
  const storedKeys = [generated.read.stored, generated.write.stored, generated.admin.stored];
  const api = createApp({ ...options, apiKeys: storedKeys, logger });
  const server = api.app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const keys = { read: generated.read.key, write: generated.write.key, admin: generated.admin.key };
  return {
    url,
    api,
    keys,
    storedKeys,
    logs,
    async call(path, init = {}) {
      const { key = 'read', json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (key !== null) headers.set('authorization', `Bearer ${keys[key]}`);
      if (json !== undefined) headers.set('content-type', 'application/json');
      const method = json === undefined ? (rest.method ?? 'GET') : (rest.method ?? 'POST');
      const response = await fetch(`${url}${path}`, {
        ...rest,
        headers,
        ...(json === undefined ? {} : { method, body: JSON.stringify(json) }),
      });
      await expectDocumentedResponse(api.routes, method, path, response.clone());
      return response;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Reads a response: status, content type and the body parsed as JSON (loosely typed, for assertions). */
// biome-ignore lint/suspicious/noExplicitAny: tests read response bodies loosely and assert on them
export async function readJson(response: Response): Promise<{ status: number; type: string; body: any }> {
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    body: text === '' ? undefined : JSON.parse(text),
  };
}

function routeOf(
  routes: readonly RouteDefinition[],
  method: string,
  path: string,
): RouteDefinition | undefined {
  // As fetch sends it: `/v1/customers/../alerts` is `/v1/alerts`.
  const pathname = new URL(path, 'http://127.0.0.1').pathname;
  return routes.find((route) => {
    if (route.method !== method.toLowerCase()) return false;
    const pattern = new RegExp(`^${route.path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    return pattern.test(pathname);
  });
}

/**
 * Every response a test receives must match what the OpenAPI document promises: a problem document
 * for errors, and for successes the JSON schema of the route's documented status.
 */
async function expectDocumentedResponse(
  routes: readonly RouteDefinition[],
  method: string,
  path: string,
  response: Response,
) {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('application/problem+json')) {
    const problem = problemDetailsSchema.safeParse(await response.json());
    if (!problem.success)
      throw new Error(`${method} ${path}: not a problem document: ${problem.error.message}`);
    if (problem.data.status !== response.status)
      throw new Error(`${method} ${path}: problem status ${problem.data.status} ≠ ${response.status}`);
    return;
  }
  if (!type.includes('application/json')) return;
  const route = routeOf(routes, method, path);
  if (route === undefined) return;
  const documented = route.responses[response.status];
  if (documented === undefined)
    throw new Error(`${method} ${path}: status ${response.status} is not documented`);
  if (documented.schema === undefined) return;
  const parsed = documented.schema.safeParse(await response.json());
  if (!parsed.success)
    throw new Error(
      `${method} ${path}: the ${response.status} body does not match its documented schema: ${parsed.error.message}`,
    );
}
