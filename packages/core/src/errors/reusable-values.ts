import type * as z from 'zod';

const reusable = new WeakSet<object>();
const remembered = new WeakMap<z.ZodType, WeakMap<object, unknown>>();

function isPlainContainer(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return true;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function freezeDeep(value: object): void {
  if (reusable.has(value)) return;
  Object.freeze(value);
  reusable.add(value);
  for (const inner of Object.values(value)) if (isPlainContainer(inner)) freezeDeep(inner);
}

/**
 * Freezes plain data (objects and arrays, all the way down) and marks it reusable: `parseInput`
 * then validates it once per schema and afterwards returns the remembered result, itself frozen
 * and reusable. A snapshot handed to several engines is validated once per schema instead of once
 * per engine. Freezing is what makes remembering safe: data that cannot change cannot become invalid
 * after it was checked. Class instances inside (a `Date`, a `Map`) are left as they are: pass plain
 * data only.
 *
 * @returns the same value, now frozen
 * @example
 * ```ts
 * import { healthSignals, recommendExpansion, scoreHealth } from '@kizuna/health';
 *
 * const store = createMemoryStore();
 * await store.putRecords('customer', [{ id: 'c1', name: 'ABC 株式会社', segment: 'b2b', plan: 'pro',
 *   createdAt: '2026-01-15T00:00:00Z',
 *   contract: { startsAt: '2026-01-15T00:00:00Z', monthlyMeasurementLimit: 20, mrr: { amount: 80_000 } } }]);
 * const asOf = '2026-04-01T00:00:00Z';
 * const snapshot = freezeForReuse(await buildSnapshot(store, 'c1', { asOf }));
 * const signals = freezeForReuse(healthSignals(snapshot, { asOf }));
 * const health = scoreHealth(signals, { asOf }); // validates `signals` ...
 * const expansion = recommendExpansion(signals); // ... and this does not again
 * console.log(Object.isFrozen(snapshot), Object.isFrozen(signals)); // true true
 * console.log(health.band, expansion.recommendations.length);
 * ```
 */
export function freezeForReuse<Value>(value: Value): Value {
  if (isPlainContainer(value)) freezeDeep(value);
  return value;
}

/** Whether a value was marked by {@link freezeForReuse} (or is a remembered parse result). */
export function isFrozenForReuse(value: unknown): boolean {
  return typeof value === 'object' && value !== null && reusable.has(value);
}

/** The remembered result of parsing a reusable value with a schema, if it was parsed before. */
export function rememberedParse(schema: z.ZodType, input: object): { readonly data: unknown } | undefined {
  const bySchema = remembered.get(schema);
  return bySchema?.has(input) ? { data: bySchema.get(input) } : undefined;
}

/** Remembers the result of parsing a reusable value with a schema, freezing the result for reuse. */
export function rememberParse(schema: z.ZodType, input: object, data: unknown): void {
  let bySchema = remembered.get(schema);
  if (bySchema === undefined) {
    bySchema = new WeakMap();
    remembered.set(schema, bySchema);
  }
  bySchema.set(input, freezeForReuse(data));
}
