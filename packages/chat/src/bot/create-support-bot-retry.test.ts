import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createFaqIndex } from '../faq/create-faq-index';
import { noiseServiceFaq } from '../faq/noise-service-faq';
import { createOpenAIModel } from '../model/create-openai-model';
import { chatCompletion } from '../test-utils/create-test-server';
import { createSupportBot } from './create-support-bot';

// A throwaway node:http server on 127.0.0.1: the SDK's real retries, end to end through the bot.
describe('createSupportBot against a real HTTP server', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it('answers after the model server recovers from a 503', async () => {
    let requests = 0;
    server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        requests += 1;
        if (requests === 1) {
          response.writeHead(503, { 'content-type': 'application/json', 'retry-after-ms': '1' });
          response.end(JSON.stringify({ error: { message: 'busy' } }));
          return;
        }
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify(chatCompletion(JSON.stringify({ reply: '大変ですね。', followUpQuestions: [] }))),
        );
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const model = createOpenAIModel({
      apiKey: 'k',
      baseURL: `http://127.0.0.1:${port}/v1`,
      model: 'm',
      maxRetries: 2,
    });
    const bot = createSupportBot({ model, faq: createFaqIndex(noiseServiceFaq) });
    const reply = await bot.reply({ conversationId: 'retry', message: '上の階の足音がうるさいんです' });
    expect(reply).toMatchObject({ type: 'conversation', message: '大変ですね。' });
    expect(requests).toBe(2);
  });
});
