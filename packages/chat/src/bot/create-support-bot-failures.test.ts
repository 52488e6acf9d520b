import { createEventBus } from '@kizuna/core';
import { delay, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createFaqIndex } from '../faq/create-faq-index';
import { noiseServiceFaq } from '../faq/noise-service-faq';
import { createOpenAIModel } from '../model/create-openai-model';
import { chatCompletion, createTestServer } from '../test-utils/create-test-server';
import { createSupportBot } from './create-support-bot';

const baseURL = 'https://llm.test/v1';
const completionsUrl = `${baseURL}/chat/completions`;
const server = createTestServer([completionsUrl]);
const faq = createFaqIndex(noiseServiceFaq);

function botWith(options: { apiKey?: string; modelTimeoutMilliseconds?: number } = {}) {
  const model = createOpenAIModel({
    ...(options.apiKey === undefined ? {} : { apiKey: options.apiKey }),
    baseURL,
    model: 'test-model',
    maxRetries: 0, // retries are tested against a real server; see create-openai-model-retry.test.ts
  });
  const events = createEventBus();
  const failures: string[] = [];
  events.on('chat.model-failed', (event) => failures.push(event.error));
  const bot = createSupportBot({
    model,
    faq,
    events,
    ...(options.modelTimeoutMilliseconds === undefined
      ? {}
      : { modelTimeoutMilliseconds: options.modelTimeoutMilliseconds }),
  });
  return { bot, failures };
}

const noiseMessage = '上の階の足音がうるさいんです';
const nearFaqMessage = '週末でも測定できますか';

describe('createSupportBot with a failing model', () => {
  it('answers through the OpenAI adapter when the model works', async () => {
    server.respond(completionsUrl, () =>
      HttpResponse.json(
        chatCompletion(
          JSON.stringify({
            reply: 'それはお辛いですね。いつ頃からですか？',
            followUpQuestions: ['いつ頃からですか？'],
          }),
        ),
      ),
    );
    const { bot, failures } = botWith({ apiKey: 'k' });
    const reply = await bot.reply({ conversationId: 'ok', message: noiseMessage });
    expect(reply).toMatchObject({ type: 'conversation', message: 'それはお辛いですね。いつ頃からですか？' });
    expect(failures).toEqual([]);
  });

  it('falls back on a rate limit (429) and emits chat.model-failed', async () => {
    server.respond(completionsUrl, () => new HttpResponse(null, { status: 429 }));
    const { bot, failures } = botWith({ apiKey: 'k' });
    const reply = await bot.reply({ conversationId: 'rate', message: nearFaqMessage });
    expect(reply).toMatchObject({ type: 'faq', fallback: true, faq: { id: 'weekend' } });
    expect(failures[0]).toContain('429');
  });

  it('hands over with an apology on a server error when no FAQ answer is close', async () => {
    server.respond(
      completionsUrl,
      () => new HttpResponse(null, { status: 500, headers: { 'x-should-retry': 'false' } }),
    );
    const { bot, failures } = botWith({ apiKey: 'k' });
    const reply = await bot.reply({ conversationId: 'down', message: noiseMessage });
    expect(reply).toMatchObject({ type: 'escalation', fallback: true });
    expect(reply.message).toContain('申し訳ありません');
    expect(failures).toHaveLength(1);
  });

  it('falls back when the model does not answer in time', async () => {
    server.respond(completionsUrl, async () => {
      await delay(5_000);
      return HttpResponse.json(chatCompletion('{}'));
    });
    const { bot, failures } = botWith({ apiKey: 'k', modelTimeoutMilliseconds: 50 });
    const reply = await bot.reply({ conversationId: 'slow', message: noiseMessage });
    expect(reply.type).toBe('escalation');
    expect(failures).toHaveLength(1);
  });

  it('falls back when the model answers with invalid output', async () => {
    server.respond(completionsUrl, () => HttpResponse.json(chatCompletion('not json at all')));
    const { bot, failures } = botWith({ apiKey: 'k' });
    const reply = await bot.reply({ conversationId: 'invalid', message: noiseMessage });
    expect(reply).toMatchObject({ type: 'escalation', fallback: true });
    expect(failures[0]).toContain('invalid output');
  });

  it('still answers without an API key, sending nothing', async () => {
    const { bot, failures } = botWith();
    const reply = await bot.reply({ conversationId: 'nokey', message: nearFaqMessage });
    expect(reply).toMatchObject({ type: 'faq', fallback: true });
    expect(failures[0]).toContain('no API key');
    expect(server.calls).toHaveLength(0);
  });
});
