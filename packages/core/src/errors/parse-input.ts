import type * as z from 'zod';
import { isFrozenForReuse, rememberedParse, rememberParse } from './reusable-values';
import { KizunaValidationError } from './validation-error';

/**
 * Parses outside input with a zod schema and throws {@link KizunaValidationError} naming each bad
 * field. Every public Kizuna function that takes outside input goes through this.
 *
 * Data marked with `freezeForReuse` is parsed once per schema: later calls with the same object
 * and schema return the first result (frozen) without validating again.
 *
 * @param schema - the schema to parse with
 * @param input - the untrusted value
 * @param what - a short name for the input, used in the message ("customer", "journey options")
 * @throws KizunaValidationError when `input` does not match `schema`
 */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  what: string,
): z.output<Schema> {
  const reusable = isFrozenForReuse(input);
  if (reusable) {
    const remembered = rememberedParse(schema, input as object);
    if (remembered !== undefined) return remembered.data as z.output<Schema>;
  }
  const result = schema.safeParse(input);
  if (!result.success) throw KizunaValidationError.fromZodError(what, result.error);
  if (reusable) rememberParse(schema, input as object, result.data);
  return result.data;
}
