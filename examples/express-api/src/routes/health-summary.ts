import type { Customer, StoredResult } from '@kizuna/core';
import * as z from 'zod';
import type { ApiContext } from '../api-context';
import { healthResultKind } from '../customer-insights';
import { apiIdSchema } from './common-schemas';
import { defineRoute, type RouteDefinition } from './route-definition';

/** The traffic-light counts, average score and average change of a set of accounts. */
export interface HealthSummary {
  /** Accounts with a stored health score. */
  readonly accounts: number;
  readonly counts: { readonly green: number; readonly yellow: number; readonly red: number };
  /** Mean score, or null when no account is scored. */
  readonly average: number | null;
  /** Mean of each account's change since its previous score, over accounts that have one; else null. */
  readonly averageChange: number | null;
}

/** What the summary reads of a stored health result. */
const storedHealthSchema = z.object({
  score: z.number(),
  status: z.enum(['green', 'yellow', 'red']),
  delta: z.object({ change: z.number() }).loose().optional(),
});

/** A running {@link HealthSummary}. */
class SummaryTotals {
  accounts = 0;
  readonly counts = { green: 0, yellow: 0, red: 0 };
  total = 0;
  changeTotal = 0;
  changes = 0;

  add(health: z.infer<typeof storedHealthSchema>): void {
    this.accounts += 1;
    this.counts[health.status] += 1;
    this.total += health.score;
    if (health.delta !== undefined) {
      this.changeTotal += health.delta.change;
      this.changes += 1;
    }
  }

  summary(): HealthSummary {
    return {
      accounts: this.accounts,
      counts: { ...this.counts },
      average: this.accounts === 0 ? null : this.total / this.accounts,
      averageChange: this.changes === 0 ? null : this.changeTotal / this.changes,
    };
  }
}

/**
 * Summarises the latest stored health results: overall (of the accounts of `csmId` when given) and
 * per owning CSM (every CSM named by a customer record, scored or not, plus `null` for the accounts
 * nobody owns when any of them is scored), CSMs in code-point order with `null` last. Results that
 * do not have a health result's shape are left out.
 */
export function summarizeStoredHealth(
  customers: readonly Pick<Customer, 'id' | 'csmId'>[],
  latest: readonly StoredResult[],
  csmId?: string,
): {
  asOf: string | null;
  overall: HealthSummary;
  byCsm: (HealthSummary & { csmId: string | null })[];
} {
  const ownerOf = new Map<string, string | null>();
  const perCsm = new Map<string | null, SummaryTotals>();
  for (const customer of customers) {
    const owner = customer.csmId ?? null;
    ownerOf.set(customer.id, owner);
    if (owner !== null && !perCsm.has(owner)) perCsm.set(owner, new SummaryTotals());
  }
  const overall = new SummaryTotals();
  let asOf: string | null = null;
  for (const result of latest) {
    const health = storedHealthSchema.safeParse(result.value);
    if (!health.success) continue;
    const owner = ownerOf.get(result.customerId) ?? null;
    let totals = perCsm.get(owner);
    if (totals === undefined) {
      totals = new SummaryTotals();
      perCsm.set(owner, totals);
    }
    totals.add(health.data);
    if (csmId !== undefined && owner !== csmId) continue;
    overall.add(health.data);
    if (asOf === null || result.asOf > asOf) asOf = result.asOf;
  }
  const owners = [...perCsm.keys()].sort((left, right) =>
    left === null ? 1 : right === null ? -1 : left < right ? -1 : left > right ? 1 : 0,
  );
  return {
    asOf,
    overall: overall.summary(),
    byCsm: owners.map((owner) => ({ csmId: owner, ...perCsm.get(owner)!.summary() })),
  };
}

const countsSchema = z.object({ green: z.number().int(), yellow: z.number().int(), red: z.number().int() });

const summarySchema = z.object({
  accounts: z.number().int(),
  counts: countsSchema,
  average: z.number().nullable(),
  averageChange: z.number().nullable(),
});

/**
 * `GET /v1/health/summary`: the health distribution of the accounts, overall and per CSM, from the
 * latest stored scores, in one call instead of reading every score.
 */
export function healthSummaryRoutes(context: ApiContext): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/health/summary',
      operationId: 'summarizeHealth',
      summary: 'Traffic-light counts, average and average change of the latest stored health scores',
      description:
        "Computed from the latest stored health result of every customer with a customer record (two store queries: the customer records and the latest results). overall: the accounts of csm when given, else every account. byCsm: every CSM that owns accounts (whatever csm says), with csmId null for scored accounts nobody owns. accounts counts scored accounts; averageChange is the mean of each account's change since its previous score, over the accounts that have one. asOf: the latest asOf among the results in overall.",
      tag: 'customers',
      scope: 'read',
      usesStore: true,
      query: z.object({
        csm: apiIdSchema().optional().meta({
          description: 'overall covers only the accounts of this customer-success manager (csmId).',
        }),
      }),
      responses: {
        200: {
          description: 'The health summary',
          schema: z.object({
            asOf: z.string().nullable(),
            overall: summarySchema,
            byCsm: z.array(summarySchema.extend({ csmId: z.string().nullable() })),
          }),
        },
      },
      handle: async ({ query }) => {
        const [customers, latest] = await Promise.all([
          context.store.listRecords('customer'),
          context.store.getLatestResults(healthResultKind),
        ]);
        return { body: summarizeStoredHealth(customers, latest, query.csm) };
      },
    }),
  ];
}
