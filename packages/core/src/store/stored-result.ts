import * as z from 'zod';
import { jsonValueSchema } from '../actions/action';
import { idSchema, instantSchema } from '../schemas/primitives';

/** Schema of a stored engine result. */
export const storedResultSchema = z.object({
  kind: z.string().min(1),
  customerId: idSchema,
  asOf: instantSchema,
  value: jsonValueSchema,
});
