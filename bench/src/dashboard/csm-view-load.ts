import { loadavg } from 'node:os';
// The dashboard's own Chromium launch (Debian's /usr/bin/chromium, never downloaded) through its
// playwright-core: the bench package does not depend on playwright.
import { launchChromium } from '../../../examples/next-dashboard/tests/support/chromium';

/** One bulk read the CSM view makes on every load (all its pages), and how long the API took. */
export interface ApiCallTime {
  readonly path: string;
  /** Every page, one after the other as the view reads them: median of three rounds. */
  readonly medianMilliseconds: number;
  readonly pages: number;
  /** Items over all pages, or `null` when a call failed. */
  readonly items: number | null;
  readonly status: number;
}

/** Load times of the CSM daily view in Chromium, first and warm, with the API calls behind it. */
export interface CsmViewLoad {
  /** The first load after `next start`: navigation until the page's ready marker. */
  readonly firstMilliseconds: number;
  /** Warm loads: navigation until the ready marker (the health chart drawn). */
  readonly warmMilliseconds: readonly number[];
  /** The same warm loads until the browser's load event (HTML, scripts, styles; before the chart). */
  readonly warmLoadEventMilliseconds: readonly number[];
  /**
   * Warm loads in one browser context whose HTTP cache is kept (the warm loads above each open a new
   * context: every script is fetched and compiled again), with their phases.
   */
  readonly cachedLoads: readonly LoadPhases[];
  /** The server-rendered HTML alone (Node fetch, no browser), warm loads. */
  readonly htmlMilliseconds: readonly number[];
  readonly apiCalls: readonly ApiCallTime[];
  /** Customers in the API's store (`GET /v1/customers`, every page). */
  readonly customers: number;
  readonly loadAverage: readonly number[];
}

type Browser = Awaited<ReturnType<typeof launchChromium>>;
type BrowserContext = Awaited<ReturnType<Browser['newContext']>>;

/** Where a load's time went, from the page's Navigation Timing (ms since navigation start). */
export interface LoadPhases {
  /** The HTML received. */
  readonly responseEnd: number;
  /** DOMContentLoaded handlers done. */
  readonly domContentLoaded: number;
  /** The load event done (every script and style loaded and run). */
  readonly loadEvent: number;
  /** The health chart's bars in the page. */
  readonly ready: number;
  /** Scripts fetched from the network (not the browser cache) and their bytes. */
  readonly scriptsFetched: number;
  readonly scriptBytes: number;
}

const contextOptions = { viewport: { width: 1280, height: 900 }, timezoneId: 'Asia/Tokyo' } as const;

/**
 * One load in a page of `context` (its HTTP cache is kept between loads: a CSM's browser during the
 * day), with the phases as the page itself timed them.
 */
async function phasedLoad(context: BrowserContext, url: string): Promise<LoadPhases> {
  const page = await context.newPage();
  try {
    const response = await page.goto(url, { waitUntil: 'load' });
    if (response === null || response.status() !== 200)
      throw new Error(`${url} answered ${response?.status() ?? 'nothing'}`);
    await page.locator(readySelector).first().waitFor({ timeout: 120_000 });
    return await page.evaluate(() => {
      // Runs in the page; the bench compiles without the DOM library, so the entries are typed here.
      const timing = performance as unknown as {
        getEntriesByType(type: string): { [field: string]: number | string }[];
      };
      const navigation = timing.getEntriesByType('navigation')[0] ?? {};
      const scripts = timing
        .getEntriesByType('resource')
        .filter((entry) => entry.initiatorType === 'script' && Number(entry.transferSize) > 0);
      return {
        responseEnd: Number(navigation.responseEnd),
        domContentLoaded: Number(navigation.domContentLoadedEventEnd),
        loadEvent: Number(navigation.loadEventEnd),
        ready: performance.now(),
        scriptsFetched: scripts.length,
        scriptBytes: scripts.reduce((sum, entry) => sum + Number(entry.transferSize), 0),
      };
    });
  } finally {
    await page.close();
  }
}

/** The CSM view's ready marker: the health counts rendered and the Recharts bars drawn. */
const readySelector = '[data-testid="health"] .recharts-bar-rectangle';

async function timedLoad(browser: Browser, url: string): Promise<{ load: number; ready: number }> {
  const page = await browser.newPage(contextOptions);
  try {
    const started = performance.now();
    const response = await page.goto(url, { waitUntil: 'load' });
    if (response === null || response.status() !== 200)
      throw new Error(`${url} answered ${response?.status() ?? 'nothing'}`);
    const load = performance.now() - started;
    await page.locator(readySelector).first().waitFor({ timeout: 120_000 });
    return { load, ready: performance.now() - started };
  } finally {
    await page.close();
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** The p-th percentile (nearest rank) of some values. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN
  );
}

/** The same bulk reads `loadCsmDailyData` makes: path, and where the items and next cursor are. */
function csmViewCalls(month: string): readonly { path: string; items: string }[] {
  return [
    { path: '/v1/alerts?done=false&priority=critical%2Chigh&limit=200', items: 'alerts' },
    { path: '/v1/alerts?done=false&priority=medium&rule=upsell-campaign%2F&limit=200', items: 'alerts' },
    // One answer: the summary overall and one row per CSM (the items counted here).
    { path: '/v1/health/summary', items: 'byCsm' },
    { path: `/v1/renewals?month=${month}`, items: 'renewals' },
  ];
}

async function readAllPages(
  apiUrl: string,
  apiKey: string,
  call: { path: string; items: string },
): Promise<{ pages: number; items: number | null; status: number }> {
  let cursor: string | null = null;
  let pages = 0;
  let items = 0;
  do {
    const url = cursor === null ? call.path : `${call.path}&cursor=${encodeURIComponent(cursor)}`;
    const response = await fetch(`${apiUrl}${url}`, { headers: { Authorization: `Bearer ${apiKey}` } });
    const body = (await response.json()) as Record<string, unknown>;
    pages += 1;
    if (!response.ok) return { pages, items: null, status: response.status };
    items += (body[call.items] as unknown[]).length;
    cursor = typeof body.nextCursor === 'string' ? body.nextCursor : null;
  } while (cursor !== null);
  return { pages, items, status: 200 };
}

async function countCustomers(apiUrl: string, apiKey: string): Promise<number> {
  let after: string | null = null;
  let count = 0;
  do {
    const query: string = after === null ? '' : `&after=${encodeURIComponent(after)}`;
    const response = await fetch(`${apiUrl}/v1/customers?limit=1000${query}`, {
      headers: { Authorization: `Bearer ${apiKey}` },
    });
    const body = (await response.json()) as { customerIds: string[]; next: string | null };
    count += body.customerIds.length;
    after = body.next;
  } while (after !== null);
  return count;
}

/**
 * Loads the CSM daily view of a running dashboard `loads` times in Chromium (after one first
 * load), fetches its HTML alone as many times, and times each bulk read the view makes (all its
 * pages; median of three) against the running API.
 */
export async function measureCsmViewLoad(options: {
  readonly dashboardUrl: string;
  readonly apiUrl: string;
  readonly apiKey: string;
  readonly month: string;
  readonly loads: number;
}): Promise<CsmViewLoad> {
  const browser = await launchChromium();
  try {
    const url = `${options.dashboardUrl}/`;
    const firstMilliseconds = (await timedLoad(browser, url)).ready;
    const warmMilliseconds: number[] = [];
    const warmLoadEventMilliseconds: number[] = [];
    for (let index = 0; index < options.loads; index += 1) {
      const { load, ready } = await timedLoad(browser, url);
      warmMilliseconds.push(ready);
      warmLoadEventMilliseconds.push(load);
    }
    const cachedLoads: LoadPhases[] = [];
    const context = await browser.newContext(contextOptions);
    try {
      // The first load of the context fills its cache; the ones after it are the measured ones.
      await phasedLoad(context, url);
      for (let index = 0; index < options.loads; index += 1) cachedLoads.push(await phasedLoad(context, url));
    } finally {
      await context.close();
    }
    const htmlMilliseconds: number[] = [];
    for (let index = 0; index < options.loads; index += 1) {
      const started = performance.now();
      const response = await fetch(url);
      await response.text();
      htmlMilliseconds.push(performance.now() - started);
    }
    const apiCalls: ApiCallTime[] = [];
    for (const call of csmViewCalls(options.month)) {
      const times: number[] = [];
      let result = { pages: 0, items: null as number | null, status: 0 };
      for (let round = 0; round < 3; round += 1) {
        const started = performance.now();
        result = await readAllPages(options.apiUrl, options.apiKey, call);
        times.push(performance.now() - started);
      }
      apiCalls.push({ path: call.path, medianMilliseconds: median(times), ...result });
    }
    const customers = await countCustomers(options.apiUrl, options.apiKey);
    return {
      firstMilliseconds,
      warmMilliseconds,
      warmLoadEventMilliseconds,
      cachedLoads,
      htmlMilliseconds,
      apiCalls,
      customers,
      loadAverage: loadavg(),
    };
  } finally {
    await browser.close();
  }
}

export { median };
