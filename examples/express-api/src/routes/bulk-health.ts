import * as z from 'zod';
import type { ApiContext } from '../api-context';
import { healthResultKind } from '../customer-insights';
import { ApiProblem } from '../problem-details';
import { apiIdSchema, limitSchema } from './common-schemas';
import { healthResultSchema } from './customers';
import { defineRoute, type RouteDefinition } from './route-definition';

/** Most ids one `customerIds` list may name. */
export const maxBulkHealthIds = 500;

const idList = z
  .string()
  .transform((text) => text.split(','))
  .pipe(
    z
      .array(apiIdSchema())
      .min(1)
      .max(maxBulkHealthIds, { error: `at most ${maxBulkHealthIds} ids` }),
  )
  .meta({ description: `Comma-separated customer ids (at most ${maxBulkHealthIds}); replaces paging.` });

/**
 * The cursor is the last customer id of the page, base64url-encoded: opaque to clients, so the
 * paging key can change without breaking them.
 */
const encodeCursor = (customerId: string) => Buffer.from(customerId, 'utf8').toString('base64url');

const cursorSchema = z
  .string()
  .max(1000)
  .transform((cursor, context) => {
    const customerId = Buffer.from(cursor, 'base64url').toString('utf8');
    if (customerId === '' || encodeCursor(customerId) !== cursor) {
      context.addIssue({ code: 'custom', message: 'expected a cursor returned by this route' });
      return z.NEVER;
    }
    return customerId;
  })
  .meta({ description: 'The `nextCursor` of the previous page.' });

const bulkHealthItemSchema = healthResultSchema.extend({
  customerId: z.string(),
  /** The instant the pipeline scored the customer at (the stored result's `asOf`). */
  computedAt: z.string(),
});

/**
 * `GET /v1/health`: the latest health score the pipeline stored for many customers in one call and
 * one store query (`Store.getLatestResults`): a list of ids, or a page of every customer in id
 * order, filtered by traffic-light band and by owning CSM.
 */
export function bulkHealthRoutes(context: ApiContext): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/health',
      operationId: 'listLatestHealth',
      summary: 'The latest stored health score of many customers',
      description:
        'Either customerIds (comma-separated, at most 500; ids with no stored score are left out) or a page of all customers in id order (limit, cursor). band and csm filter both. Items are the stored health results as the pipeline wrote them, with customerId and computedAt; a customer the pipeline has not scored yet is not listed (GET /v1/customers/{customerId}/health scores it live).',
      tag: 'customers',
      scope: 'read',
      usesStore: true,
      query: z.object({
        customerIds: idList.optional(),
        limit: limitSchema(100, 1000),
        cursor: cursorSchema.optional(),
        band: z
          .enum(['red', 'yellow', 'green'])
          .optional()
          .meta({ description: "Only customers whose latest score's traffic-light status is this." }),
        csm: apiIdSchema()
          .optional()
          .meta({ description: 'Only customers whose record names this customer-success manager (csmId).' }),
      }),
      responses: {
        200: {
          description: 'The latest stored health results, in customer-id order',
          schema: z.object({
            items: z.array(bulkHealthItemSchema),
            nextCursor: z.string().nullable(),
          }),
        },
      },
      handle: async ({ query }) => {
        if (query.customerIds !== undefined && query.cursor !== undefined)
          throw new ApiProblem('VALIDATION_FAILED', 'Give either customerIds or cursor, not both.', {
            fieldProblems: [{ path: 'query.cursor', message: 'not allowed together with customerIds' }],
          });
        const filters = {
          ...(query.band === undefined ? {} : { valueEquals: { field: 'status', value: query.band } }),
          ...(query.csm === undefined ? {} : { csmId: query.csm }),
        };
        const paging = query.customerIds === undefined;
        // One more than the page: whether it exists decides nextCursor without a second query.
        const results = await context.store.getLatestResults(healthResultKind, {
          ...filters,
          ...(paging
            ? { limit: query.limit + 1, ...(query.cursor === undefined ? {} : { after: query.cursor }) }
            : { customerIds: query.customerIds }),
        });
        const page = paging ? results.slice(0, query.limit) : results;
        const last = page.at(-1);
        const nextCursor =
          paging && results.length > query.limit && last !== undefined ? encodeCursor(last.customerId) : null;
        return {
          body: {
            items: page.map((result) => ({
              ...(result.value as Record<string, unknown>),
              customerId: result.customerId,
              computedAt: result.asOf,
            })),
            nextCursor,
          },
        };
      },
    }),
  ];
}
