import { KizunaError } from '@kizuna/core';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createOfflineModel } from './create-offline-model';

const replySchema = z.object({ reply: z.string().min(1), followUpQuestions: z.array(z.string()) });

describe('createOfflineModel', () => {
  it('answers with empathy and asks the seed questions not yet answered', async () => {
    const model = createOfflineModel();
    const { object } = await model.generateObject({
      messages: [{ role: 'user', content: '上の階の足音がうるさくて困っています' }],
      schema: replySchema,
      schemaName: 'support_reply',
    });
    expect(object.reply).toContain('お辛い');
    expect(object.followUpQuestions).toEqual([
      'いつ頃から気になっていますか？',
      '主に何時頃に聞こえますか？',
      '管理会社や大家さんには相談されましたか？',
    ]);
    const later = await model.generateObject({
      messages: [{ role: 'user', content: '半年前から、夜11時ごろです。管理会社には相談済みです' }],
      schema: replySchema,
      schemaName: 'support_reply',
    });
    expect(later.object.followUpQuestions).toEqual([]);
  });

  it('is deterministic and answers English in English', async () => {
    const model = createOfflineModel();
    const request = { messages: [{ role: 'user' as const, content: 'There is thumping upstairs' }] };
    const first = await model.generateText(request);
    expect((await model.generateText(request)).text).toBe(first.text);
    expect(first.text).toContain('When did it start?');
  });

  it('rejects scripted output that does not match the schema', async () => {
    const model = createOfflineModel({ responder: () => ({ reply: 42 }) });
    const error = await model
      .generateObject({
        messages: [{ role: 'user', content: 'x' }],
        schema: replySchema,
        schemaName: 'support_reply',
      })
      .catch((reason: unknown) => reason);
    expect(KizunaError.isInstance(error) && error.code).toBe('UPSTREAM_FAILED');
  });

  it('streams the reply in sentences and embeds texts deterministically', async () => {
    const model = createOfflineModel();
    const stream = model.streamText({ messages: [{ role: 'user', content: '足音が気になります' }] });
    const parts: string[] = [];
    for await (const part of stream.textStream) parts.push(part);
    expect(parts.join('')).toBe((await stream.result).text);
    expect(parts.length).toBeGreaterThan(1);
    const [left, right] = (await model.embed?.(['料金', '料金'])) ?? [];
    expect(left).toEqual(right);
    expect(left).toHaveLength(64);
  });
});
