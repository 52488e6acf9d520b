import * as z from 'zod';

/** A fact value a journey condition can test. */
export type FactValue = string | number | boolean | null;

/** Facts about a customer that journey conditions read, e.g. `{ firstMeasurementDone: false }`. */
export type Facts = Readonly<Record<string, FactValue>>;

/**
 * A condition over facts, as plain data so journeys can be stored and edited:
 * `{ fact, op, value }`, or `{ all: [...] }`, `{ any: [...] }`, `{ not: ... }`.
 * A missing fact makes a comparison false (`exists` tests for presence).
 */
export type Condition =
  | { readonly fact: string; readonly op: 'eq' | 'neq'; readonly value: FactValue }
  | { readonly fact: string; readonly op: 'lt' | 'lte' | 'gt' | 'gte'; readonly value: number }
  | { readonly fact: string; readonly op: 'in'; readonly value: readonly FactValue[] }
  | { readonly fact: string; readonly op: 'exists' }
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition };

const factValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** Schema of a {@link Condition}. */
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ fact: z.string().min(1), op: z.enum(['eq', 'neq']), value: factValueSchema }),
    z.object({ fact: z.string().min(1), op: z.enum(['lt', 'lte', 'gt', 'gte']), value: z.number() }),
    z.object({ fact: z.string().min(1), op: z.literal('in'), value: z.array(factValueSchema) }),
    z.object({ fact: z.string().min(1), op: z.literal('exists') }),
    z.object({ all: z.array(conditionSchema) }),
    z.object({ any: z.array(conditionSchema) }),
    z.object({ not: conditionSchema }),
  ]),
);

/** Evaluates a condition against facts. */
export function evaluateCondition(condition: Condition, facts: Facts): boolean {
  if ('all' in condition) return condition.all.every((part) => evaluateCondition(part, facts));
  if ('any' in condition) return condition.any.some((part) => evaluateCondition(part, facts));
  if ('not' in condition) return !evaluateCondition(condition.not, facts);
  const present = Object.hasOwn(facts, condition.fact);
  const actual = facts[condition.fact];
  switch (condition.op) {
    case 'exists':
      return present && actual !== null;
    case 'eq':
      return present && actual === condition.value;
    case 'neq':
      return present && actual !== condition.value;
    case 'in':
      return present && condition.value.includes(actual as FactValue);
    default: {
      if (typeof actual !== 'number') return false;
      const limit = condition.value;
      if (condition.op === 'lt') return actual < limit;
      if (condition.op === 'lte') return actual <= limit;
      if (condition.op === 'gt') return actual > limit;
      return actual >= limit;
    }
  }
}
