import { describe, expect, it } from 'vitest';
import { createEventBus } from './event-bus';

describe('createEventBus', () => {
  it('delivers typed payloads to listeners and stops after off', () => {
    const events = createEventBus();
    const received: string[] = [];
    const listener = (event: { readonly conversationId: string; readonly reasonCodes: readonly string[] }) =>
      received.push(`${event.conversationId}:${event.reasonCodes.join(',')}`);
    events.on('chat.escalated', listener);
    events.emit('chat.escalated', {
      occurredAt: '2026-04-01T00:00:00.000Z',
      conversationId: 'conv-1',
      priority: 'high',
      reasonCodes: ['legal'],
    });
    events.off('chat.escalated', listener);
    events.emit('chat.escalated', {
      occurredAt: '2026-04-01T00:00:00.000Z',
      conversationId: 'conv-2',
      priority: 'high',
      reasonCodes: [],
    });
    expect(received).toEqual(['conv-1:legal']);
  });
});
