import type { AlertEntry, HealthSummary, HealthSummaryReading, RenewalStanding } from '../api/api-types';
import {
  type ApiResult,
  getCustomerProfiles,
  getHealthSummary,
  listOpenAlerts,
  listRenewals,
} from '../api/kizuna-client';
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
  /** The health distribution of the accounts, as the API summarises it. */
  readonly health: ApiResult<HealthSummary>;
  readonly renewals: ApiResult<Renewal[]>;
  readonly recommendations: ApiResult<AiRecommendation[]>;
  /** Customer names by id, for every customer the view shows. */
  readonly names: ReadonlyMap<string, string>;
  /** Every CSM who owns accounts, for the "my accounts" filter. */
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

const healthSummaries = new Map<string, { readonly until: number; readonly summary: HealthSummaryReading }>();

/**
 * The health distribution of the accounts (of one CSM) and of every CSM, computed by the API from
 * the stored scores (`GET /v1/health/summary`), reused for {@link pipelineOutputSeconds} in this
 * server process: the scores change when the pipeline runs (daily).
 */
async function healthSummary(csmId: string | undefined, now: Date): Promise<ApiResult<HealthSummaryReading>> {
  const key = `${csmId ?? ''}@${now.toISOString().slice(0, 10)}`;
  const cached = healthSummaries.get(key);
  if (cached !== undefined && cached.until > Date.now()) return { kind: 'ok', data: cached.summary };
  const summary = await getHealthSummary(csmId);
  if (summary.kind !== 'ok') return summary;
  healthSummaries.set(key, { until: Date.now() + pipelineOutputSeconds * 1000, summary: summary.data });
  return summary;
}

type Offer = ReturnType<typeof expansionOffers>[number];

const offerLists = new Map<string, { readonly until: number; readonly offers: readonly Offer[] }>();

/**
 * The ten most confident expansion offers that are still open (of one CSM's accounts), from the
 * open medium-priority outbox entries of the upsell campaigns (`rule=upsell-campaign/`: their first
 * step is one), reused for
 * {@link pipelineOutputSeconds} in this server process.
 */
async function topOffers(csmId: string | undefined, now: Date): Promise<ApiResult<readonly Offer[]>> {
  const key = `${csmId ?? ''}@${now.toISOString().slice(0, 10)}`;
  const cached = offerLists.get(key);
  if (cached !== undefined && cached.until > Date.now()) return { kind: 'ok', data: cached.offers };
  const entries = await listOpenAlerts({
    priorities: ['medium'],
    rule: 'upsell-campaign/',
    ...(csmId === undefined ? {} : { csm: csmId }),
  });
  if (entries.kind !== 'ok') return entries;
  const offers = expansionOffers(entries.data).slice(0, 10);
  offerLists.set(key, { until: Date.now() + pipelineOutputSeconds * 1000, offers });
  return { kind: 'ok', data: offers };
}

/**
 * Loads the CSM daily view from the API in bulk reads, whatever the number of customers: the open
 * critical and high alerts (`GET /v1/alerts?done=false&priority=critical,high`, cursor pages), the
 * open medium-priority entries of the upsell campaigns for the day's expansion offers,
 * the health summary (`GET /v1/health/summary`, which also lists every CSM for the filter) and the
 * contracts ending this month (`GET /v1/renewals`, with names); then the names of the customers of
 * the alerts and offers shown (`GET /v1/customer-profiles`, one call). Nothing is read per customer.
 * With `csmId`, the alerts, health and renewals are that CSM's. The health summary and the offers
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
    listRenewals(month, csmId),
  ]);
  const shownAlerts = alerts.kind === 'ok' ? openAlerts(alerts.data).slice(0, alertsShownAtMost) : [];
  const names = new Map<string, string>();
  if (renewals.kind === 'ok')
    for (const renewal of renewals.data.renewals) names.set(renewal.customerId, renewal.name);
  const unnamed = new Set<string>();
  for (const entry of shownAlerts)
    if (entry.action.customerId !== undefined && !names.has(entry.action.customerId))
      unnamed.add(entry.action.customerId);
  if (offers.kind === 'ok')
    for (const offer of offers.data) if (!names.has(offer.customerId)) unnamed.add(offer.customerId);
  if (unnamed.size > 0) {
    // Without names the view still works: it shows the ids.
    const profiles = await getCustomerProfiles(unnamed);
    if (profiles.kind === 'ok') for (const [id, profile] of profiles.data) names.set(id, profile.name);
  }
  const csmIds = new Set<string>();
  if (health.kind === 'ok')
    for (const row of health.data.byCsm) if (row.csmId !== null) csmIds.add(row.csmId);
  if (csmId !== undefined) csmIds.add(csmId);
  return {
    alerts: alerts.kind === 'ok' ? { kind: 'ok', data: shownAlerts } : alerts,
    alertsTotal: alerts.kind === 'ok' ? alerts.data.length : 0,
    health: health.kind === 'ok' ? { kind: 'ok', data: health.data.overall } : health,
    renewals:
      renewals.kind === 'ok'
        ? {
            kind: 'ok',
            data: renewals.data.renewals
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
