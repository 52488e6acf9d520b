import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium: the only browser the dashboard's tests and bench use (never downloaded). */
export const chromiumPath = '/usr/bin/chromium';

/** Whether Chromium is installed here. */
export const chromiumAvailable = existsSync(chromiumPath);

/**
 * Launches Debian's Chromium headless, without network side traffic. Shared by the dashboard's
 * browser tests, `pnpm bench dashboard` and the docs site test (docs/test/site.browser.test.ts).
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
