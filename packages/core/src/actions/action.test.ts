import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionSchema, idempotencyKey } from './action';

describe('idempotencyKey', () => {
  it('joins readable parts with colons', () => {
    expect(idempotencyKey(['alert', 'usage-drop', 'cust-1', '2026-04'])).toBe(
      'alert:usage-drop:cust-1:2026-04',
    );
    expect(idempotencyKey(['a', 7])).toBe('a:7');
  });

  it('never maps two different part lists to one key', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string(), { maxLength: 4 }),
        fc.array(fc.string(), { maxLength: 4 }),
        (left, right) => {
          if (
            JSON.stringify(left) === JSON.stringify(right) ||
            left.length !== right.length ||
            left.length === 0
          )
            return;
          expect(idempotencyKey(left)).not.toBe(idempotencyKey(right));
        },
      ),
    );
    expect(idempotencyKey(['a:b', 'c'])).not.toBe(idempotencyKey(['a', 'b:c']));
  });
});

describe('actionSchema', () => {
  it('rejects non-JSON payload values such as NaN', () => {
    const result = actionSchema.safeParse({
      idempotencyKey: 'k',
      type: 't',
      channel: 'email',
      owner: 'automation',
      priority: 'low',
      automated: true,
      dueAt: '2026-04-01T00:00:00Z',
      title: 'x',
      source: { engine: 'e', ruleId: 'r' },
      payload: { ratio: Number.NaN },
    });
    expect(result.success).toBe(false);
  });
});
