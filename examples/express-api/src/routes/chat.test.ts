import { createMemoryStore, type Store } from '@kizuna/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApi, readJson, startApi } from '../test-support/api-harness';
import { sampleCustomer } from '../test-support/sample-records';
import { sentencePieces } from './chat';

/** Parses a server-sent-events body into its events. */
function parseEvents(text: string): { event: string; data: unknown }[] {
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
      const data = /^data: (.*)$/m.exec(block)?.[1] ?? 'null';
      return { event, data: JSON.parse(data) };
    });
}

describe('POST /v1/chat/messages (offline model, no network)', () => {
  let store: Store;
  let run: RunningApi;
  beforeAll(async () => {
    store = createMemoryStore();
    run = await startApi({ store });
    await run.call('/v1/records/customer', { key: 'write', json: { records: [sampleCustomer] } });
  });
  afterAll(() => run.close());

  it('answers a FAQ question as JSON', async () => {
    const response = await readJson(
      await run.call('/v1/chat/messages', {
        key: 'write',
        json: { message: 'キャンセル料はかかりますか？' },
      }),
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ type: 'faq', language: 'ja', conversationId: expect.any(String) });
    expect(response.body.message.length).toBeGreaterThan(0);
  });

  it('hands an angry customer over to a person and records the conversation', async () => {
    const response = await readJson(
      await run.call('/v1/chat/messages', {
        key: 'write',
        json: {
          customerId: 'acme',
          conversationId: 'conv-1',
          message: '最悪です。もう解約したい。返金してください。',
        },
      }),
    );
    expect(response.status).toBe(200);
    expect(response.body.type).toBe('escalation');
    expect(response.body.escalation.reasons.length).toBeGreaterThan(0);
    const interactions = await store.listRecords('interaction', { customerId: 'acme' });
    expect(interactions.length).toBeGreaterThan(0);
  });

  it('streams the answer as server-sent events when asked to', async () => {
    const response = await run.call('/v1/chat/messages', {
      key: 'write',
      headers: { accept: 'text/event-stream' },
      json: { message: 'What should I do about footsteps from upstairs at night?' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events = parseEvents(await response.text());
    expect(events[0]).toEqual({ event: 'status', data: { state: 'thinking' } });
    expect(events.at(-1)?.event).toBe('done');
    const final = events.find((entry) => entry.event === 'reply' || entry.event === 'handoff')!.data as {
      message: string;
    };
    const deltas = events
      .filter((entry) => entry.event === 'delta')
      .map((entry) => (entry.data as { text: string }).text);
    expect(deltas.join('')).toBe(final.message);
  });

  it('answers 404 for an unknown customer, 400 for an empty message and 413 for a huge one', async () => {
    expect(
      (await run.call('/v1/chat/messages', { key: 'write', json: { customerId: 'nobody', message: 'hi' } }))
        .status,
    ).toBe(404);
    expect((await run.call('/v1/chat/messages', { key: 'write', json: { message: '   ' } })).status).toBe(
      400,
    );
    expect(
      (await run.call('/v1/chat/messages', { key: 'write', json: { message: 'x'.repeat(20_000) } })).status,
    ).toBe(413);
  });
});

describe('sentencePieces', () => {
  it('splits Japanese and English text into sentences that join back to the text', () => {
    const text = 'ご不便をおかけしています。いつ頃からですか？ We can help. Book now!';
    expect(sentencePieces(text)).toEqual([
      'ご不便をおかけしています。',
      'いつ頃からですか？ ',
      'We can help. ',
      'Book now!',
    ]);
    expect(sentencePieces(text).join('')).toBe(text);
  });
});
