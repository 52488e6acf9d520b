/**
 * The typed client of the Kizuna Express API, for server components and server actions only: it
 * reads `KIZUNA_API_URL` and `KIZUNA_API_KEY`, and the key never reaches the browser.
 */
import type {
  AlertEntry,
  AlertPage,
  ChurnReading,
  CustomerJourneysReading,
  CustomerProfile,
  CustomerSnapshot,
  ExecutiveDashboard,
  HealthReading,
  HealthSummaryReading,
  LatestHealth,
  MarketingDashboard,
  RecommendationsReading,
  RenewalsReading,
  RevenueReport,
  SalesFunnelReading,
} from './api-types';

/** What a call gave: the data, "not available yet" (501), or a failure with its reason. */
export type ApiResult<Data> =
  | { readonly kind: 'ok'; readonly data: Data }
  | { readonly kind: 'not-available'; readonly detail: string }
  | { readonly kind: 'failed'; readonly status: number; readonly detail: string };

/** The API's address and key from the environment. */
export function apiConfiguration(): { readonly url: string; readonly key: string } {
  return {
    url: (process.env.KIZUNA_API_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, ''),
    key: process.env.KIZUNA_API_KEY ?? '',
  };
}

/**
 * Calls the API and classifies the answer: 2xx → `ok`, 501 → `not-available`, anything else (or a
 * network error) → `failed` with the problem document's detail.
 */
export async function callApi<Data>(
  path: string,
  init: RequestInit = {},
  options: { readonly revalidateSeconds?: number } = {},
): Promise<ApiResult<Data>> {
  const { url, key } = apiConfiguration();
  let response: Response;
  try {
    response = await fetch(`${url}${path}`, {
      ...init,
      ...(options.revalidateSeconds === undefined
        ? { cache: 'no-store' as const }
        : { next: { revalidate: options.revalidateSeconds } }),
      headers: { Authorization: `Bearer ${key}`, Accept: 'application/json', ...init.headers },
    });
  } catch (error) {
    return { kind: 'failed', status: 0, detail: `The API at ${url} does not answer (${String(error)}).` };
  }
  if (response.ok) return { kind: 'ok', data: (await response.json()) as Data };
  let detail = response.statusText;
  try {
    const problem = (await response.json()) as { detail?: string; title?: string };
    detail = problem.detail ?? problem.title ?? detail;
  } catch {
    // Not a problem document: keep the status text.
  }
  if (response.status === 501) return { kind: 'not-available', detail };
  return { kind: 'failed', status: response.status, detail };
}

const customer = (customerId: string) => `/v1/customers/${encodeURIComponent(customerId)}`;

/** Every customer id, following the cursor. */
export async function listAllCustomerIds(): Promise<ApiResult<string[]>> {
  const ids: string[] = [];
  let after: string | null = null;
  do {
    const query: string = after === null ? '?limit=1000' : `?limit=1000&after=${encodeURIComponent(after)}`;
    const page = await callApi<{ customerIds: string[]; next: string | null }>(`/v1/customers${query}`);
    if (page.kind !== 'ok') return page;
    ids.push(...page.data.customerIds);
    after = page.data.next;
  } while (after !== null);
  return { kind: 'ok', data: ids };
}

/** The latest stored health score of a customer. */
export function getHealth(customerId: string): Promise<ApiResult<HealthReading>> {
  return callApi(`${customer(customerId)}/health`);
}

/**
 * The latest stored health of every scored customer (of one CSM with `csm`), through
 * `GET /v1/health`, 1,000 per page.
 */
export async function listLatestHealth(
  filters: { readonly csm?: string } = {},
): Promise<ApiResult<LatestHealth[]>> {
  const items: LatestHealth[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ limit: '1000' });
    if (filters.csm !== undefined) query.set('csm', filters.csm);
    if (cursor !== null) query.set('cursor', cursor);
    const page: ApiResult<{ items: LatestHealth[]; nextCursor: string | null }> = await callApi(
      `/v1/health?${query}`,
    );
    if (page.kind !== 'ok') return page;
    items.push(...page.data.items);
    cursor = page.data.nextCursor;
  } while (cursor !== null);
  return { kind: 'ok', data: items };
}

/**
 * The health distribution from the latest stored scores, computed by the API
 * (`GET /v1/health/summary`): overall (of one CSM with `csm`) and per owning CSM.
 */
export function getHealthSummary(csm?: string): Promise<ApiResult<HealthSummaryReading>> {
  return callApi(
    csm === undefined ? '/v1/health/summary' : `/v1/health/summary?csm=${encodeURIComponent(csm)}`,
  );
}

/** Ids one `GET /v1/customer-profiles` call may name. */
const profilesPerCall = 500;

/**
 * Names (and owners, segments, plans) of customers by id (`GET /v1/customer-profiles`, 500 ids per
 * call), as a map; ids the API does not know are missing from it.
 */
export async function getCustomerProfiles(
  customerIds: Iterable<string>,
): Promise<ApiResult<ReadonlyMap<string, CustomerProfile>>> {
  const ids = [...new Set(customerIds)];
  const chunks: string[][] = [];
  for (let start = 0; start < ids.length; start += profilesPerCall)
    chunks.push(ids.slice(start, start + profilesPerCall));
  const pages = await Promise.all(
    chunks.map((chunk) =>
      callApi<{ profiles: CustomerProfile[] }>(
        `/v1/customer-profiles?ids=${chunk.map(encodeURIComponent).join(',')}`,
      ),
    ),
  );
  const profiles = new Map<string, CustomerProfile>();
  for (const page of pages) {
    if (page.kind !== 'ok') return page;
    for (const profile of page.data.profiles) profiles.set(profile.customerId, profile);
  }
  return { kind: 'ok', data: profiles };
}

/** The latest stored churn prediction of a customer. */
export function getChurn(customerId: string): Promise<ApiResult<ChurnReading>> {
  return callApi(`${customer(customerId)}/churn`);
}

/**
 * How long the dashboard reuses a customer's snapshot and offers: they change when records arrive
 * (the pipeline runs daily) and each costs the API a full snapshot build.
 */
export const derivedDataSeconds = 300;

/** The customer-360 snapshot now (cached for {@link derivedDataSeconds}). */
export function getSnapshot(customerId: string): Promise<ApiResult<CustomerSnapshot>> {
  return callApi(`${customer(customerId)}/snapshot`, {}, { revalidateSeconds: derivedDataSeconds });
}

/** The playbook and the expansion offers (cached for {@link derivedDataSeconds}). */
export function getRecommendations(customerId: string): Promise<ApiResult<RecommendationsReading>> {
  return callApi(`${customer(customerId)}/recommendations`, {}, { revalidateSeconds: derivedDataSeconds });
}

/** The marketing dashboard of a month (`YYYY-MM`): the funnel stages with their conversion. */
export function getMarketingDashboard(month: string): Promise<ApiResult<MarketingDashboard>> {
  return callApi(`/v1/dashboards/marketing?month=${encodeURIComponent(month)}`);
}

/** MRR movements, NRR, churn and cohorts per month (optionally reused for `revalidateSeconds`). */
export function getRevenue(
  options: { readonly revalidateSeconds?: number } = {},
): Promise<ApiResult<RevenueReport>> {
  return callApi('/v1/revenue?period=month', {}, options);
}

/** The executive dashboard's datasets (MRR, NRR, churn, trends, churn analysis). */
export function getExecutiveDashboard(): Promise<ApiResult<ExecutiveDashboard>> {
  return callApi('/v1/dashboards/executive');
}

/** The seven sales-funnel levels of a month (`YYYY-MM`) against their targets, with the bottleneck. */
export function getSalesFunnel(month: string): Promise<ApiResult<SalesFunnelReading>> {
  return callApi(`/v1/dashboards/sales-funnel?month=${encodeURIComponent(month)}`);
}

/** Every contract ending in a month (`YYYY-MM`), of one CSM with `csm`, in one bulk read. */
export function listRenewals(month: string, csm?: string): Promise<ApiResult<RenewalsReading>> {
  const query = new URLSearchParams({ month });
  if (csm !== undefined) query.set('csm', csm);
  return callApi(`/v1/renewals?${query}`);
}

/**
 * Pages of 200 alerts one list reads at most (40,000 entries), so a runaway outbox cannot hold a page
 * forever; past it the list fails with a message saying so rather than showing part of it.
 */
export const maximumAlertPages = 200;

/** Filters of `GET /v1/alerts`, applied by the store before paging. */
export interface AlertFilters {
  readonly priorities?: readonly string[];
  readonly csm?: string;
  readonly customerId?: string;
  readonly done?: boolean;
  /** Only actions whose `source.ruleId` starts with this text. */
  readonly rule?: string;
}

/**
 * Every outbox entry matching the filters, 200 per page, following `nextCursor` to the end.
 */
export async function listAllAlerts(filters: AlertFilters = {}): Promise<ApiResult<AlertEntry[]>> {
  const alerts: AlertEntry[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < maximumAlertPages; page += 1) {
    const query = new URLSearchParams({ limit: '200' });
    if (filters.done !== undefined) query.set('done', String(filters.done));
    if (filters.priorities !== undefined) query.set('priority', filters.priorities.join(','));
    if (filters.csm !== undefined) query.set('csm', filters.csm);
    if (filters.customerId !== undefined) query.set('customerId', filters.customerId);
    if (filters.rule !== undefined) query.set('rule', filters.rule);
    if (cursor !== null) query.set('cursor', cursor);
    const result: ApiResult<AlertPage> = await callApi(`/v1/alerts?${query}`);
    if (result.kind !== 'ok') return result;
    alerts.push(...result.data.alerts);
    cursor = result.data.nextCursor ?? null;
    if (cursor === null) return { kind: 'ok', data: alerts };
  }
  return {
    kind: 'failed',
    status: 0,
    detail: `More than ${(maximumAlertPages * 200).toLocaleString('en-US')} outbox entries match: narrow the list.`,
  };
}

/** The open (not done) alerts of the given priorities (of one CSM with `csm`, of rules starting with `rule`), every page. */
export function listOpenAlerts(
  filters: { readonly priorities?: readonly string[]; readonly csm?: string; readonly rule?: string } = {},
): Promise<ApiResult<AlertEntry[]>> {
  return listAllAlerts({ ...filters, done: false });
}

/** Every outbox entry (alerts, tasks, journey steps), every page. */
export function listAlerts(): Promise<ApiResult<AlertEntry[]>> {
  return listAllAlerts();
}

/** A customer's journeys with every planned step and its state, from the pipeline's latest plans. */
export function getCustomerJourneys(customerId: string): Promise<ApiResult<CustomerJourneysReading>> {
  return callApi(`${customer(customerId)}/journeys`);
}

/** The support bot's hand-overs (actions of the chat escalation rule), every page. */
export function listHandOverAlerts(): Promise<ApiResult<AlertEntry[]>> {
  return listAllAlerts({ rule: 'escalation' });
}

/** Marks an action done (idempotent). */
export function markAlertDone(idempotencyKey: string, note?: string): Promise<ApiResult<AlertEntry>> {
  return callApi(`/v1/alerts/${encodeURIComponent(idempotencyKey)}/done`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(note === undefined ? {} : { note }),
  });
}

/**
 * Runs `task` over `items` with at most `concurrency` at a time, keeping the order.
 */
export async function mapWithConcurrency<Item, Output>(
  items: readonly Item[],
  concurrency: number,
  task: (item: Item) => Promise<Output>,
): Promise<Output[]> {
  const outputs: Output[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      outputs[index] = await task(items[index] as Item);
    }
  });
  await Promise.all(workers);
  return outputs;
}
