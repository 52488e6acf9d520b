import type { Customer } from '@kizuna/core';
import * as z from 'zod';
import type { ApiContext } from '../api-context';
import { apiIdSchema } from './common-schemas';
import { defineRoute, type RouteDefinition } from './route-definition';

/** Most ids one `GET /v1/customer-profiles` request may name. */
export const maxProfileIds = 500;

const idList = z
  .string()
  .transform((text) => text.split(','))
  .pipe(
    z
      .array(apiIdSchema())
      .min(1)
      .max(maxProfileIds, { error: `at most ${maxProfileIds} ids` }),
  )
  .meta({ description: `Comma-separated customer ids (at most ${maxProfileIds}).` });

const profileSchema = z.object({
  customerId: z.string(),
  name: z.string(),
  csmId: z.string().nullable(),
  segment: z.string(),
  plan: z.string(),
  /** When the customer left; null while they are a customer. */
  churnedAt: z.string().nullable(),
});

/**
 * `GET /v1/customer-profiles`: name, owner, segment, plan and churn date of many customers at once,
 * so a dashboard can show a page of customers by name without reading each.
 */
export function customerProfileRoutes(context: ApiContext): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/customer-profiles',
      operationId: 'listCustomerProfiles',
      summary: 'Name, owning CSM, segment, plan and churn date of many customers',
      description: `The customer records of the ids (at most ${maxProfileIds}), in the order asked, duplicates once; ids with no customer record are left out. The records are looked up together (one query on PostgreSQL).`,
      tag: 'customers',
      scope: 'read',
      usesStore: true,
      query: z.object({ ids: idList }),
      responses: {
        200: {
          description: 'The profiles found',
          schema: z.object({ profiles: z.array(profileSchema) }),
        },
      },
      handle: async ({ query }) => {
        const ids = [...new Set(query.ids)];
        // Every lookup in the same tick: the PostgreSQL store coalesces them into one statement.
        const customers = await Promise.all(ids.map((id) => context.store.getRecord('customer', id)));
        const profiles = customers
          .filter((customer): customer is Customer => customer !== undefined)
          .map((customer) => ({
            customerId: customer.id,
            name: customer.name,
            csmId: customer.csmId ?? null,
            segment: customer.segment,
            plan: customer.plan,
            churnedAt: customer.churnedAt ?? null,
          }));
        return { body: { profiles } };
      },
    }),
  ];
}
