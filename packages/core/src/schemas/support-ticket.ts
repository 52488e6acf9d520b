import * as z from 'zod';
import { idSchema, instantSchema } from './primitives';

/**
 * A support ticket through its life: opened, possibly escalated, possibly resolved. Write the ticket
 * again under the same id when it changes; the store keeps the latest version.
 */
export const supportTicketSchema = z
  .object({
    id: idSchema,
    customerId: idSchema,
    /** When the customer opened it. */
    openedAt: instantSchema,
    /** When the first human or bot answer was sent. */
    firstResponseAt: instantSchema.optional(),
    /** When it was escalated to a human or a higher tier. */
    escalatedAt: instantSchema.optional(),
    /** When it was resolved; absent while open. */
    resolvedAt: instantSchema.optional(),
    /** Short subject line. */
    subject: z.string().optional(),
    /** Where it came from. @defaultValue 'chat' */
    channel: z.enum(['chat', 'email', 'phone', 'web']).default('chat'),
    /** Urgency. @defaultValue 'normal' */
    priority: z.enum(['low', 'normal', 'high', 'urgent']).default('normal'),
    /** Whether the bot resolved it without a human. @defaultValue false */
    resolvedBySelfService: z.boolean().default(false),
  })
  .superRefine((ticket, context) => {
    for (const field of ['firstResponseAt', 'escalatedAt', 'resolvedAt'] as const) {
      const value = ticket[field];
      if (value !== undefined && value < ticket.openedAt) {
        context.addIssue({ code: 'custom', path: [field], message: `${field} is before openedAt` });
      }
    }
  });

/** A support ticket. See {@link supportTicketSchema}. */
export type SupportTicket = z.output<typeof supportTicketSchema>;
