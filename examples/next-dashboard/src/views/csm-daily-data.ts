import type { AlertEntry, HealthResult, HealthStatus, RenewalStanding } from '../api/api-types';
import { type ApiResult, listLatestHealth, listOpenAlerts, listRenewals } from '../api/kizuna-client';
import { monthOf } from '../format/formatting';

export type { RenewalStanding } from '../api/api-types';

/** A contract that ends this month. */
export interface Renewal {
  readonly customerId: string;
  readonly name: string;
  readonly csmId: string | null;
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
 * Loads the CSM daily view from the API in four bulk reads, whatever the number of customers: the
 * open critical and high alerts (`GET /v1/alerts?done=false&priority=critical,high`, cursor pages),
 * the open medium-priority entries for the day's expansion offers (the upsell campaigns' first
 * step), the latest stored health of the accounts (`GET /v1/health`) and the contracts ending this
 * month (`GET /v1/renewals`). Nothing is read per customer. With `csmId`, the alerts and health
 * are that CSM's (filtered by the API) and so are the renewals.
 */
export async function loadCsmDailyData(now: Date, csmId?: string): Promise<CsmDailyData> {
  const month = monthOf(now);
  const csm = csmId === undefined ? {} : { csm: csmId };
  const [alerts, offers, health, renewals] = await Promise.all([
    listOpenAlerts({ priorities: ['critical', 'high'], ...csm }),
    listOpenAlerts({ priorities: ['medium'], ...csm }),
    listLatestHealth(csm),
    // Every CSM's renewals: the filter's list of CSMs comes from them; the page filters by CSM.
    listRenewals(month),
  ]);
  const names = new Map<string, string>();
  const csmIds = new Set<string>();
  if (renewals.kind === 'ok')
    for (const renewal of renewals.data.renewals) {
      names.set(renewal.customerId, renewal.name);
      if (renewal.csmId != null) csmIds.add(renewal.csmId);
    }
  if (csmId !== undefined) csmIds.add(csmId);
  return {
    alerts: alerts.kind === 'ok' ? { kind: 'ok', data: openAlerts(alerts.data) } : alerts,
    health: health.kind === 'ok' ? { kind: 'ok', data: summarizeHealth(health.data) } : health,
    renewals:
      renewals.kind === 'ok'
        ? {
            kind: 'ok',
            data: renewals.data.renewals
              .filter((renewal) => csmId === undefined || renewal.csmId === csmId)
              .map((renewal) => ({
                customerId: renewal.customerId,
                name: renewal.name,
                csmId: renewal.csmId ?? null,
                endsAt: renewal.endsAt,
                mrr: renewal.mrr.amount,
                currency: renewal.mrr.currency ?? 'JPY',
                standing: renewal.standing,
              }))
              .sort((left, right) => left.endsAt.localeCompare(right.endsAt)),
          }
        : renewals,
    recommendations:
      offers.kind === 'ok'
        ? {
            kind: 'ok',
            data: expansionOffers(offers.data)
              .slice(0, 10)
              .map((offer) => ({ ...offer, name: names.get(offer.customerId) ?? offer.customerId })),
          }
        : offers,
    names,
    csmIds: [...csmIds].sort(),
  };
}
