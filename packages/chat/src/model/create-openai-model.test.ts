import { KizunaError } from '@kizuna/core';
import { delay, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { chatCompletion, chatCompletionStream, createTestServer } from '../test-utils/create-test-server';
import { createOpenAIModel } from './create-openai-model';

const baseURL = 'https://llm.test/v1';
const completionsUrl = `${baseURL}/chat/completions`;
const server = createTestServer([completionsUrl, `${baseURL}/embeddings`]);
const replySchema = z.object({ reply: z.string(), followUpQuestions: z.array(z.string()) });
const messages = [
  { role: 'system' as const, content: 'You are a support assistant.' },
  { role: 'user' as const, content: '足音がうるさいです' },
];
// The SDK's own retries are off in unit tests (msw + an error body can hang the SDK on Node 20);
// retries are tested against a real node:http server below.
const model = (options: Partial<Parameters<typeof createOpenAIModel>[0]> = {}) =>
  createOpenAIModel({ apiKey: 'test-key', baseURL, model: 'test-model', maxRetries: 0, ...options });

async function failure(promise: Promise<unknown>): Promise<KizunaError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(KizunaError.isInstance(error)).toBe(true);
  return error as KizunaError;
}

describe('createOpenAIModel', () => {
  it('returns structured output validated by the zod schema, and sends a strict JSON schema', async () => {
    server.respond(completionsUrl, () =>
      HttpResponse.json(
        chatCompletion(JSON.stringify({ reply: '大変ですね。', followUpQuestions: ['いつからですか？'] })),
      ),
    );
    const result = await model().generateObject({
      messages,
      schema: replySchema,
      schemaName: 'support_reply',
    });
    expect(result.object).toEqual({ reply: '大変ですね。', followUpQuestions: ['いつからですか？'] });
    expect(result.usage).toEqual({ inputTokens: 20, outputTokens: 10 });
    const body = server.calls[0]!.body as {
      response_format: { type: string; json_schema: { strict: boolean } };
      max_completion_tokens: number;
      messages: unknown[];
    };
    expect(body.response_format.type).toBe('json_schema');
    expect(body.response_format.json_schema.strict).toBe(true);
    expect(body.max_completion_tokens).toBe(300);
    expect(body.messages[1]).toEqual({ role: 'user', content: '足音がうるさいです' });
    expect(server.calls[0]?.headers.get('authorization')).toBe('Bearer test-key');
  });

  it('rejects output that does not match the schema', async () => {
    server.respond(completionsUrl, () => HttpResponse.json(chatCompletion(JSON.stringify({ answer: 42 }))));
    const error = await failure(
      model().generateObject({ messages, schema: replySchema, schemaName: 'support_reply' }),
    );
    expect(error.code).toBe('UPSTREAM_FAILED');
  });

  it('rejects a rate limit as a retryable upstream failure', async () => {
    server.respond(completionsUrl, () => new HttpResponse(null, { status: 429 }));
    const error = await failure(model().generateText({ messages }));
    expect(error).toMatchObject({ code: 'UPSTREAM_FAILED', isRetryable: true });
    expect(error.message).toContain('429');
  });

  it('rejects a server error as a retryable upstream failure', async () => {
    server.respond(
      completionsUrl,
      () => new HttpResponse(null, { status: 503, headers: { 'x-should-retry': 'false' } }),
    );
    const error = await failure(model().generateText({ messages }));
    expect(error).toMatchObject({ code: 'UPSTREAM_FAILED', isRetryable: true });
  });

  it('rejects a call that outlives its timeout', async () => {
    server.respond(completionsUrl, async () => {
      await delay(2_000);
      return HttpResponse.json(chatCompletion('late'));
    });
    const error = await failure(model({ timeoutMilliseconds: 30 }).generateText({ messages }));
    expect(error).toMatchObject({ code: 'UPSTREAM_FAILED', isRetryable: true });
  });

  it('fails every call without an API key, sending nothing', async () => {
    const offline = createOpenAIModel({ baseURL, model: 'test-model' });
    const error = await failure(offline.generateText({ messages }));
    expect(error.code).toBe('UPSTREAM_FAILED');
    expect(error.message).toContain('no API key');
    expect(server.calls).toHaveLength(0);
  });

  it('refuses input above the token cap and calls above the cost caps before sending', async () => {
    const long = [{ role: 'user' as const, content: '音'.repeat(9_000) }];
    expect((await failure(model().generateText({ messages: long }))).code).toBe('LIMIT_EXCEEDED');
    const priced = model({
      pricing: { inputPerMillionTokens: 1_000_000, outputPerMillionTokens: 0 },
      maxCostPerCall: 5,
    });
    expect((await failure(priced.generateText({ messages }))).code).toBe('LIMIT_EXCEEDED');
    expect(server.calls).toHaveLength(0);
  });

  it('tracks spending and refuses calls once the budget is spent', async () => {
    server.respond(completionsUrl, () => HttpResponse.json(chatCompletion('はい')));
    const budgeted = model({
      pricing: { inputPerMillionTokens: 50_000, outputPerMillionTokens: 100_000 },
      budget: 1,
    });
    await budgeted.generateText({ messages });
    expect(budgeted.spending()).toEqual({ calls: 1, inputTokens: 20, outputTokens: 10, cost: 2 });
    expect((await failure(budgeted.generateText({ messages }))).code).toBe('LIMIT_EXCEEDED');
    expect(server.calls).toHaveLength(1);
  });

  it('streams text deltas and resolves the whole text', async () => {
    server.respond(completionsUrl, () => chatCompletionStream(['大変', 'ですね', '。']));
    const stream = model().streamText({ messages });
    const parts: string[] = [];
    for await (const part of stream.textStream) parts.push(part);
    expect(parts).toEqual(['大変', 'ですね', '。']);
    expect((await stream.result).text).toBe('大変ですね。');
    expect((server.calls[0]!.body as Record<string, unknown>).stream).toBe(true);
  });

  it('embeds texts in input order', async () => {
    server.respond(`${baseURL}/embeddings`, () =>
      HttpResponse.json({
        object: 'list',
        model: 'text-embedding-3-small',
        data: [
          { object: 'embedding', index: 1, embedding: [0, 1] },
          { object: 'embedding', index: 0, embedding: [1, 0] },
        ],
        usage: { prompt_tokens: 4, total_tokens: 4 },
      }),
    );
    expect(await model().embed?.(['a', 'b'])).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });
});
