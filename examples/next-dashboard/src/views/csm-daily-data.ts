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

/** Alerts shown on the view at most (the most urgent first); the total is shown beside them. */
export const alertsShownAtMost = 50;

/**
 * How long the health summary and the expansion offers of a set of accounts are reused: both are
 * the pipeline's output (it runs daily), and reading them is most of the view's API time.
 */
export const pipelineOutputSeconds = 60;

/** Everything the CSM daily view shows. */
export interface CsmDailyData {
  /** Open critical and high alerts (not done), critical first, at most {@link alertsShownAtMost}. */
  readonly alerts: ApiResult<AlertEntry[]>;
  /** How many open critical and high alerts there are in all. */
  readonly alertsTotal: number;
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

type HealthSummary = ReturnType<typeof summarizeHealth>;

const healthSummaries = new Map<string, { readonly until: number; readonly summary: HealthSummary }>();

/**
 * The health distribution of the accounts (of one CSM) from every stored score
 * (`GET /v1/health`, pages of 1,000). The summary — five numbers — is reused for
 * {@link pipelineOutputSeconds} in this server process: the scores change when the pipeline runs
 * (daily), and reading thousands of full health results is most of the view's API time.
 */
async function healthSummary(csmId: string | undefined, now: Date): Promise<ApiResult<HealthSummary>> {
  const key = `${csmId ?? ''}@${now.toISOString().slice(0, 10)}`;
  const cached = healthSummaries.get(key);
  if (cached !== undefined && cached.until > Date.now()) return { kind: 'ok', data: cached.summary };
  const health = await listLatestHealth(csmId === undefined ? {} : { csm: csmId });
  if (health.kind !== 'ok') return health;
  const summary = summarizeHealth(health.data);
  healthSummaries.set(key, { until: Date.now() + pipelineOutputSeconds * 1000, summary });
  return { kind: 'ok', data: summary };
}

type Offer = ReturnType<typeof expansionOffers>[number];

const offerLists = new Map<string, { readonly until: number; readonly offers: readonly Offer[] }>();

/**
 * The ten most confident expansion offers that are still open (of one CSM's accounts), from every
 * open medium-priority outbox entry (the upsell campaigns' first step is one), reused for
 * {@link pipelineOutputSeconds} in this server process.
 */
async function topOffers(csmId: string | undefined, now: Date): Promise<ApiResult<readonly Offer[]>> {
  const key = `${csmId ?? ''}@${now.toISOString().slice(0, 10)}`;
  const cached = offerLists.get(key);
  if (cached !== undefined && cached.until > Date.now()) return { kind: 'ok', data: cached.offers };
  const entries = await listOpenAlerts({
    priorities: ['medium'],
    ...(csmId === undefined ? {} : { csm: csmId }),
  });
  if (entries.kind !== 'ok') return entries;
  const offers = expansionOffers(entries.data).slice(0, 10);
  offerLists.set(key, { until: Date.now() + pipelineOutputSeconds * 1000, offers });
  return { kind: 'ok', data: offers };
}

/**
 * Loads the CSM daily view from the API in four bulk reads, whatever the number of customers: the
 * open critical and high alerts (`GET /v1/alerts?done=false&priority=critical,high`, cursor pages),
 * the open medium-priority entries for the day's expansion offers (the upsell campaigns' first
 * step), the latest stored health of the accounts (`GET /v1/health`) and the contracts ending this
 * month (`GET /v1/renewals`). Nothing is read per customer. With `csmId`, the alerts and health
 * are that CSM's (filtered by the API) and so are the renewals. The health summary and the offers
 * (pipeline output) are reused for {@link pipelineOutputSeconds}; the alerts (which a CSM marks
 * done here) and the renewals are read on every load.
 */
export async function loadCsmDailyData(now: Date, csmId?: string): Promise<CsmDailyData> {
  const month = monthOf(now);
  const csm = csmId === undefined ? {} : { csm: csmId };
  const [alerts, offers, health, renewals] = await Promise.all([
    listOpenAlerts({ priorities: ['critical', 'high'], ...csm }),
    topOffers(csmId, now),
    healthSummary(csmId, now),
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
    alerts:
      alerts.kind === 'ok'
        ? { kind: 'ok', data: openAlerts(alerts.data).slice(0, alertsShownAtMost) }
        : alerts,
    alertsTotal: alerts.kind === 'ok' ? alerts.data.length : 0,
    health,
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
            data: offers.data.map((offer) => ({
              ...offer,
              name: names.get(offer.customerId) ?? offer.customerId,
            })),
          }
        : offers,
    names,
    csmIds: [...csmIds].sort(),
  };
}
