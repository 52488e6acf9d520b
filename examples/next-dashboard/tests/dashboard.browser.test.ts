import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNightRecording, type NightRecording } from '../../demo/src/night-recording';
import type {
  AlertEntry,
  ChurnReading,
  CustomerJourneysReading,
  CustomerSnapshot,
  ExecutiveDashboard,
  HealthReading,
  RenewalsReading,
  RevenueReport,
  SalesFunnelReading,
} from '../src/api/api-types';
import { formatDate, formatMoney, formatNumber, formatPercent } from '../src/format/formatting';
import { formatKpiGap, formatKpiValue } from '../src/format/kpi-format';
import { actionTitle, escalationReason } from '../src/i18n/engine-text';
import { japanese } from '../src/i18n/japanese';
import { alertsShownAtMost, expansionOffers, openAlerts } from '../src/views/csm-daily-data';
import { handOvers } from '../src/views/hand-overs';
import { openJourneys } from '../src/views/open-journeys';
import { monthBefore } from '../src/views/sales-funnel-view';
import {
  chromiumAvailable,
  launchChromium,
  saveScreenshot,
  seriousAccessibilityViolations,
} from './support/browser';
import { type DemoApi, startDemoApi } from './support/demo-api';
import { buildDashboard, type RunningDashboard, startDashboard } from './support/next-server';
import { syntheticFootsteps } from './support/synthetic-recording';

/** Counts and average of health results, worked out here from per-customer reads (not the API's summary). */
function countHealth(
  results: readonly { readonly score: number; readonly status: 'red' | 'yellow' | 'green' }[],
) {
  const counts = { green: 0, yellow: 0, red: 0 };
  for (const result of results) counts[result.status] += 1;
  const total = results.reduce((sum, result) => sum + result.score, 0);
  return { counts, average: results.length === 0 ? null : total / results.length };
}

if (!chromiumAvailable)
  console.log(
    "next-dashboard browser tests skipped: install Debian's chromium (apt-get install chromium) to run them.",
  );

describe.skipIf(!chromiumAvailable)('the dashboard in Chromium over the demo API', () => {
  let api: DemoApi;
  let dashboard: RunningDashboard;
  let browser: Browser;
  let recordingFolder: string;
  let nightRecording: NightRecording;

  async function fromApi<Data>(path: string): Promise<Data> {
    const response = await fetch(`${api.url}${path}`, { headers: { Authorization: `Bearer ${api.key}` } });
    expect(response.status, path).toBe(200);
    return (await response.json()) as Data;
  }

  /** Every open alert of the given priorities, following the cursor as the dashboard does. */
  function openAlertPages(priorities: string): Promise<AlertEntry[]> {
    return alertPages({ done: 'false', priority: priorities });
  }

  /** Every outbox entry matching the filters, following the cursor to the end. */
  async function alertPages(filters: Record<string, string> = {}): Promise<AlertEntry[]> {
    const entries: AlertEntry[] = [];
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ ...filters, limit: '200' });
      if (cursor !== null) query.set('cursor', cursor);
      const page: { alerts: AlertEntry[]; nextCursor?: string | null } = await fromApi(`/v1/alerts?${query}`);
      entries.push(...page.alerts);
      cursor = page.nextCursor ?? null;
    } while (cursor !== null);
    return entries;
  }

  async function openPage(path: string, width = 1280): Promise<{ page: Page; milliseconds: number }> {
    const page = await browser.newPage({ viewport: { width, height: 900 }, timezoneId: 'Asia/Tokyo' });
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
    recordingFolder = mkdtempSync(join(tmpdir(), 'kizuna-recording-'));
    [api] = await Promise.all([startDemoApi(), buildDashboard()]);
    nightRecording = createNightRecording(recordingFolder, api.asOf);
    dashboard = await startDashboard(api, { exampleRecording: nightRecording.descriptionPath });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await dashboard?.close();
    await api?.close();
    if (recordingFolder !== undefined) rmSync(recordingFolder, { recursive: true, force: true });
  });

  it('CSM daily view: health counts and average equal the API, alerts listed, screenshot, axe', async () => {
    const { customerIds } = await fromApi<{ customerIds: string[] }>('/v1/customers?limit=1000');
    const readings = await Promise.all(
      customerIds.map((id) => fromApi<HealthReading>(`/v1/customers/${id}/health`)),
    );
    // The view shows the accounts the pipeline scored (stored results): customers who had churned
    // by the run are skipped by the worker, and their per-customer read is computed live.
    const scored = readings.filter((reading) => reading.source === 'stored');
    expect(scored.length).toBeGreaterThan(0);
    const expected = countHealth(scored.map((reading) => reading.health));
    const urgent = openAlerts(await openAlertPages('critical,high')).filter(
      (entry) => entry.action.priority === 'critical' || entry.action.priority === 'high',
    );
    const offers = expansionOffers(openAlerts(await openAlertPages('medium'))).slice(0, 10);
    const month = api.asOf.slice(0, 7);
    const { renewals } = await fromApi<RenewalsReading>(`/v1/renewals?month=${month}`);

    // The first load compiles and warms the server's code paths; the second is what a CSM sees
    // during the day. Both are printed, never asserted.
    const coldLoad = await openPage('/');
    await coldLoad.page.close();
    const { page, milliseconds } = await openPage('/');
    // Where the time goes: the API calls the view makes on every load (all bulk reads).
    const callTimes: string[] = [];
    for (const path of [
      '/v1/alerts?done=false&priority=critical%2Chigh&limit=200',
      '/v1/alerts?done=false&priority=medium&rule=upsell-campaign%2F&limit=200',
      '/v1/health/summary',
      `/v1/renewals?month=${month}`,
    ]) {
      const started = performance.now();
      await fromApi(path);
      callTimes.push(`${path} ${Math.round(performance.now() - started)} ms`);
    }
    // And the server's part: the whole HTML of the view, rendered by Next (no browser).
    const renders: number[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const started = performance.now();
      const html = await fetch(dashboard.url).then((response) => response.text());
      renders.push(performance.now() - started);
      expect(html).toContain('data-health-count');
    }
    renders.sort((left, right) => left - right);
    console.log(
      `CSM daily view page load on the demo data (${customerIds.length} customers): first ${Math.round(coldLoad.milliseconds)} ms, then ${Math.round(milliseconds)} ms; server-rendered HTML alone ${Math.round(renders[1]!)} ms (median of 3); API calls alone: ${callTimes.join(', ')}`,
    );

    for (const status of ['green', 'yellow', 'red'] as const)
      expect(await page.locator(`[data-health-count="${status}"]`).textContent()).toBe(
        String(expected.counts[status]),
      );
    expect(await page.getByTestId('health-average').textContent()).toBe(
      formatNumber(expected.average ?? 0, 'ja', 1),
    );
    expect(await page.locator('[data-alert-key]').count()).toBe(Math.min(urgent.length, alertsShownAtMost));
    // Engine-produced titles are shown in the UI language (Japanese by default).
    expect(urgent.length).toBeGreaterThan(0);
    expect(await page.locator('[data-alert-key]').first().textContent()).toContain(
      actionTitle(urgent[0]!.action, 'ja'),
    );
    // Customers are shown by name (the alerts' and the offers' customers too), not by id.
    const namedAlert = urgent.find((entry) => entry.action.customerId !== undefined);
    if (namedAlert !== undefined) {
      const snapshot = await fromApi<CustomerSnapshot>(
        `/v1/customers/${namedAlert.action.customerId}/snapshot`,
      );
      expect(
        await page.locator(`[data-alert-key="${namedAlert.action.idempotencyKey}"] a`).first().textContent(),
      ).toBe(snapshot.customer.name);
    }
    const offerSnapshot = await fromApi<CustomerSnapshot>(`/v1/customers/${offers[0]!.customerId}/snapshot`);
    expect(await page.locator('[data-recommendation] a').first().textContent()).toBe(
      offerSnapshot.customer.name,
    );
    expect(offers.length).toBeGreaterThan(0);
    expect(await page.locator('[data-recommendation]').count()).toBe(offers.length);
    // Renewals of the month: one row per contract the API lists, with its MRR.
    expect(await page.locator('[data-renewal]').count()).toBe(renewals.length);
    const firstRenewal = renewals[0];
    if (firstRenewal !== undefined)
      expect(await page.locator(`[data-renewal="${firstRenewal.customerId}"] td`).nth(2).textContent()).toBe(
        formatMoney(firstRenewal.mrr.amount, 'ja', firstRenewal.mrr.currency ?? 'JPY'),
      );
    // Recharts draws once ResponsiveContainer has measured its box, after the load event.
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    await saveScreenshot(page, 'csm-daily-1280');
    await expectAccessible(page);
    await page.close();

    for (const [path, name] of [
      ['/', 'csm-daily'],
      [`/customers/${customerIds[0]}`, 'customer'],
      ['/executive', 'executive'],
      ['/funnel', 'funnel'],
      ['/support', 'support'],
      ['/noise', 'noise'],
    ] as const) {
      const tablet = await openPage(path, 820);
      // Recharts draws each chart once its container has been measured, after the load event.
      const charts = tablet.page.locator('.recharts-responsive-container');
      if ((await charts.count()) > 0)
        await charts.last().locator('.recharts-surface').first().waitFor({ state: 'attached' });
      await saveScreenshot(tablet.page, `${name}-820`);
      await tablet.page.close();
    }
  });

  it("CSM daily view filtered to one CSM: counts equal the API for that CSM's accounts", async () => {
    const { customerIds } = await fromApi<{ customerIds: string[] }>('/v1/customers?limit=1000');
    const snapshots = await Promise.all(
      customerIds.map((id) => fromApi<CustomerSnapshot>(`/v1/customers/${id}/snapshot`)),
    );
    const csm = snapshots.find((snapshot) => snapshot.customer.csmId != null)?.customer.csmId;
    expect(csm).toBeDefined();
    const mine = snapshots
      .filter((snapshot) => snapshot.customer.csmId === csm)
      .map((snapshot) => snapshot.customer.id);
    const expected = countHealth(
      (await Promise.all(mine.map((id) => fromApi<HealthReading>(`/v1/customers/${id}/health`))))
        .filter((reading) => reading.source === 'stored')
        .map((reading) => reading.health),
    );
    const { page } = await openPage(`/?csm=${encodeURIComponent(csm ?? '')}`);
    // The filter lists every CSM who owns accounts, whether or not they have renewals this month.
    const owners = [
      ...new Set(
        snapshots.flatMap((snapshot) => (snapshot.customer.csmId == null ? [] : [snapshot.customer.csmId])),
      ),
    ].sort();
    expect(
      await page
        .locator('select[name="csm"] option:not([value=""])')
        .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value)),
    ).toEqual(owners);
    for (const status of ['green', 'yellow', 'red'] as const)
      expect(await page.locator(`[data-health-count="${status}"]`).textContent()).toBe(
        String(expected.counts[status]),
      );
    await page.close();
  });

  it('CSM daily view: "done" marks the alert done in the API and removes it from the list', async () => {
    const { page } = await openPage('/');
    const first = page.locator('[data-alert-key]').first();
    const key = await first.getAttribute('data-alert-key');
    expect(key).not.toBeNull();
    await first.getByRole('button').click();
    await page.locator(`[data-alert-key="${key}"]`).waitFor({ state: 'detached' });
    const alerts = await alertPages();
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

    // Open journeys: a customer with an onboarding or dunning journey shows each open journey with
    // the steps and states the API gives.
    const journeyReadings = await Promise.all(
      customerIds.map((id) => fromApi<CustomerJourneysReading>(`/v1/customers/${id}/journeys`)),
    );
    const withJourney = journeyReadings.find((reading) =>
      openJourneys(reading).some((journey) => /onboarding|dunning/.test(journey.journeyId)),
    );
    expect(withJourney).toBeDefined();
    const journeys = openJourneys(withJourney!);
    const journeyPage = (await openPage(`/customers/${withJourney!.customerId}`)).page;
    expect(await journeyPage.locator('[data-journey]').count()).toBe(journeys.length);
    for (const journey of journeys) {
      const rows = journeyPage.locator(`[data-journey="${journey.key}"] tbody tr`);
      const shown = await rows.evaluateAll((elements) =>
        elements.map((element) => [
          element.getAttribute('data-step'),
          element.getAttribute('data-state'),
          element.getAttribute('data-due'),
        ]),
      );
      expect(shown, journey.key).toEqual(journey.steps.map((step) => [step.stepId, step.state, step.dueAt]));
      for (const [index, step] of journey.steps.entries()) {
        const state = await rows.nth(index).locator('td').nth(2).textContent();
        const text = japanese.customerPage;
        if (step.state === 'sent') expect(state).toContain('✓');
        if (step.state === 'upcoming')
          expect(state).toContain(text.stepUpcoming.replace('{date}', formatDate(step.dueAt, 'ja')));
        if (step.state === 'skipped' && step.skipReason !== undefined)
          expect(state).toContain(text.skipReason[step.skipReason]);
      }
    }
    console.log(
      `customer page journeys: ${withJourney!.customerId} shows ${journeys.map((journey) => `${journey.key} (${journey.steps.map((step) => step.state).join(', ')})`).join('; ')}`,
    );
    await saveScreenshot(journeyPage, 'customer-journeys-1280');
    await expectAccessible(journeyPage);
    await journeyPage.close();
  });

  it('executive view: MRR, NRR, churn rate and the automation rate equal the API, screenshot, axe', async () => {
    const executive = await fromApi<ExecutiveDashboard>('/v1/dashboards/executive');
    const alerts = await alertPages();
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
    await page.locator('.recharts-line').first().waitFor({ state: 'attached' });
    await saveScreenshot(page, 'executive-1280');
    await expectAccessible(page);
    await page.close();
  });

  it('funnel and revenue: the seven levels, every KPI, the bottleneck and MRR months equal the API, screenshot, axe', async () => {
    // The page opens on the last full month.
    const month = monthBefore(api.asOf.slice(0, 7));
    const sales = await fromApi<SalesFunnelReading>(`/v1/dashboards/sales-funnel?month=${month}`);
    const revenue = await fromApi<RevenueReport>('/v1/revenue?period=month');
    const { page } = await openPage('/funnel');
    expect(sales.funnel.levels.length).toBe(7);
    expect(await page.locator('[data-level]').count()).toBe(8); // seven levels and the financial KPIs
    for (const kpi of [...sales.funnel.levels.flatMap((level) => level.kpis), ...sales.funnel.financial]) {
      const row = page.locator(`[data-kpi="${kpi.id}"]`);
      expect(await row.locator('[data-field="value"]').textContent(), kpi.id).toBe(
        kpi.value === null ? '–' : formatKpiValue(kpi.value, kpi.unit, 'ja', revenue.currency),
      );
      expect(await row.locator('[data-field="target"]').textContent(), kpi.id).toContain(
        formatKpiValue(kpi.target, kpi.unit, 'ja', revenue.currency),
      );
      expect(await row.locator('[data-field="status"]').textContent(), kpi.id).toBe(
        japanese.funnel.kpiStatus[kpi.status],
      );
      expect(await row.locator('[data-field="gap"]').textContent(), kpi.id).toBe(
        kpi.gap === null ? '–' : formatKpiGap(kpi.gap, kpi.unit, 'ja', revenue.currency),
      );
    }
    const shownBottleneck = page.getByTestId('bottleneck');
    expect(await shownBottleneck.getAttribute('data-bottleneck-kpi')).toBe(sales.bottleneck?.kpi.id ?? null);
    if (sales.bottleneck !== null)
      expect(await page.locator(`[data-kpi="${sales.bottleneck.kpi.id}"] .bottleneck`).count()).toBe(1);
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    const shown = revenue.periods.slice(-12);
    expect(await page.locator('[data-period]').count()).toBe(shown.length);
    expect(
      await page
        .locator(`[data-period="${shown.at(-1)?.periodStart}"] td`)
        .nth(1)
        .textContent(),
    ).toBe(formatMoney(shown.at(-1)?.endMrr ?? 0, 'ja', revenue.currency));
    const cohorts = revenue.cohorts.slice(-12);
    expect(cohorts.length).toBeGreaterThan(0);
    expect(await page.locator('[data-cohort]').count()).toBe(cohorts.length);
    const oldest = cohorts[0]!;
    expect(
      await page
        .locator(`[data-cohort="${oldest.cohortStart.slice(0, 7)}"] td`)
        .nth(1)
        .textContent(),
    ).toBe(formatPercent(oldest.periods.find((period) => period.age === 0)!.logoRetention, 'ja'));
    await saveScreenshot(page, 'funnel-1280');
    await expectAccessible(page);

    // The month picker: another month shows that month's figures.
    const other = api.asOf.slice(0, 7);
    const otherFunnel = await fromApi<SalesFunnelReading>(`/v1/dashboards/sales-funnel?month=${other}`);
    await page.locator('input[name="month"]').fill(other);
    await Promise.all([
      page.waitForURL(`**/funnel?month=${other}`),
      page.getByRole('button', { name: '表示', exact: true }).click(),
    ]);
    const leads = otherFunnel.funnel.levels[1]!.kpis.find((kpi) => kpi.id === 'lead_capture.leads')!;
    expect(await page.locator('[data-kpi="lead_capture.leads"] [data-field="value"]').textContent()).toBe(
      formatKpiValue(leads.value ?? 0, 'count', 'ja'),
    );
    await page.close();
  });

  it('support: the hand-over list equals the outbox, a FAQ question streams an answer, a complaint is handed over and queued, screenshot, axe', async () => {
    // Every entry of the outbox (all pages), not only the escalation rule's that the page reads.
    const expected = handOvers(await alertPages());
    expect(expected.length).toBeGreaterThan(0);
    const { page } = await openPage('/support');
    expect(await page.locator('[data-handover]').count()).toBe(expected.length);
    const first = expected[0]!;
    // The customer is shown by name, not by id.
    const named = expected.find((handOver) => handOver.customerId !== undefined);
    if (named !== undefined) {
      const snapshot = await fromApi<CustomerSnapshot>(`/v1/customers/${named.customerId}/snapshot`);
      expect(await page.locator(`[data-handover="${named.idempotencyKey}"] td`).nth(1).textContent()).toBe(
        snapshot.customer.name,
      );
    }
    expect(
      await page.locator(`[data-handover="${first.idempotencyKey}"] [data-reason]`).first().textContent(),
    ).toContain(escalationReason(first.reasons[0]!.code, 'ja'));
    const message = page.getByRole('textbox', { name: 'メッセージ' });
    await message.fill('キャンセルポリシーを教えてください。');
    await page.getByRole('button', { name: '送信' }).click();
    await page.locator('[data-kind="faq"]').waitFor();
    expect(await page.locator('[data-kind="faq"]').textContent()).toContain('キャンセル');
    await page.getByRole('textbox', { name: '顧客ID（任意）' }).fill('b2b-0001');
    await message.fill('責任者を出してください。解約したいです。');
    await page.getByRole('button', { name: '送信' }).click();
    await page.locator('[data-escalation]').waitFor();
    expect(await page.locator('[data-escalation]').textContent()).toContain(
      escalationReason('cancellation_request', 'ja'),
    );
    await saveScreenshot(page, 'support-1280');
    await expectAccessible(page);
    await page.close();
  });

  it('noise: the ready example (the demo night recording) and an uploaded WAV show the reports the API computes, screenshot, axe', async () => {
    const example = await fetch(
      `${api.url}/v1/noise/analyses?areaType=A&pascalsPerFullScale=1&startedAt=${nightRecording.description.startedAt}`,
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${api.key}`, 'Content-Type': 'audio/wav' },
        body: readFileSync(nightRecording.wavPath),
      },
    );
    expect(example.status).toBe(200);
    const exampleReport = (await example.json()) as {
      report: { summary: { laeq: number }; events: { kind: string }[] };
    };
    expect(exampleReport.report.events.some((event) => event.kind === 'footsteps')).toBe(true);
    const recording = syntheticFootsteps();
    const startedAt = '2026-11-19T14:00:00.000Z'; // 23:00 in Tokyo: night
    const response = await fetch(
      `${api.url}/v1/noise/analyses?areaType=A&pascalsPerFullScale=1&startedAt=${startedAt}`,
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${api.key}`, 'Content-Type': 'audio/wav' },
        body: recording,
      },
    );
    expect(response.status).toBe(200);
    const expected = (await response.json()) as {
      report: { summary: { laeq: number }; events: unknown[] };
    };
    const { page } = await openPage('/noise');
    const shown = page.getByTestId('example-report');
    expect(await shown.getByTestId('laeq').textContent()).toBe(
      `${exampleReport.report.summary.laeq.toFixed(1)} dB`,
    );
    expect(await shown.locator('[data-event]').count()).toBe(exampleReport.report.events.length);
    await saveScreenshot(page, 'noise-example-1280');
    await page.setInputFiles('input[name="recording"]', {
      name: 'footsteps.wav',
      mimeType: 'audio/wav',
      buffer: Buffer.from(recording),
    });
    await page.fill('input[name="startedAt"]', '2026-11-19T23:00');
    await page.getByRole('button', { name: '解析する' }).click();
    await page.getByTestId('noise-report').waitFor();
    const uploaded = page.getByTestId('noise-report');
    expect(await uploaded.getByTestId('laeq').textContent()).toBe(
      `${expected.report.summary.laeq.toFixed(1)} dB`,
    );
    expect(await uploaded.locator('[data-event]').count()).toBe(expected.report.events.length);
    await saveScreenshot(page, 'noise-1280');
    await expectAccessible(page);
    await page.close();
  });

  it('customer list by name, and the language toggle switches to English', async () => {
    const { page } = await openPage('/customers');
    // Every customer is listed, each under the name its record carries.
    const { customerIds } = await fromApi<{ customerIds: string[] }>('/v1/customers?limit=1000');
    expect(await page.locator('td[data-customer-id]').count()).toBe(customerIds.length);
    const first = customerIds[0]!;
    const { profiles } = await fromApi<{ profiles: { name: string }[] }>(
      `/v1/customer-profiles?ids=${encodeURIComponent(first)}`,
    );
    expect(await page.locator(`td[data-customer-id="${first}"] a`).textContent()).toBe(profiles[0]!.name);
    // A customer who left is shown as churned, not as "not scored yet" (the pipeline skips them).
    const everyProfile = await fromApi<{ profiles: { customerId: string; churnedAt: string | null }[] }>(
      `/v1/customer-profiles?ids=${customerIds.map(encodeURIComponent).join(',')}`,
    );
    const churned = everyProfile.profiles.find((profile) => profile.churnedAt !== null);
    if (churned !== undefined) {
      const row = await page.locator(`tr:has(td[data-customer-id="${churned.customerId}"])`).textContent();
      expect(row).toContain('解約');
      expect(row).not.toContain('まだスコアがありません');
    }
    await saveScreenshot(page, 'customers-1280');
    await expectAccessible(page);
    await page.getByRole('button', { name: /表示言語を英語に切り替える/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Customers' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.close();
    // Engine-produced titles follow the language: the first urgent alert's action in English.
    const urgent = openAlerts(await openAlertPages('critical,high')).filter(
      (entry) => entry.action.priority === 'critical' || entry.action.priority === 'high',
    );
    const english = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await english.addCookies([{ name: 'kizuna-language', value: 'en', url: dashboard.url }]);
    const englishPage = await english.newPage();
    await englishPage.goto(dashboard.url);
    expect(await englishPage.locator('[data-alert-key]').first().textContent()).toContain(
      actionTitle(urgent[0]!.action, 'en'),
    );
    await saveScreenshot(englishPage, 'csm-daily-english-1280');
    await english.close();
  });
});
