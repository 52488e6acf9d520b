import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { delay, HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { KizunaError } from '../errors/kizuna-error';
import { createTestServer } from '../test-support/create-test-server';
import { sampleAction } from '../test-support/sample-action';
import { createWebhookNotifier } from './webhook-notifier';

const url = 'https://hooks.example.test/services/T000/B000';
const fast = { retries: 3, baseDelayMilliseconds: 1, maxDelayMilliseconds: 5 };

describe('createWebhookNotifier (msw)', () => {
  const server = createTestServer();

  it('posts Slack-compatible JSON with the idempotency key header', async () => {
    const received: { body: unknown; key: string | null; auth: string | null }[] = [];
    server.use(
      http.post(url, async ({ request }) => {
        received.push({
          body: await request.json(),
          key: request.headers.get('idempotency-key'),
          auth: request.headers.get('authorization'),
        });
        return new HttpResponse('ok', { status: 200 });
      }),
    );
    const notifier = createWebhookNotifier({ url, name: 'slack', headers: { authorization: 'Bearer t' } });
    const receipt = await notifier.send(sampleAction('k1'));
    expect(receipt).toEqual({ notifier: 'slack', status: 200, attempts: 1 });
    expect(received).toEqual([
      {
        body: {
          text: '🔴 [critical] csm_intervention for c1 (csm, due 2026-04-01T00:00:00.000Z): Call the customer today — support below 10',
        },
        key: 'k1',
        auth: 'Bearer t',
      },
    ]);
  });

  it('retries a 503 and a 500, then succeeds', async () => {
    const statuses = [503, 500, 200];
    let calls = 0;
    server.use(http.post(url, () => new HttpResponse(null, { status: statuses[calls++] })));
    const receipt = await createWebhookNotifier({ url, ...fast }).send(sampleAction('k1'));
    expect(receipt.attempts).toBe(3);
    expect(calls).toBe(3);
  });

  it('gives up after the last retry with a clear, retryable error', async () => {
    let calls = 0;
    server.use(
      http.post(url, () => {
        calls += 1;
        return new HttpResponse(null, { status: 502, statusText: 'Bad Gateway' });
      }),
    );
    const error = await createWebhookNotifier({ url, ...fast, retries: 2 })
      .send(sampleAction('k1'))
      .catch((caught: unknown) => caught);
    expect(calls).toBe(3);
    expect(KizunaError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'NOTIFICATION_FAILED', isRetryable: true });
    expect((error as Error).message).toBe('Webhook "webhook" failed after 3 attempts: HTTP 502 Bad Gateway');
  });

  it('does not retry a 400 and says the error is not retryable', async () => {
    let calls = 0;
    server.use(
      http.post(url, () => {
        calls += 1;
        return new HttpResponse(null, { status: 400, statusText: 'Bad Request' });
      }),
    );
    const error = await createWebhookNotifier({ url, ...fast })
      .send(sampleAction('k1'))
      .catch((caught: unknown) => caught);
    expect(calls).toBe(1);
    expect(error).toMatchObject({ code: 'NOTIFICATION_FAILED', isRetryable: false });
    expect((error as Error).message).toBe('Webhook "webhook" failed after 1 attempt: HTTP 400 Bad Request');
  });

  it('retries a network error', async () => {
    let calls = 0;
    server.use(
      http.post(url, () => {
        calls += 1;
        return calls === 1 ? HttpResponse.error() : new HttpResponse(null, { status: 204 });
      }),
    );
    const receipt = await createWebhookNotifier({ url, ...fast }).send(sampleAction('k1'));
    expect(receipt).toMatchObject({ status: 204, attempts: 2 });
  });

  it('reports a network error that persists', async () => {
    server.use(http.post(url, () => HttpResponse.error()));
    const error = await createWebhookNotifier({ url, ...fast, retries: 1 })
      .send(sampleAction('k1'))
      .catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/^Webhook "webhook" failed after 2 attempts: network error/);
    expect(error).toMatchObject({ isRetryable: true });
  });

  it('times out a slow attempt and retries it', async () => {
    let calls = 0;
    server.use(
      http.post(url, async () => {
        calls += 1;
        if (calls === 1) await delay(2_000);
        return new HttpResponse(null, { status: 200 });
      }),
    );
    const receipt = await createWebhookNotifier({ url, ...fast, timeoutMilliseconds: 50 }).send(
      sampleAction('k1'),
    );
    expect(receipt.attempts).toBe(2);
  });

  it('says so when every attempt times out', async () => {
    server.use(
      http.post(url, async () => {
        await delay(2_000);
        return new HttpResponse(null, { status: 200 });
      }),
    );
    const error = await createWebhookNotifier({ url, ...fast, retries: 1, timeoutMilliseconds: 30 })
      .send(sampleAction('k1'))
      .catch((caught: unknown) => caught);
    expect((error as Error).message).toBe('Webhook "webhook" failed after 2 attempts: the request timed out');
  });

  it('never sends a delivered key twice, and shares one request between concurrent sends', async () => {
    let calls = 0;
    server.use(
      http.post(url, async () => {
        calls += 1;
        await delay(10);
        return new HttpResponse(null, { status: 200 });
      }),
    );
    const notifier = createWebhookNotifier({ url, ...fast });
    const [first, second] = await Promise.all([
      notifier.send(sampleAction('k1')),
      notifier.send(sampleAction('k1')),
    ]);
    expect(first).toEqual(second);
    await notifier.send(sampleAction('k1'));
    expect(calls).toBe(1);
    await notifier.send(sampleAction('k2'));
    expect(calls).toBe(2);
  });

  it('rejects invalid options, naming the field', () => {
    expect(() => createWebhookNotifier({ url: 'ftp://example.test/hook' })).toThrow(
      /expected an http\(s\) URL\n {2}→ at url/,
    );
    expect(() => createWebhookNotifier({ url, retries: -1 })).toThrow(/→ at retries/);
  });
});

describe('createWebhookNotifier (real node:http server on 127.0.0.1)', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });

  async function listen(
    handler: (
      request: IncomingMessage,
      respond: (status: number, headers?: Record<string, string>) => void,
    ) => void,
  ) {
    server = createServer((request, response) => {
      request.resume();
      request.on('end', () =>
        handler(request, (status, headers = {}) => {
          response.writeHead(status, headers);
          response.end();
        }),
      );
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/hook`;
  }

  it('honours Retry-After on a 429 before the next POST', async () => {
    const arrivals: number[] = [];
    const endpoint = await listen((_request, respond) => {
      arrivals.push(performance.now());
      if (arrivals.length === 1) respond(429, { 'retry-after': '1' });
      else respond(200);
    });
    const receipt = await createWebhookNotifier({ url: endpoint, ...fast }).send(sampleAction('k1'));
    expect(receipt.attempts).toBe(2);
    // Retry-After: 1 second. The backoff alone would be ≤ 5 ms.
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(950);
  });

  it('fails at once when Retry-After is longer than allowed', async () => {
    let calls = 0;
    const endpoint = await listen((_request, respond) => {
      calls += 1;
      respond(503, { 'retry-after': '120' });
    });
    const error = await createWebhookNotifier({ url: endpoint, ...fast, maxRetryAfterMilliseconds: 1_000 })
      .send(sampleAction('k1'))
      .catch((caught: unknown) => caught);
    expect(calls).toBe(1);
    expect((error as Error).message).toContain('HTTP 503');
  });

  it('retries POSTs against a real server that fails twice, sending the same key each time', async () => {
    const keys: (string | undefined)[] = [];
    const endpoint = await listen((request, respond) => {
      keys.push(request.headers['idempotency-key'] as string | undefined);
      respond(keys.length <= 2 ? 500 : 200);
    });
    const receipt = await createWebhookNotifier({ url: endpoint, ...fast }).send(sampleAction('k9'));
    expect(receipt).toMatchObject({ status: 200, attempts: 3 });
    expect(keys).toEqual(['k9', 'k9', 'k9']);
  });

  it('reports a refused connection as a retryable network error', async () => {
    const endpoint = await listen((_request, respond) => respond(200));
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    const error = await createWebhookNotifier({ url: endpoint, ...fast, retries: 1 })
      .send(sampleAction('k1'))
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'NOTIFICATION_FAILED', isRetryable: true });
    expect((error as Error).message).toMatch(/failed after 2 attempts: network error/);
  });
});
