import * as z from 'zod';
import { calendarDateSchema, idSchema, instantSchema, nonNegativeMoneySchema } from './primitives';

/**
 * The six KPI tables of the sales funnel (seeds/002 C8.2). Field names follow the seed, in camelCase.
 */

/** A lead (見込み客): someone who opted in through a landing page or lead magnet. */
export const leadSchema = z.object({
  id: idSchema,
  email: z.email({ error: 'expected an e-mail address' }).optional(),
  name: z.string().optional(),
  phone: z.string().optional(),
  /** Where the lead came from: `sns`, `ads`, `referral`, `seo`, ... */
  source: z.string().min(1),
  /** The lead magnet that captured them (checklist, webinar, e-book, ...). */
  leadMagnetType: z.string().min(1).optional(),
  /** When they opted in. */
  optInAt: instantSchema,
  /** Segment tags. @defaultValue [] */
  tags: z.array(z.string()).default([]),
  /** @defaultValue 'active' */
  status: z.enum(['active', 'inactive', 'converted']).default('active'),
});
/** A lead. */
export type Lead = z.output<typeof leadSchema>;

/** One e-mail sent to a lead, and whether it was opened and clicked (Email_Engagement). */
export const emailEngagementSchema = z.object({
  id: idSchema,
  leadId: idSchema,
  campaignId: idSchema,
  sentAt: instantSchema,
  opened: z.boolean(),
  clicked: z.boolean(),
  clickUrl: z.string().optional(),
});
/** An e-mail engagement row. */
export type EmailEngagement = z.output<typeof emailEngagementSchema>;

/** An individual consultation (個別相談) booked by a lead, and its outcome. */
export const consultationSchema = z.object({
  id: idSchema,
  leadId: idSchema,
  /** When the lead asked for the consultation. */
  requestedAt: instantSchema.optional(),
  /** When it is (or was) held. */
  scheduledAt: instantSchema,
  attended: z.boolean(),
  /** `won` (成約), `lost` (未成約) or `pending` (検討中). */
  outcome: z.enum(['won', 'lost', 'pending']),
  followUpAt: instantSchema.optional(),
});
/** A consultation. */
export type Consultation = z.output<typeof consultationSchema>;

/** A closed deal in the sales funnel's Customers table (standard / premium / VIP programme). */
export const funnelCustomerSchema = z.object({
  id: idSchema,
  leadId: idSchema,
  plan: z.string().min(1),
  price: nonNegativeMoneySchema,
  startedAt: instantSchema,
  endedAt: instantSchema.optional(),
  status: z.enum(['active', 'completed', 'churned']),
});
/** A row of the funnel's Customers table. */
export type FunnelCustomer = z.output<typeof funnelCustomerSchema>;

/** The outcome a customer achieved (Customer_Success): revenue before and after, NPS, testimonial. */
export const customerSuccessRecordSchema = z.object({
  id: idSchema,
  customerId: idSchema,
  revenueBefore: nonNegativeMoneySchema,
  revenueAfter: nonNegativeMoneySchema,
  npsScore: z.number().int().min(0).max(10).optional(),
  testimonial: z.string().optional(),
  recordedAt: instantSchema,
});
/** A customer-success outcome row. */
export type CustomerSuccessRecord = z.output<typeof customerSuccessRecordSchema>;

/** Daily funnel counters (KPI_Daily), one row per calendar date. */
export const kpiDailySchema = z.object({
  date: calendarDateSchema,
  impressions: z.number().int().nonnegative().default(0),
  profileClicks: z.number().int().nonnegative().default(0),
  websiteVisitors: z.number().int().nonnegative(),
  lpVisitors: z.number().int().nonnegative(),
  optIns: z.number().int().nonnegative(),
  consultationRequests: z.number().int().nonnegative(),
  consultationsHeld: z.number().int().nonnegative(),
  sales: z.number().int().nonnegative(),
  revenue: nonNegativeMoneySchema,
});
/** A KPI_Daily row. */
export type KpiDaily = z.output<typeof kpiDailySchema>;
