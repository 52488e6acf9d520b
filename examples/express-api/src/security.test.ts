import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryStore, KizunaError, type Store } from '@kizuna/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addApiKeyToFile, readApiKeyFile } from './api-key-file';
import { createApiKeyRing } from './api-keys';
import { type RunningApi, readJson, startApi } from './test-support/api-harness';
import { sampleCustomer } from './test-support/sample-records';

describe('API keys', () => {
  let run: RunningApi;
  beforeAll(async () => {
    run = await startApi({ store: createMemoryStore() });
  });
  afterAll(() => run.close());

  it('are stored as SHA-256 hashes only, never in plaintext', () => {
    const serialised = JSON.stringify(run.storedKeys);
    for (const key of Object.values(run.keys)) {
      expect(serialised).not.toContain(key);
      expect(serialised).not.toContain(key.split('_')[2]);
    }
    expect(run.storedKeys.every((stored) => /^[0-9a-f]{64}$/.test(stored.sha256))).toBe(true);
  });

  it('answers 401 without a key, with a wrong secret, or with a malformed key', async () => {
    const none = await readJson(await run.call('/v1/customers', { key: null }));
    expect(none).toMatchObject({
      status: 401,
      body: { code: 'UNAUTHENTICATED', type: 'urn:kizuna:problem:unauthenticated' },
    });
    const wrongSecret = run.keys.read.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'));
    for (const header of [`Bearer ${wrongSecret}`, 'Bearer kz_nope', 'Basic dXNlcjpwYXNz', 'Bearer']) {
      const response = await run.call('/v1/customers', { key: null, headers: { authorization: header } });
      expect(response.status, header).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
  });

  it('accepts the key in X-API-Key as well', async () => {
    expect(
      (await run.call('/v1/customers', { key: null, headers: { 'x-api-key': run.keys.read } })).status,
    ).toBe(200);
  });

  it('enforces scopes: read < write < admin', async () => {
    const body = { records: [sampleCustomer] };
    expect((await run.call('/v1/records/customer', { key: 'read', json: body })).status).toBe(403);
    expect((await run.call('/v1/records/customer', { key: 'write', json: body })).status).toBe(200);
    expect((await run.call('/v1/records/customer', { key: 'admin', json: body })).status).toBe(200);
    expect((await run.call('/v1/admin/api-keys', { key: 'write' })).status).toBe(403);
    const listing = await readJson(await run.call('/v1/admin/api-keys', { key: 'admin' }));
    expect(listing.status).toBe(200);
    expect(listing.body.keys.map((key: { scope: string }) => key.scope)).toEqual(['read', 'write', 'admin']);
    expect(JSON.stringify(listing.body)).not.toMatch(/sha256|[0-9a-f]{64}/);
  });

  it('writes the key file readable by its owner only, with hashes only', async () => {
    const file = join(tmpdir(), `kizuna-keys-${process.pid}-${Date.now()}.json`);
    const { key } = await addApiKeyToFile(file, { name: 'ops', scope: 'admin' });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readFile(file, 'utf8')).not.toContain(key);
    const ring = createApiKeyRing((await readApiKeyFile(file))!);
    expect(ring.verify(key)).toMatchObject({ name: 'ops', scope: 'admin' });
    expect(ring.verify(`${key}x`)).toBeUndefined();
  });
});

describe('per-key rate limits', () => {
  it('answers 429 problem+json with RateLimit headers once a key has used its minute, and counts each key apart', async () => {
    const run = await startApi({ store: createMemoryStore(), requestsPerMinute: 3 });
    try {
      for (let index = 0; index < 3; index += 1) expect((await run.call('/v1/customers')).status).toBe(200);
      const limited = await run.call('/v1/customers');
      expect(limited.status).toBe(429);
      expect(limited.headers.get('content-type')).toContain('application/problem+json');
      expect(limited.headers.get('ratelimit-policy')).toContain('q=3');
      expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
      expect((await readJson(limited)).body).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
      expect((await run.call('/v1/customers', { key: 'write' })).status).toBe(200);
      expect((await run.call('/healthz', { key: null })).status).toBe(200);
    } finally {
      await run.close();
    }
  });
});

describe('body limits and media types', () => {
  let run: RunningApi;
  beforeAll(async () => {
    run = await startApi({ store: createMemoryStore(), jsonBodyLimitBytes: 2048, audioBodyLimitBytes: 4096 });
  });
  afterAll(() => run.close());

  it('answers 413 for a JSON body over the limit, before parsing it', async () => {
    const records = Array.from({ length: 40 }, (_, index) => ({ ...sampleCustomer, id: `c${index}` }));
    const response = await readJson(
      await run.call('/v1/records/customer', { key: 'write', json: { records } }),
    );
    expect(response).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('answers 413 for an upload over the audio limit and 415 for a wrong media type', async () => {
    const upload = await run.call('/v1/noise/analyses', {
      key: 'write',
      method: 'POST',
      headers: { 'content-type': 'audio/wav' },
      body: new Uint8Array(8192),
    });
    expect(upload.status).toBe(413);
    const text = await run.call('/v1/records/customer', {
      key: 'write',
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'records',
    });
    expect((await readJson(text)).body).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('answers 404 and 405 as problems, and hides the framework', async () => {
    const missing = await run.call('/v2/nothing');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-powered-by')).toBeNull();
    const wrongMethod = await run.call('/v1/customers', { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('error responses', () => {
  const secret = 'password=hunter2 at /srv/kizuna/internal.ts:42';
  const failing = (error: unknown): Store => ({
    ...createMemoryStore(),
    listCustomerIds: async () => {
      throw error;
    },
  });

  it('never carry a stack trace or an internal message, and log the 500 once', async () => {
    const run = await startApi({ store: failing(new TypeError(`boom: ${secret}`)) });
    try {
      const response = await run.call('/v1/customers', { headers: { 'x-request-id': 'trace-me-1' } });
      const text = await response.text();
      expect(response.status).toBe(500);
      expect(text).not.toContain('hunter2');
      expect(text).not.toMatch(/TypeError|\bat .*:\d+/);
      expect(JSON.parse(text)).toMatchObject({
        code: 'INTERNAL',
        requestId: 'trace-me-1',
        detail: expect.stringContaining('request id'),
      });
      const logged = run.logs.filter((line) => line.msg === 'unexpected error');
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ level: 50, requestId: 'trace-me-1' });
      expect(JSON.stringify(logged[0])).toContain('hunter2');
    } finally {
      await run.close();
    }
  });

  it('answer 503 with Retry-After and a generic detail when the store is unavailable', async () => {
    const run = await startApi({
      store: failing(
        new KizunaError(`PostgreSQL query failed: ${secret}`, {
          code: 'STORE_UNAVAILABLE',
          isRetryable: true,
        }),
      ),
    });
    try {
      const response = await run.call('/v1/customers');
      const text = await response.text();
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(text).not.toContain('hunter2');
      expect(JSON.parse(text)).toMatchObject({
        code: 'STORE_UNAVAILABLE',
        type: 'urn:kizuna:problem:store-unavailable',
      });
    } finally {
      await run.close();
    }
  });

  it('redact credentials from the request log', async () => {
    const run = await startApi({ store: createMemoryStore() });
    try {
      await run.call('/v1/customers');
      expect(JSON.stringify(run.logs)).not.toContain(run.keys.read);
      expect(run.logs.some((line) => line.msg === 'request completed')).toBe(true);
    } finally {
      await run.close();
    }
  });
});

describe('CORS', () => {
  let run: RunningApi;
  beforeAll(async () => {
    run = await startApi({ store: createMemoryStore(), corsOrigins: ['https://dashboard.example.com'] });
  });
  afterAll(() => run.close());

  it('allows only the configured origins', async () => {
    const allowed = await run.call('/v1/customers', { headers: { origin: 'https://dashboard.example.com' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://dashboard.example.com');
    expect(allowed.headers.get('access-control-expose-headers')).toContain('RateLimit');
    const other = await run.call('/v1/customers', { headers: { origin: 'https://evil.example.com' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers preflight requests for allowed origins with the allowed headers', async () => {
    const preflight = await fetch(`${run.url}/v1/records/customer`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://dashboard.example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('sends no CORS headers at all when no origin is configured', async () => {
    const closed = await startApi({ store: createMemoryStore() });
    try {
      const response = await closed.call('/v1/customers', {
        headers: { origin: 'https://dashboard.example.com' },
      });
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await closed.close();
    }
  });
});
