import {
  consultationSchema,
  customerSuccessRecordSchema,
  emailEngagementSchema,
  funnelCustomerSchema,
  kpiDailySchema,
  leadSchema,
} from '@kizuna/core';
import * as z from 'zod';

/** The six KPI tables of seeds/002 C8.2; each may be omitted (its KPIs then have no data). */
export const salesTablesSchema = z
  .object({
    leads: z.array(leadSchema).default([]),
    emailEngagements: z.array(emailEngagementSchema).default([]),
    consultations: z.array(consultationSchema).default([]),
    customers: z.array(funnelCustomerSchema).default([]),
    customerSuccess: z.array(customerSuccessRecordSchema).default([]),
    kpiDaily: z.array(kpiDailySchema).default([]),
  })
  .strict();

/** The six tables as you may write them. */
export type SalesTablesInput = z.input<typeof salesTablesSchema>;
/** The six tables after validation. */
export type SalesTables = z.output<typeof salesTablesSchema>;
