import * as z from 'zod';
import { idSchema, instantSchema } from './primitives';

const usageEventBase = {
  /** Unique id of the event: writing the same id twice stores it once. */
  id: idSchema,
  /** The customer the event belongs to. */
  customerId: idSchema,
  /** When it happened. */
  occurredAt: instantSchema,
};

/**
 * Something a customer did with the product.
 *
 * - `measurement`: a noise measurement was carried out, lasting `hours`.
 * - `login`: the customer signed in to the dashboard or app.
 * - `report_delivered`: a measurement report was made available to the customer.
 * - `report_view`: the customer opened a report.
 * - `feature_use`: the customer used a named product feature.
 * - `negotiation`: a B2C customer attempted a negotiation with the other party (seeds/001 §5.4).
 * - `mediation`: the AI mediation service was used.
 */
export const usageEventSchema = z.discriminatedUnion('kind', [
  z.object({
    ...usageEventBase,
    kind: z.literal('measurement'),
    /** Measurement duration in hours. */
    hours: z.number().nonnegative().finite(),
    /** The property (building, unit) measured, for B2B. */
    propertyId: z.string().min(1).optional(),
  }),
  z.object({ ...usageEventBase, kind: z.literal('login') }),
  z.object({ ...usageEventBase, kind: z.literal('report_delivered'), reportId: idSchema }),
  z.object({ ...usageEventBase, kind: z.literal('report_view'), reportId: idSchema }),
  z.object({ ...usageEventBase, kind: z.literal('feature_use'), feature: z.string().trim().min(1) }),
  z.object({ ...usageEventBase, kind: z.literal('negotiation') }),
  z.object({ ...usageEventBase, kind: z.literal('mediation') }),
]);

/** A usage event. See {@link usageEventSchema}. */
export type UsageEvent = z.infer<typeof usageEventSchema>;
/** The kinds of usage event. */
export type UsageEventKind = UsageEvent['kind'];
