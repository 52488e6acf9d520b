import { describe, expect, it } from 'vitest';
import { sampleAction } from '../test-support/sample-action';
import { createConsoleNotifier } from './console-notifier';

describe('createConsoleNotifier', () => {
  it('writes one line per idempotency key', async () => {
    const lines: string[] = [];
    const notifier = createConsoleNotifier({ write: (line) => lines.push(line) });
    await notifier.send(sampleAction('k1', { reasons: [] }));
    await notifier.send(sampleAction('k1', { reasons: [] }));
    await notifier.send(sampleAction('k2', { priority: 'low', customerId: undefined, reasons: ['a', 'b'] }));
    expect(lines).toEqual([
      '🔴 [critical] csm_intervention for c1 (csm, due 2026-04-01T00:00:00.000Z): Call the customer today',
      '⚪ [low] csm_intervention (csm, due 2026-04-01T00:00:00.000Z): Call the customer today — a; b',
    ]);
  });
});
