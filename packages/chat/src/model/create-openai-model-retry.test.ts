import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KizunaError } from '@kizuna/core';
import { afterEach, describe, expect, it } from 'vitest';
import { chatCompletion } from '../test-utils/create-test-server';
import { createOpenAIModel } from './create-openai-model';

// Real retries against a throwaway node:http server on 127.0.0.1 (no msw in this file: msw and
// the SDK's retry of an error body do not mix on Node 20).
const messages = [{ role: 'user' as const, content: '足音がうるさいです' }];

describe('createOpenAIModel against a real HTTP server', () => {
  let httpServer: Server | undefined;
  afterEach(
    () => new Promise<void>((resolve) => (httpServer ? httpServer.close(() => resolve()) : resolve())),
  );

  it('retries 503 responses and succeeds when the server recovers', async () => {
    let requests = 0;
    httpServer = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        requests += 1;
        if (requests < 3) {
          response.writeHead(503, { 'content-type': 'application/json', 'retry-after-ms': '1' });
          response.end(JSON.stringify({ error: { message: 'busy', type: 'server_error' } }));
          return;
        }
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(chatCompletion('回復しました')));
      });
    });
    await new Promise<void>((resolve) => httpServer!.listen(0, '127.0.0.1', resolve));
    const { port } = httpServer.address() as AddressInfo;
    const real = createOpenAIModel({
      apiKey: 'k',
      baseURL: `http://127.0.0.1:${port}/v1`,
      model: 'm',
      maxRetries: 2,
    });
    expect((await real.generateText({ messages })).text).toBe('回復しました');
    expect(requests).toBe(3);
  });

  it('gives up after the last retry with a retryable upstream failure', async () => {
    let requests = 0;
    httpServer = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        requests += 1;
        response.writeHead(429, { 'content-type': 'application/json', 'retry-after-ms': '1' });
        response.end(JSON.stringify({ error: { message: 'slow down', type: 'rate_limit' } }));
      });
    });
    await new Promise<void>((resolve) => httpServer!.listen(0, '127.0.0.1', resolve));
    const { port } = httpServer.address() as AddressInfo;
    const real = createOpenAIModel({
      apiKey: 'k',
      baseURL: `http://127.0.0.1:${port}/v1`,
      model: 'm',
      maxRetries: 1,
    });
    const error = (await real.generateText({ messages }).catch((reason: unknown) => reason)) as KizunaError;
    expect(KizunaError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'UPSTREAM_FAILED', isRetryable: true });
    expect(requests).toBe(2);
  });
});
