import type {
  AlertEntry,
  CustomerSnapshot,
  HealthResult,
  HealthStatus,
  RevenueReport,
} from '../api/api-types';
import {
  type ApiResult,
  derivedDataSeconds,
  getRevenue,
  getSnapshot,
  listAlerts,
  listLatestHealth,
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

/** Counts, average and average change of a set of health results. */
export function summarizeHealth(results: readonly Pick<HealthResult, 'score' | 'status' | 'delta'>[]) {
  const counts: Record<HealthStatus, number> = { green: 0, yellow: 0, red: 0 };
  let total = 0;
  let changeTotal = 0;
  let changes = 0;
  for (const result of results) {
    counts[result.status] += 1;
    total += result.score;
    if (result.delta !== undefined) {
      changeTotal += result.delta.change;
      changes += 1;
    }
  }
  return {
    counts,
    average: results.length === 0 ? null : total / results.length,
    averageChange: changes === 0 ? null : changeTotal / changes,
    accounts: results.length,
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

/** Customers paying a subscription now: the last MRR movement of each leaves MRR above zero. */
export function subscribedCustomers(revenue: RevenueReport): string[] {
  const latest = new Map<string, number>();
  for (const movement of revenue.movements) latest.set(movement.customerId, movement.mrrAfter);
  return [...latest.entries()]
    .filter(([, mrr]) => mrr > 0)
    .map(([customerId]) => customerId)
    .sort();
}

const upsellConfidence = /^upsell \S+ confidence ([\d.]+)$/;

/**
 * The AI recommendations of the day: the expansion offers the pipeline decided (the first step of
 * each upsell campaign, an in-app notice) that nobody has marked done, most confident first.
 */
export function expansionOffers(entries: readonly AlertEntry[]): Omit<AiRecommendation, 'name'>[] {
  const offers: Omit<AiRecommendation, 'name'>[] = [];
  for (const entry of entries) {
    const { action } = entry;
    if (entry.done !== null || action.customerId === undefined) continue;
    if (action.source?.engine !== 'journey' || !action.source.ruleId.startsWith('upsell-campaign/')) continue;
    const confidence = action.reasons.map((reason) => reason.match(upsellConfidence)?.[1]).find(Boolean);
    const product = action.payload?.product;
    if (confidence === undefined || typeof product !== 'string') continue;
    offers.push({
      customerId: action.customerId,
      product,
      confidence: Number(confidence),
      reason: undefined,
    });
  }
  return offers.sort((left, right) => right.confidence - left.confidence);
}

/**
 * Loads the CSM daily view from the API in a handful of calls: the outbox (alerts and the day's
 * expansion offers), the latest stored health of the accounts in one bulk read (`GET /v1/health`,
 * filtered by CSM), and the renewals from the snapshots of the customers paying a subscription
 * (found in the revenue movements; both cached for five minutes, since contracts change slowly).
 */
export async function loadCsmDailyData(now: Date, csmId?: string): Promise<CsmDailyData> {
  const [alerts, health, revenue] = await Promise.all([
    listAlerts(),
    listLatestHealth(csmId === undefined ? {} : { csm: csmId }),
    getRevenue({ revalidateSeconds: derivedDataSeconds }),
  ]);
  const subscribers = revenue.kind === 'ok' ? subscribedCustomers(revenue.data) : [];
  const snapshots = await mapWithConcurrency(subscribers, concurrency, async (customerId) => ({
    customerId,
    snapshot: await getSnapshot(customerId),
  }));
  const csmIds = [
    ...new Set(
      snapshots.flatMap((entry) =>
        entry.snapshot.kind === 'ok' ? (entry.snapshot.data.customer.csmId ?? []) : [],
      ),
    ),
  ].sort();
  const statusOf = new Map<string, HealthStatus>();
  if (health.kind === 'ok') for (const item of health.data) statusOf.set(item.customerId, item.status);
  const mine = (customerId: string) => csmId === undefined || statusOf.has(customerId);
  const names = new Map<string, string>();
  for (const entry of snapshots)
    if (entry.snapshot.kind === 'ok') names.set(entry.customerId, entry.snapshot.data.customer.name);

  const month = monthOf(now);
  const failedSnapshot = snapshots.find((entry) => entry.snapshot.kind !== 'ok')?.snapshot;
  let renewals: CsmDailyData['renewals'];
  if (revenue.kind !== 'ok') renewals = revenue;
  else if (failedSnapshot !== undefined && failedSnapshot.kind !== 'ok') renewals = failedSnapshot;
  else {
    const list: Renewal[] = [];
    for (const { customerId, snapshot } of snapshots) {
      if (snapshot.kind !== 'ok' || !mine(customerId)) continue;
      if (csmId !== undefined && snapshot.data.customer.csmId !== csmId) continue;
      const contract = snapshot.data.contract;
      if (contract === null || contract.endsAt === null || monthOf(contract.endsAt) !== month) continue;
      list.push({
        customerId,
        name: snapshot.data.customer.name,
        endsAt: contract.endsAt,
        mrr: contract.mrr.amount,
        currency: contract.mrr.currency ?? 'JPY',
        standing: renewalStanding(snapshot.data, statusOf.get(customerId)),
      });
    }
    renewals = { kind: 'ok', data: list.sort((left, right) => left.endsAt.localeCompare(right.endsAt)) };
  }

  const ownAlerts: ApiResult<AlertEntry[]> =
    alerts.kind !== 'ok'
      ? alerts
      : {
          kind: 'ok',
          data: openAlerts(alerts.data.alerts).filter(
            (entry) =>
              csmId === undefined || (entry.action.customerId !== undefined && mine(entry.action.customerId)),
          ),
        };
  return {
    alerts: ownAlerts,
    health: health.kind === 'ok' ? { kind: 'ok', data: summarizeHealth(health.data) } : health,
    renewals,
    recommendations:
      ownAlerts.kind === 'ok'
        ? {
            kind: 'ok',
            data: expansionOffers(ownAlerts.data)
              .slice(0, 10)
              .map((offer) => ({ ...offer, name: names.get(offer.customerId) ?? offer.customerId })),
          }
        : ownAlerts,
    names,
    csmIds,
  };
}
