import * as z from 'zod';
import { instantSchema } from '../schemas/primitives';

/** Schema of the options of `Store.renewClaim`, shared by every adapter. */
export const renewClaimOptionsSchema = z.object({
  claimToken: z.string().min(1, { error: 'expected a non-empty claim token' }),
  now: instantSchema,
  leaseMilliseconds: z.number().int({ error: 'expected whole milliseconds' }).positive(),
});

/** Schema of the options of `Store.acknowledgeAction`, shared by every adapter. */
export const acknowledgeOptionsSchema = z.object({
  now: instantSchema,
  by: z.string().trim().min(1, { error: 'expected who marks the action done' }).max(200),
  note: z.string().max(2000).optional(),
});
