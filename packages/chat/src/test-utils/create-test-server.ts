import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** A recorded request. */
export interface RecordedCall {
  readonly url: string;
  readonly headers: Headers;
  readonly body: unknown;
}

type Responder = (request: Request) => Response | Promise<Response>;

/**
 * An msw server for the URLs given, listening for the whole test file. Set `respond` on a URL per
 * test; requests are recorded in `calls` (cleared after each test). Unhandled requests fail.
 */
export function createTestServer(urls: readonly string[]) {
  const calls: RecordedCall[] = [];
  const responders = new Map<string, Responder>();
  const server = setupServer(
    ...urls.map((url) =>
      http.post(url, async ({ request }) => {
        const text = await request.clone().text();
        calls.push({ url, headers: request.headers, body: text === '' ? undefined : JSON.parse(text) });
        const responder = responders.get(url);
        if (responder === undefined) return HttpResponse.json({ error: 'no responder' }, { status: 500 });
        return responder(request);
      }),
    ),
  );
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    calls.length = 0;
    responders.clear();
  });
  afterAll(() => server.close());
  return {
    calls,
    respond(url: string, responder: Responder) {
      responders.set(url, responder);
    },
  };
}

/** A chat-completion body with `content` as the assistant's message. */
export function chatCompletion(content: string, usage = { prompt_tokens: 20, completion_tokens: 10 }) {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 0,
    model: 'test-model',
    choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content, refusal: null } }],
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
  };
}

/** A server-sent-events response streaming `deltas` as chat-completion chunks. */
export function chatCompletionStream(deltas: readonly string[]): Response {
  const encoder = new TextEncoder();
  const events = [
    ...deltas.map((content) => ({
      id: 'chatcmpl-test',
      object: 'chat.completion.chunk',
      created: 0,
      model: 'test-model',
      choices: [{ index: 0, delta: { content }, finish_reason: null }],
    })),
    {
      id: 'chatcmpl-test',
      object: 'chat.completion.chunk',
      created: 0,
      model: 'test-model',
      choices: [],
      usage: { prompt_tokens: 20, completion_tokens: deltas.length, total_tokens: 20 + deltas.length },
    },
  ];
  const body = new ReadableStream({
    start(controller) {
      for (const event of events) controller.enqueue(encoder.encode(`data: ${JSON.stringify(event)}\n\n`));
      controller.enqueue(encoder.encode('data: [DONE]\n\n'));
      controller.close();
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
}
