import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertEntry, ChurnReading, ExecutiveDashboard, HealthReading } from '../src/api/api-types';
import { formatMoney, formatNumber, formatPercent } from '../src/format/formatting';
import { summarizeHealth } from '../src/views/csm-daily-data';
import {
  chromiumAvailable,
  launchChromium,
  saveScreenshot,
  seriousAccessibilityViolations,
} from './support/browser';
import { type DemoApi, startDemoApi } from './support/demo-api';
import { buildDashboard, type RunningDashboard, startDashboard } from './support/next-server';

if (!chromiumAvailable)
  console.log(
    "next-dashboard browser tests skipped: install Debian's chromium (apt-get install chromium) to run them.",
  );

describe.skipIf(!chromiumAvailable)('the dashboard in Chromium over the demo API', () => {
  let api: DemoApi;
  let dashboard: RunningDashboard;
  let browser: Browser;

  async function fromApi<Data>(path: string): Promise<Data> {
    const response = await fetch(`${api.url}${path}`, { headers: { Authorization: `Bearer ${api.key}` } });
    expect(response.status, path).toBe(200);
    return (await response.json()) as Data;
  }

  async function openPage(path: string, width = 1280): Promise<{ page: Page; milliseconds: number }> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const started = performance.now();
    const response = await page.goto(`${dashboard.url}${path}`, { waitUntil: 'load' });
    const milliseconds = performance.now() - started;
    expect(response?.status(), path).toBe(200);
    return { page, milliseconds };
  }

  async function expectAccessible(page: Page) {
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  }

  beforeAll(async () => {
    [api] = await Promise.all([startDemoApi(), buildDashboard()]);
    dashboard = await startDashboard(api);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await dashboard?.close();
    await api?.close();
  });

  it('CSM daily view: health counts and average equal the API, alerts listed, screenshot, axe', async () => {
    const { customerIds } = await fromApi<{ customerIds: string[] }>('/v1/customers?limit=1000');
    const readings = await Promise.all(
      customerIds.map((id) => fromApi<HealthReading>(`/v1/customers/${id}/health`)),
    );
    const expected = summarizeHealth(readings);
    const { alerts } = await fromApi<{ alerts: AlertEntry[] }>('/v1/alerts?limit=200');
    const urgent = alerts.filter(
      (entry) =>
        entry.done === null && (entry.action.priority === 'critical' || entry.action.priority === 'high'),
    );

    // Warm-up load (first render of the route), then the measured one.
    await (await openPage('/')).page.close();
    const { page, milliseconds } = await openPage('/');
    console.log(
      `CSM daily view page load on the demo data (${customerIds.length} customers): ${Math.round(milliseconds)} ms`,
    );

    for (const status of ['green', 'yellow', 'red'] as const)
      expect(await page.locator(`[data-health-count="${status}"]`).textContent()).toBe(
        String(expected.counts[status]),
      );
    expect(await page.getByTestId('health-average').textContent()).toBe(
      formatNumber(expected.average ?? 0, 'ja', 1),
    );
    expect(await page.locator('[data-alert-key]').count()).toBe(urgent.length);
    expect(await page.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    await saveScreenshot(page, 'csm-daily-1280');
    await expectAccessible(page);
    await page.close();

    const tablet = await openPage('/', 820);
    await saveScreenshot(tablet.page, 'csm-daily-820');
    await tablet.page.close();
  });

  it('CSM daily view: "done" marks the alert done in the API and removes it from the list', async () => {
    const { page } = await openPage('/');
    const first = page.locator('[data-alert-key]').first();
    const key = await first.getAttribute('data-alert-key');
    expect(key).not.toBeNull();
    await first.getByRole('button').click();
    await page.locator(`[data-alert-key="${key}"]`).waitFor({ state: 'detached' });
    const { alerts } = await fromApi<{ alerts: AlertEntry[] }>('/v1/alerts?limit=200');
    expect(alerts.find((entry) => entry.action.idempotencyKey === key)?.done).not.toBeNull();
    await page.close();
  });

  it('customer page: health score and churn probability equal the API, screenshot, axe', async () => {
    const { customerIds } = await fromApi<{ customerIds: string[] }>('/v1/customers?limit=1000');
    const readings = await Promise.all(
      customerIds.map((id) => fromApi<HealthReading>(`/v1/customers/${id}/health`)),
    );
    const red = readings.find((reading) => reading.health.status === 'red') ?? readings[0]!;
    const churn = await fromApi<ChurnReading>(`/v1/customers/${red.customerId}/churn`);
    const { page } = await openPage(`/customers/${red.customerId}`);
    expect(await page.getByTestId('health-score').textContent()).toBe(
      formatNumber(red.health.score, 'ja', 1),
    );
    expect(await page.getByTestId('churn-probability').textContent()).toBe(
      formatPercent(churn.prediction.churnProbability, 'ja'),
    );
    expect(await page.getByTestId('retention-plan').locator('li').count()).toBe(
      churn.prediction.retentionPlan.length,
    );
    await saveScreenshot(page, 'customer-1280');
    await expectAccessible(page);
    await page.close();
  });

  it('executive view: MRR, NRR, churn rate and the automation rate equal the API, screenshot, axe', async () => {
    const executive = await fromApi<ExecutiveDashboard>('/v1/dashboards/executive');
    const { alerts } = await fromApi<{ alerts: AlertEntry[] }>('/v1/alerts?limit=200');
    const { page } = await openPage('/executive');
    expect(await page.getByTestId('mrr').textContent()).toBe(
      formatMoney(executive.mrr.value ?? 0, 'ja', executive.currency),
    );
    expect(await page.getByTestId('nrr').textContent()).toBe(
      formatPercent(executive.netRevenueRetention.value ?? 0, 'ja'),
    );
    expect(await page.getByTestId('churn-rate').textContent()).toBe(
      formatPercent(executive.churnRate.value ?? 0, 'ja'),
    );
    expect(await page.getByTestId('automation-rate').textContent()).toBe(
      formatPercent(alerts.filter((entry) => entry.action.automated).length / alerts.length, 'ja'),
    );
    expect(await page.locator('.recharts-line').count()).toBeGreaterThan(0);
    await saveScreenshot(page, 'executive-1280');
    await expectAccessible(page);
    await page.close();
  });

  it('customer list, and the language toggle switches to English', async () => {
    const { page } = await openPage('/customers');
    await saveScreenshot(page, 'customers-1280');
    await expectAccessible(page);
    await page.getByRole('button', { name: /表示言語を英語に切り替える/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Customers' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.close();
  });
});
