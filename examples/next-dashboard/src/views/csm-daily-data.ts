import type { AlertEntry, CustomerSnapshot, HealthReading, HealthStatus } from '../api/api-types';
import {
  type ApiResult,
  getHealth,
  getRecommendations,
  getSnapshot,
  listAlerts,
  listAllCustomerIds,
  mapWithConcurrency,
} from '../api/kizuna-client';
import { monthOf } from '../format/formatting';

/** How a renewal of this month stands. */
export type RenewalStanding = 'automatic' | 'negotiating' | 'at-risk';

/** A contract that ends this month. */
export interface Renewal {
  readonly customerId: string;
  readonly name: string;
  readonly endsAt: string;
  readonly mrr: number;
  readonly currency: string;
  readonly standing: RenewalStanding;
}

/** An AI recommendation (an expansion offer) with its confidence. */
export interface AiRecommendation {
  readonly customerId: string;
  readonly name: string;
  readonly product: string;
  readonly confidence: number;
  readonly reason: string | undefined;
}

/** Everything the CSM daily view shows. */
export interface CsmDailyData {
  /** Open alerts (not done), critical first. */
  readonly alerts: ApiResult<AlertEntry[]>;
  readonly health: ApiResult<{
    readonly counts: Record<HealthStatus, number>;
    readonly average: number | null;
    /** Mean change since each account's previous score, over accounts that have one. */
    readonly averageChange: number | null;
    readonly accounts: number;
  }>;
  readonly renewals: ApiResult<Renewal[]>;
  readonly recommendations: ApiResult<AiRecommendation[]>;
  readonly names: ReadonlyMap<string, string>;
  /** The CSMs who own accounts, for the "my accounts" filter. */
  readonly csmIds: readonly string[];
}

const priorityOrder = { critical: 0, high: 1, medium: 2, low: 3 } as const;
/** Calls at a time to the per-customer routes. */
const concurrency = 8;

/** Open alerts, critical first then by due date. */
export function openAlerts(entries: readonly AlertEntry[]): AlertEntry[] {
  return entries
    .filter((entry) => entry.done === null)
    .sort(
      (left, right) =>
        priorityOrder[left.action.priority] - priorityOrder[right.action.priority] ||
        left.action.dueAt.localeCompare(right.action.dueAt),
    );
}

/** Counts, average and average change of a set of health readings. */
export function summarizeHealth(readings: readonly HealthReading[]) {
  const counts: Record<HealthStatus, number> = { green: 0, yellow: 0, red: 0 };
  let total = 0;
  let changeTotal = 0;
  let changes = 0;
  for (const reading of readings) {
    counts[reading.health.status] += 1;
    total += reading.health.score;
    if (reading.health.delta !== undefined) {
      changeTotal += reading.health.delta.change;
      changes += 1;
    }
  }
  return {
    counts,
    average: readings.length === 0 ? null : total / readings.length,
    averageChange: changes === 0 ? null : changeTotal / changes,
    accounts: readings.length,
  };
}

/** Renewal standing: auto-renew → confirmed; red health → at risk; otherwise negotiating. */
export function renewalStanding(
  snapshot: CustomerSnapshot,
  status: HealthStatus | undefined,
): RenewalStanding {
  if (status === 'red') return 'at-risk';
  if (snapshot.contract?.autoRenew === true) return 'automatic';
  return 'negotiating';
}

/**
 * Loads the CSM daily view from the API: the outbox, then per customer the stored health and the
 * snapshot (renewals), then the expansion offers of the contract customers that are not red.
 * With `csmId`, only that CSM's accounts (and their alerts) count. The API has no bulk read yet,
 * so this makes one call per customer and route.
 */
export async function loadCsmDailyData(now: Date, csmId?: string): Promise<CsmDailyData> {
  const [alerts, customerIds] = await Promise.all([listAlerts(), listAllCustomerIds()]);
  const openAlertsResult: ApiResult<AlertEntry[]> =
    alerts.kind === 'ok' ? { kind: 'ok', data: openAlerts(alerts.data.alerts) } : alerts;
  if (customerIds.kind !== 'ok')
    return {
      alerts: openAlertsResult,
      health: customerIds,
      renewals: customerIds,
      recommendations: customerIds,
      names: new Map(),
      csmIds: [],
    };
  const everyCustomer = await mapWithConcurrency(customerIds.data, concurrency, async (customerId) => {
    const [health, snapshot] = await Promise.all([getHealth(customerId), getSnapshot(customerId)]);
    return { customerId, health, snapshot };
  });
  const csmOf = (entry: (typeof everyCustomer)[number]) =>
    entry.snapshot.kind === 'ok' ? entry.snapshot.data.customer.csmId : undefined;
  const csmIds = [...new Set(everyCustomer.flatMap((entry) => csmOf(entry) ?? []))].sort();
  const perCustomer =
    csmId === undefined ? everyCustomer : everyCustomer.filter((entry) => csmOf(entry) === csmId);
  const mine = new Set(perCustomer.map((entry) => entry.customerId));
  const names = new Map<string, string>();
  for (const entry of perCustomer)
    if (entry.snapshot.kind === 'ok') names.set(entry.customerId, entry.snapshot.data.customer.name);

  const failedHealth = perCustomer.find((entry) => entry.health.kind !== 'ok')?.health;
  const health: CsmDailyData['health'] =
    failedHealth !== undefined && failedHealth.kind !== 'ok'
      ? failedHealth
      : {
          kind: 'ok',
          data: summarizeHealth(
            perCustomer.flatMap((entry) => (entry.health.kind === 'ok' ? [entry.health.data] : [])),
          ),
        };

  const month = monthOf(now);
  const renewals: Renewal[] = [];
  for (const entry of perCustomer) {
    if (entry.snapshot.kind !== 'ok') continue;
    const contract = entry.snapshot.data.contract;
    if (contract === null || contract.endsAt === null || monthOf(contract.endsAt) !== month) continue;
    renewals.push({
      customerId: entry.customerId,
      name: entry.snapshot.data.customer.name,
      endsAt: contract.endsAt,
      mrr: contract.mrr.amount,
      currency: contract.mrr.currency ?? 'JPY',
      standing: renewalStanding(
        entry.snapshot.data,
        entry.health.kind === 'ok' ? entry.health.data.health.status : undefined,
      ),
    });
  }
  renewals.sort((left, right) => left.endsAt.localeCompare(right.endsAt));

  const candidates = perCustomer.filter(
    (entry) =>
      entry.snapshot.kind === 'ok' &&
      entry.snapshot.data.contract !== null &&
      !(entry.health.kind === 'ok' && entry.health.data.health.status === 'red'),
  );
  const offers = await mapWithConcurrency(candidates, concurrency, async (entry) => ({
    entry,
    result: await getRecommendations(entry.customerId),
  }));
  const failedOffers = offers.find((offer) => offer.result.kind !== 'ok')?.result;
  const recommendations: CsmDailyData['recommendations'] =
    failedOffers !== undefined && failedOffers.kind !== 'ok'
      ? failedOffers
      : {
          kind: 'ok',
          data: offers
            .flatMap(({ entry, result }) =>
              result.kind === 'ok'
                ? result.data.expansion.recommendations.map((offer) => ({
                    customerId: entry.customerId,
                    name: names.get(entry.customerId) ?? entry.customerId,
                    product: offer.product,
                    confidence: offer.confidence,
                    reason: offer.reason,
                  }))
                : [],
            )
            .sort((left, right) => right.confidence - left.confidence)
            .slice(0, 10),
        };
  return {
    alerts:
      csmId === undefined || openAlertsResult.kind !== 'ok'
        ? openAlertsResult
        : {
            kind: 'ok',
            data: openAlertsResult.data.filter(
              (entry) => entry.action.customerId !== undefined && mine.has(entry.action.customerId),
            ),
          },
    health,
    renewals: { kind: 'ok', data: renewals },
    recommendations,
    names,
    csmIds,
  };
}
