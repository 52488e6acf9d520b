import type * as z from 'zod';
import { customerSchema } from './customer';
import {
  consultationSchema,
  customerSuccessRecordSchema,
  emailEngagementSchema,
  funnelCustomerSchema,
  kpiDailySchema,
  leadSchema,
} from './funnel-tables';
import { interactionSchema } from './interaction';
import { invoiceSchema, paymentSchema } from './invoice';
import { subscriptionEventSchema } from './subscription-event';
import { supportTicketSchema } from './support-ticket';
import { surveyResponseSchema } from './survey-response';
import { usageEventSchema } from './usage-event';

/**
 * The schema of every kind of record a store keeps, by kind. Customer-scoped kinds carry a
 * `customerId`; the funnel tables are workspace-wide.
 */
export const recordSchemas = {
  customer: customerSchema,
  usageEvent: usageEventSchema,
  supportTicket: supportTicketSchema,
  surveyResponse: surveyResponseSchema,
  invoice: invoiceSchema,
  payment: paymentSchema,
  interaction: interactionSchema,
  subscriptionEvent: subscriptionEventSchema,
  lead: leadSchema,
  emailEngagement: emailEngagementSchema,
  consultation: consultationSchema,
  funnelCustomer: funnelCustomerSchema,
  customerSuccess: customerSuccessRecordSchema,
  kpiDaily: kpiDailySchema,
} as const;

/** The name of a kind of record. */
export type RecordKind = keyof typeof recordSchemas;

/** The validated record type of each kind. */
export type RecordOf<Kind extends RecordKind> = z.output<(typeof recordSchemas)[Kind]>;

/** The input type (defaults optional) of each kind. */
export type RecordInputOf<Kind extends RecordKind> = z.input<(typeof recordSchemas)[Kind]>;

/** The kinds that belong to one customer and are queried by customer and time. */
export const customerRecordKinds = [
  'usageEvent',
  'supportTicket',
  'surveyResponse',
  'invoice',
  'payment',
  'interaction',
  'subscriptionEvent',
] as const;

/** A kind of record that belongs to one customer. */
export type CustomerRecordKind = (typeof customerRecordKinds)[number];

/** Every record kind, in a stable order. */
export const recordKinds = Object.keys(recordSchemas) as RecordKind[];

/**
 * The instant a record is filed under for time-range queries, by kind. Tickets by when they were
 * opened, invoices by issue date, KPI rows by their date (midnight UTC).
 */
export function recordTime<Kind extends RecordKind>(kind: Kind, record: RecordOf<Kind>): string {
  const value = record as Record<string, unknown>;
  switch (kind) {
    case 'customer':
      return value.createdAt as string;
    case 'supportTicket':
      return value.openedAt as string;
    case 'surveyResponse':
      return value.respondedAt as string;
    case 'invoice':
      return value.issuedAt as string;
    case 'payment':
      return value.paidAt as string;
    case 'lead':
      return value.optInAt as string;
    case 'emailEngagement':
      return value.sentAt as string;
    case 'consultation':
      return value.scheduledAt as string;
    case 'funnelCustomer':
      return value.startedAt as string;
    case 'customerSuccess':
      return value.recordedAt as string;
    case 'kpiDaily':
      return `${value.date as string}T00:00:00.000Z`;
    default:
      return value.occurredAt as string;
  }
}

/** The id of a record (KPI rows are keyed by their date). */
export function recordId<Kind extends RecordKind>(kind: Kind, record: RecordOf<Kind>): string {
  const value = record as Record<string, unknown>;
  return kind === 'kpiDaily' ? (value.date as string) : (value.id as string);
}
