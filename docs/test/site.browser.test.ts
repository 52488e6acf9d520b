import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../../examples/next-dashboard/tests/support/chromium.ts';
import { repositoryRoot } from './code-samples.ts';

// The TypeDoc site a reader browses: built by `pnpm docs` (and by `npm run check`) into docs/site.
// Opened in Debian's Chromium (never a downloaded browser): the index, a guide through the
// navigation, and the search box. Screenshots go to docs/test-output/.

const siteFolder = join(repositoryRoot, 'docs/site');
const screenshotFolder = join(repositoryRoot, 'docs/test-output');

if (!chromiumAvailable) {
  console.warn(
    'docs site browser test skipped: /usr/bin/chromium not found (on Debian: apt-get install chromium).',
  );
}

function newestModification(folder: string, keep: (name: string) => boolean): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestModification(path, keep));
    else if (keep(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the site unless docs/site is newer than every source, guide and config it is made from. */
function ensureFreshSite(): void {
  const index = join(siteFolder, 'index.html');
  const sources = Math.max(
    newestModification(join(repositoryRoot, 'packages'), (name) => /\.(ts|md|json)$/.test(name)),
    newestModification(join(repositoryRoot, 'docs/guides'), (name) => name.endsWith('.md')),
    statSync(join(repositoryRoot, 'docs/architecture.md')).mtimeMs,
    statSync(join(repositoryRoot, 'typedoc.json')).mtimeMs,
    statSync(join(repositoryRoot, 'README.md')).mtimeMs,
  );
  if (existsSync(index) && statSync(index).mtimeMs > sources) return;
  const typedoc = join(repositoryRoot, 'node_modules/typedoc/bin/typedoc');
  const result = spawnSync(process.execPath, [typedoc], { cwd: repositoryRoot, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pnpm docs failed:\n${result.stdout}\n${result.stderr}`);
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** A static file server over docs/site on a free loopback port. */
function serveSite(): Promise<Server> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(siteFolder, path));
    if (!file.startsWith(siteFolder)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe.skipIf(!chromiumAvailable)('the documentation site in a browser', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let origin: string;

  beforeAll(async () => {
    ensureFreshSite();
    server = await serveSite();
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    mkdirSync(screenshotFolder, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('opens the index with every package in the navigation', async () => {
    await page.goto(`${origin}/index.html`);
    await expect(page.title()).resolves.toContain('Kizuna');
    const navigation = page.locator('#tsd-nav-container');
    await navigation.locator('summary[data-key="@kizuna"]').click();
    for (const name of ['core', 'health', 'churn', 'chat', 'funnel', 'noise', 'postgres']) {
      const link = navigation.locator(`summary[data-key="@kizuna$${name}"] a`);
      await expect(link.isVisible(), `@kizuna/${name} in the navigation`).resolves.toBe(true);
    }
    await page.screenshot({ path: join(screenshotFolder, 'site-index.png'), fullPage: false });
  });

  it('navigates to a guide and shows its content', async () => {
    await page.goto(`${origin}/index.html`);
    const navigation = page.locator('#tsd-nav-container');
    await navigation.locator('summary[data-key="guides"]').click();
    await navigation.locator('a[href$="guides_health.html"]').click();
    await page.waitForURL(/guides_health\.html$/);
    await expect(page.locator('.tsd-panel h1, .tsd-typography h1').first().textContent()).resolves.toMatch(
      /Health scores/,
    );
    await page.screenshot({ path: join(screenshotFolder, 'site-guide.png'), fullPage: false });
  });

  it('finds scoreHealth with the search box and opens its page', async () => {
    await page.goto(`${origin}/index.html`);
    await page.keyboard.press('/');
    const input = page.locator('#tsd-search-input, #tsd-search input').first();
    await input.fill('scoreHealth');
    const result = page
      .locator('#tsd-search-results li a, .results li a', { hasText: 'scoreHealth' })
      .first();
    await result.waitFor({ state: 'visible' });
    await page.screenshot({ path: join(screenshotFolder, 'site-search.png'), fullPage: false });
    await result.click();
    await page.waitForLoadState('load');
    expect(page.url()).toMatch(/scoreHealth/);
    await expect(page.locator('h1').first().textContent()).resolves.toContain('scoreHealth');
  });
});
