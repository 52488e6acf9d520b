/**
 * Compares two strings by Unicode code point, the order every store uses for ids (PostgreSQL's
 * `collate "C"` on UTF-8). JavaScript's `<` compares UTF-16 code units, which differs for
 * characters outside the Basic Multilingual Plane.
 */
export function compareCodePoints(left: string, right: string): number {
  if (left === right) return 0;
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index += 1) {
    const a = left.codePointAt(index)!;
    const b = right.codePointAt(index)!;
    if (a !== b) return a < b ? -1 : 1;
    if (a > 0xffff) index += 1;
  }
  return left.length < right.length ? -1 : left.length > right.length ? 1 : 0;
}

/**
 * JSON with object keys sorted, so two values that are deeply equal give the same text whatever
 * the order their keys were written in. Stores use it to decide that a record is `unchanged`.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(inner).sort()) sorted[key] = (inner as Record<string, unknown>)[key];
    return sorted;
  });
}
