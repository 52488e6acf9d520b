import { idSchema } from '@kizuna/core';
import * as z from 'zod';
import type { ApiContext } from '../api-context';
import { notImplemented } from './not-implemented';
import { defineRoute, type RouteDefinition } from './route-definition';

const chatMessageSchema = z.object({
  customerId: idSchema,
  /** The conversation; a new one starts when absent. */
  conversationId: idSchema.max(200).optional(),
  /** The customer's message. */
  text: z.string().trim().min(1).max(4000),
});

/** The support chat: a reply or a handoff to a human, as JSON or streamed as server-sent events. */
export function chatRoutes(_context: ApiContext): RouteDefinition[] {
  return [
    defineRoute({
      method: 'post',
      path: '/v1/chat/messages',
      operationId: 'sendChatMessage',
      summary: 'Send a customer message; get the reply or a handoff',
      description:
        'With `Accept: text/event-stream` the reply streams as server-sent events (`token`, then `done` with the full reply, or `handoff`).',
      tag: 'chat',
      scope: 'write',
      usesStore: true,
      notImplemented: true,
      body: { kind: 'json', schema: chatMessageSchema, maxBytes: 16 * 1024 },
      responses: {
        200: {
          description: 'The reply (JSON) or its stream (text/event-stream)',
          schema: z.record(z.string(), z.unknown()),
        },
      },
      handle: () => notImplemented('The support chat', '@kizuna/chat has not landed yet.'),
    }),
  ];
}
