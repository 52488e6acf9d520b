import { randomUUID } from 'node:crypto';
import type { BotReply, BotReplyInput } from '@kizuna/chat';
import type { Response } from 'express';
import * as z from 'zod';
import type { ApiContext } from '../api-context';
import { healthResultKind } from '../customer-insights';
import { ApiProblem } from '../problem-details';
import { apiIdSchema } from './common-schemas';
import { defineRoute, type RouteDefinition } from './route-definition';

const chatMessageSchema = z.object({
  /** The customer writing; their name, health band and MRR inform the reply and the escalation. */
  customerId: apiIdSchema().optional(),
  /** The conversation; a new one starts when absent (its id is in the reply). */
  conversationId: apiIdSchema().optional(),
  /** The customer's message. */
  message: z.string().trim().min(1).max(4000),
});

const botReplySchema = z
  .object({
    type: z.enum(['faq', 'conversation', 'plan_recommendation', 'escalation']),
    message: z.string(),
    conversationId: z.string(),
    language: z.enum(['ja', 'en']),
    escalation: z
      .object({ priority: z.string(), reasons: z.array(z.unknown()), notified: z.boolean() })
      .loose()
      .optional(),
    fallback: z.boolean().optional(),
  })
  .loose();

/** Splits a reply into sentence-sized pieces for the event stream (Japanese and Latin punctuation). */
export function sentencePieces(text: string): string[] {
  return text.match(/[^。！？.!?]+[。！？.!?]*\s*/gu) ?? [text];
}

function streamReply(response: Response, reply: Promise<BotReply>): Promise<undefined> {
  response.status(200);
  response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  response.setHeader('Cache-Control', 'no-cache, no-transform');
  response.setHeader('X-Accel-Buffering', 'no');
  response.flushHeaders();
  const send = (event: string, data: unknown) =>
    response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  send('status', { state: 'thinking' });
  return reply.then(
    (answer) => {
      for (const piece of sentencePieces(answer.message)) send('delta', { text: piece });
      send(answer.type === 'escalation' ? 'handoff' : 'reply', answer);
      send('done', {});
      response.end();
      return undefined;
    },
    (error: unknown) => {
      // Headers are out: report the problem in the stream, then end it.
      send('error', { code: error instanceof ApiProblem ? error.code : 'INTERNAL' });
      response.end();
      throw error;
    },
  );
}

/**
 * The support chat (`@kizuna/chat`'s bot): FAQ, conversation through the language model, diagnosis
 * and plan recommendation, or a hand-over to a person. JSON by default; with
 * `Accept: text/event-stream` the answer is sent as server-sent events.
 */
export function chatRoutes(context: ApiContext): RouteDefinition[] {
  return [
    defineRoute({
      method: 'post',
      path: '/v1/chat/messages',
      operationId: 'sendChatMessage',
      summary: 'Send a customer message; get the reply or a hand-over',
      description:
        'With `Accept: text/event-stream` the answer streams as server-sent events: `status` at once, `delta` pieces of the text, then `reply` (or `handoff` when a person takes over) with the whole answer, then `done`. The bot makes one structured model call per message, so the pieces follow once that call returns.',
      tag: 'chat',
      scope: 'write',
      usesStore: true,
      body: { kind: 'json', schema: chatMessageSchema, maxBytes: 16 * 1024 },
      responses: {
        200: {
          description: 'The answer (JSON), or its event stream (text/event-stream)',
          schema: botReplySchema,
        },
      },
      handle: async ({ body, request, response }) => {
        const customer =
          body.customerId === undefined ? undefined : await customerContext(context, body.customerId);
        const input: BotReplyInput = {
          conversationId: body.conversationId ?? randomUUID(),
          message: body.message,
          ...(customer === undefined ? {} : { customer }),
        };
        const reply = context.supportBot.reply(input);
        if (request.accepts(['application/json', 'text/event-stream']) === 'text/event-stream')
          return streamReply(response, reply);
        return { body: await reply };
      },
    }),
  ];
}

async function customerContext(context: ApiContext, customerId: string): Promise<BotReplyInput['customer']> {
  const [customer, health] = await Promise.all([
    context.store.getRecord('customer', customerId),
    context.store.getLatestResult(healthResultKind, customerId),
  ]);
  if (customer === undefined) throw new ApiProblem('NOT_FOUND', `Customer "${customerId}" does not exist.`);
  const status = (health?.value as { status?: unknown } | undefined)?.status;
  return {
    id: customer.id,
    name: customer.name,
    account: {
      ...(status === 'red' || status === 'yellow' || status === 'green' ? { healthBand: status } : {}),
      ...(customer.contract === undefined ? {} : { monthlyRecurringRevenue: customer.contract.mrr.amount }),
    },
  };
}
