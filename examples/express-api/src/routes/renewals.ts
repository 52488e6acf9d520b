import { type Customer, type StoredResult, timeZoneSchema, toInstant } from '@kizuna/core';
import { monthRange } from '@kizuna/funnel';
import * as z from 'zod';
import type { ApiContext } from '../api-context';
import { healthResultKind } from '../customer-insights';
import { ApiProblem } from '../problem-details';
import { apiIdSchema } from './common-schemas';
import { defineRoute, type RouteDefinition } from './route-definition';

/** Most contracts one renewals request reads. */
export const maxRenewals = 10_000;

/** How a renewal stands. */
export type RenewalStanding = 'automatic' | 'negotiating' | 'at-risk';

/** The latest stored health of an account, as the renewals list shows it. */
export interface RenewalHealth {
  readonly score: number;
  readonly status: 'red' | 'yellow' | 'green';
}

/**
 * Renewal standing: red health → `at-risk` (whatever the contract says); else auto-renew →
 * `automatic`; else `negotiating` (somebody has to agree the renewal).
 */
export function renewalStanding(autoRenew: boolean, health: RenewalHealth | null): RenewalStanding {
  if (health?.status === 'red') return 'at-risk';
  return autoRenew ? 'automatic' : 'negotiating';
}

const healthSchema = z.object({ score: z.number(), status: z.enum(['red', 'yellow', 'green']) });

const renewalSchema = z.object({
  customerId: z.string(),
  name: z.string(),
  csmId: z.string().nullable(),
  endsAt: z.string(),
  autoRenew: z.boolean(),
  mrr: z.object({ amount: z.number().int(), currency: z.string() }),
  /** The latest health score the pipeline stored; null when it has not scored the account. */
  health: healthSchema.nullable(),
  standing: z.enum(['automatic', 'negotiating', 'at-risk']),
});

/** The score and status of a stored health result, or null when it has not that shape. */
function healthOf(result: StoredResult | undefined): RenewalHealth | null {
  const parsed = healthSchema.safeParse(result?.value);
  return parsed.success ? { score: parsed.data.score, status: parsed.data.status } : null;
}

/** Contracts ending in a month with the latest stored health and how each renewal stands. */
export function renewalRoutes(context: ApiContext): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/renewals',
      operationId: 'listRenewals',
      summary: 'Contracts ending in a month, with health and renewal standing',
      description:
        'Customers whose contract ends in the month (on the calendar of timeZone), sorted by end date, read in one store query, with the latest stored health read in one more. Customers who have churned are left out. standing: red health → at-risk; else auto-renew → automatic; else negotiating.',
      tag: 'customers',
      scope: 'read',
      usesStore: true,
      query: z.object({
        month: z
          .string({ error: 'expected a month such as 2026-04' })
          .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'expected a month such as 2026-04' })
          .meta({ description: 'The calendar month (YYYY-MM).' }),
        csm: apiIdSchema()
          .optional()
          .meta({ description: 'Only accounts of this customer-success manager (csmId).' }),
        timeZone: timeZoneSchema
          .optional()
          .meta({ description: "The month's calendar. Defaults to the API's time zone (Asia/Tokyo)." }),
      }),
      responses: {
        200: {
          description: 'The renewals of the month',
          schema: z.object({ month: z.string(), renewals: z.array(renewalSchema) }),
        },
      },
      handle: async ({ query }) => {
        const now = toInstant(context.clock.now());
        const range = monthRange(query.month, query.timeZone ?? context.timeZone);
        const ending = await context.store.listCustomersByContractEnd({
          from: new Date(range.start).toISOString(),
          to: new Date(range.end).toISOString(),
          ...(query.csm === undefined ? {} : { csmId: query.csm }),
          limit: maxRenewals + 1,
        });
        if (ending.length > maxRenewals)
          throw new ApiProblem(
            'UNPROCESSABLE',
            `More than ${maxRenewals.toLocaleString('en-US')} contracts end in this month: narrow it with csm.`,
          );
        const customers = ending.filter(
          (customer): customer is Customer & { contract: NonNullable<Customer['contract']> } =>
            customer.contract?.endsAt !== undefined &&
            (customer.churnedAt === undefined || customer.churnedAt > now),
        );
        const latest =
          customers.length === 0
            ? []
            : await context.store.getLatestResults(healthResultKind, {
                customerIds: customers.map((customer) => customer.id),
              });
        const healthById = new Map(latest.map((result) => [result.customerId, result]));
        const renewals = customers.map((customer) => {
          const health = healthOf(healthById.get(customer.id));
          const { contract } = customer;
          return {
            customerId: customer.id,
            name: customer.name,
            csmId: customer.csmId ?? null,
            endsAt: contract.endsAt!,
            autoRenew: contract.autoRenew,
            mrr: { amount: contract.mrr.amount, currency: contract.mrr.currency },
            health,
            standing: renewalStanding(contract.autoRenew, health),
          };
        });
        return { body: { month: query.month, renewals } };
      },
    }),
  ];
}
