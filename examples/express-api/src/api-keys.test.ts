import { describe, expect, it } from 'vitest';
import { createApiKeyRing, generateApiKey, scopeAllows } from './api-keys';

describe('scopeAllows', () => {
  it('orders the scopes read < write < admin', () => {
    expect(scopeAllows('read', 'read')).toBe(true);
    expect(scopeAllows('read', 'write')).toBe(false);
    expect(scopeAllows('write', 'read')).toBe(true);
    expect(scopeAllows('write', 'admin')).toBe(false);
    expect(scopeAllows('admin', 'write')).toBe(true);
  });
});

describe('createApiKeyRing', () => {
  it('verifies a generated key and rejects a changed, truncated or foreign one', () => {
    const mine = generateApiKey({ name: 'dashboard', scope: 'read', requestsPerMinute: 120 });
    const other = generateApiKey({ name: 'other', scope: 'admin' });
    const ring = createApiKeyRing([mine.stored]);
    expect(ring.verify(mine.key)).toEqual({
      id: mine.stored.id,
      name: 'dashboard',
      scope: 'read',
      requestsPerMinute: 120,
    });
    expect(ring.verify(mine.key.slice(0, -1))).toBeUndefined();
    expect(ring.verify(`${mine.key.slice(0, -1)}${mine.key.endsWith('A') ? 'B' : 'A'}`)).toBeUndefined();
    expect(ring.verify(other.key)).toBeUndefined();
    expect(ring.verify('')).toBeUndefined();
  });

  it('refuses two entries with the same id and malformed hashes', () => {
    const { stored } = generateApiKey({ name: 'a', scope: 'read' });
    expect(() => createApiKeyRing([stored, { ...stored, name: 'b' }])).toThrow(/share an id/);
    expect(() => createApiKeyRing([{ ...stored, sha256: 'not-a-hash' }])).toThrow();
  });

  it('lists keys without their hashes', () => {
    const { stored } = generateApiKey({ name: 'a', scope: 'write' });
    expect(createApiKeyRing([stored]).list()).toEqual([
      { id: stored.id, name: 'a', scope: 'write', requestsPerMinute: 600 },
    ]);
  });
});
