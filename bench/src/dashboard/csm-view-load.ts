import { loadavg } from 'node:os';
// The dashboard's own Chromium launch (Debian's /usr/bin/chromium, never downloaded) through its
// playwright-core: the bench package does not depend on playwright.
import { launchChromium } from '../../../examples/next-dashboard/tests/support/chromium';

/** One API call the CSM view makes on every load, and how long the API took to answer it. */
export interface ApiCallTime {
  readonly path: string;
  readonly medianMilliseconds: number;
  /** Items in the answer (first page), or `null` when the call failed. */
  readonly items: number | null;
  readonly status: number;
}

/** Load times of the CSM daily view in Chromium, first and warm, with the API calls behind it. */
export interface CsmViewLoad {
  /** The first load after `next start`: navigation until the page's ready marker. */
  readonly firstMilliseconds: number;
  readonly warmMilliseconds: readonly number[];
  /** The server-rendered HTML alone (Node fetch, no browser), warm loads. */
  readonly htmlMilliseconds: readonly number[];
  readonly apiCalls: readonly ApiCallTime[];
  readonly loadAverage: readonly number[];
}

type Browser = Awaited<ReturnType<typeof launchChromium>>;

/** The CSM view's ready marker: the health counts rendered and the Recharts bars drawn. */
const readySelector = '[data-testid="health"] .recharts-bar-rectangle';

async function timedLoad(browser: Browser, url: string): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, timezoneId: 'Asia/Tokyo' });
  try {
    const started = performance.now();
    const response = await page.goto(url, { waitUntil: 'load' });
    if (response === null || response.status() !== 200)
      throw new Error(`${url} answered ${response?.status() ?? 'nothing'}`);
    await page.locator(readySelector).first().waitFor({ timeout: 120_000 });
    return performance.now() - started;
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

/** The same bulk reads `loadCsmDailyData` makes, with the number of items each returns. */
function csmViewCalls(month: string): readonly { path: string; count: (body: unknown) => number }[] {
  const alerts = (body: unknown) => (body as { alerts: unknown[] }).alerts.length;
  return [
    { path: '/v1/alerts?done=false&priority=critical%2Chigh&limit=200', count: alerts },
    { path: '/v1/alerts?done=false&priority=medium&limit=200', count: alerts },
    { path: '/v1/health?limit=1000', count: (body) => (body as { items: unknown[] }).items.length },
    {
      path: `/v1/renewals?month=${month}`,
      count: (body) => (body as { renewals: unknown[] }).renewals.length,
    },
  ];
}

/**
 * Loads the CSM daily view of a running dashboard `loads` times in Chromium (after one first
 * load), fetches its HTML alone as many times, and times each API call the view makes (median of
 * five, first page of each) against the running API.
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
    const firstMilliseconds = await timedLoad(browser, url);
    const warmMilliseconds: number[] = [];
    for (let index = 0; index < options.loads; index += 1)
      warmMilliseconds.push(await timedLoad(browser, url));
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
      let items: number | null = null;
      let status = 0;
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const started = performance.now();
        const response = await fetch(`${options.apiUrl}${call.path}`, {
          headers: { Authorization: `Bearer ${options.apiKey}` },
        });
        const body: unknown = await response.json();
        times.push(performance.now() - started);
        status = response.status;
        items = response.ok ? call.count(body) : null;
      }
      apiCalls.push({ path: call.path, medianMilliseconds: median(times), items, status });
    }
    return { firstMilliseconds, warmMilliseconds, htmlMilliseconds, apiCalls, loadAverage: loadavg() };
  } finally {
    await browser.close();
  }
}

export { median };
