import type { JsonValue } from '@kizuna/core';

/**
 * Turns an engine result into plain JSON for `store.putResult`: optional fields that are
 * `undefined` are dropped (the store's JSON schema refuses them) and typed arrays become arrays.
 */
export function toJsonValue(value: unknown): JsonValue {
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}
