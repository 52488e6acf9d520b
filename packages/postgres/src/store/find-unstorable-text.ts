import { KizunaValidationError } from '@kizuna/core';

const unpairedSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function isUnstorable(text: string): boolean {
  return text.includes('\u0000') || unpairedSurrogate.test(text);
}

function findIn(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return isUnstorable(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const found = findIn(value[index], `${path}[${index}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      const innerPath = path === '' ? key : `${path}.${key}`;
      if (isUnstorable(key)) return innerPath;
      const found = findIn(inner, innerPath);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * PostgreSQL's `jsonb` cannot hold the NUL character (U+0000) or a lone UTF-16 surrogate, which
 * JavaScript strings and core's schemas allow. Rather than let the database fail the whole batch
 * with a bare SQLSTATE, name the field, as any other validation error does.
 *
 * @param what - what is being validated ("usageEvent records", "actions", "result")
 * @param items - the values, already validated by their schema
 * @param pathOf - the path prefix of item `index` (`[3]`)
 * @throws KizunaValidationError naming the first field that cannot be stored
 */
export function assertStorableText(
  what: string,
  items: readonly unknown[],
  pathOf: (index: number) => string,
  jsonOf: (index: number) => string,
): void {
  for (let index = 0; index < items.length; index += 1) {
    // Fast path: JSON.stringify escapes both as \u0000 and \udxxx; no such escape, nothing to find.
    if (!/\\u(0000|d[89a-f])/i.test(jsonOf(index))) continue;
    const found = findIn(items[index], pathOf(index));
    if (found !== undefined)
      throw KizunaValidationError.forField(
        what,
        found,
        'PostgreSQL cannot store the NUL character (U+0000) or an unpaired surrogate in text',
      );
  }
}
