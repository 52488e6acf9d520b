import * as z from 'zod';
import type { JsonValue } from '../actions/action';
import { findNonJson } from '../actions/find-non-json';
import { idSchema, instantSchema } from '../schemas/primitives';

/**
 * A JSON value checked in one pass without copying it (results are large and written often; a
 * recursive zod union cost the worker a tenth of its CPU). Errors name the path, as zod's do.
 */
const checkedJsonValueSchema = z.unknown().check((context) => {
  const found = findNonJson(context.value);
  if (found !== undefined)
    context.issues.push({ code: 'custom', input: context.value, path: found.path, message: found.message });
}) as unknown as z.ZodType<JsonValue>;

/** Schema of a stored engine result. */
export const storedResultSchema = z.object({
  kind: z.string().min(1),
  customerId: idSchema,
  asOf: instantSchema,
  value: checkedJsonValueSchema,
});
