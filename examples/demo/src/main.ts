import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type Action,
  createConsoleNotifier,
  createManualClock,
  formatActionText,
  type Notifier,
} from '@kizuna/core';
import { runPipeline } from '@kizuna/example-worker';
import { createEmbeddedStore } from '@kizuna/postgres';
import { generateDataset } from './generate/generate-dataset';
import { loadDataset } from './load-dataset';
import { serveDemo } from './serve';

/**
 * `npm run demo`: the whole SDK on a realistic, seeded year of data, on embedded PGlite, with no
 * API key, no database and no internet. It generates the data, loads it, runs the worker pipeline
 * once (snapshots → health → churn → alerts, journeys, expansion → outbox → notifications) and
 * prints what happened. `--no-serve` runs to the end and exits.
 */
const demoAsOf = '2026-11-20T00:00:00.000Z';

async function main(argv: readonly string[]) {
  const serve = !argv.includes('--no-serve');
  const dataDir = resolve(process.env.KIZUNA_DEMO_DATA_DIR ?? '.kizuna/demo');
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);

  console.log('Kizuna demo — generating a seeded year of customer data …');
  // KIZUNA_DEMO_SCALE=small makes a quick demo (tests, a first look); the default is the full year.
  const small = process.env.KIZUNA_DEMO_SCALE === 'small';
  const dataset = generateDataset({
    asOf: demoAsOf,
    ...(small ? { b2bCustomers: 30, b2cCustomers: 200, leads: 300 } : {}),
  });
  const b2b = dataset.customer.filter((customer) => customer.segment === 'b2b').length;
  console.log(
    `  ${b2b} B2B and ${dataset.customer.length - b2b} B2C customers, ${dataset.usageEvent.length.toLocaleString('en-US')} usage events, ` +
      `${dataset.invoice.length.toLocaleString('en-US')} invoices, ${dataset.supportTicket.length.toLocaleString('en-US')} tickets, ` +
      `${dataset.interaction.length.toLocaleString('en-US')} conversations, ${dataset.lead.length.toLocaleString('en-US')} leads (${seconds()} s)`,
  );

  rmSync(dataDir, { recursive: true, force: true });
  const store = await createEmbeddedStore({ dataDir });
  console.log(`Loading it into embedded PostgreSQL (PGlite) at ${dataDir} …`);
  await loadDataset(store, dataset);
  console.log(`  loaded (${seconds()} s)`);

  console.log('Running the pipeline: snapshots → health → churn → alerts, journeys, expansion → outbox …');
  const delivered: Action[] = [];
  const consoleNotifier = createConsoleNotifier({ write: () => {} });
  const notifier: Notifier = {
    name: 'console',
    async send(action) {
      delivered.push(action);
      return consoleNotifier.send(action);
    },
  };
  const report = await runPipeline({ store, asOf: demoAsOf, notifier, clock: createManualClock(demoAsOf) });
  if (report.status !== 'completed')
    throw new Error(`The pipeline run ${report.status}: ${report.error ?? 'no reason given'}`);

  const critical = delivered.filter((action) => action.priority === 'critical');
  console.log('\nA few of the notifications it sent:');
  for (const action of [
    ...critical.slice(0, 3),
    ...delivered.filter((action) => action.priority !== 'critical').slice(0, 3),
  ]) {
    console.log(`  ${formatActionText(action)}`);
  }
  const levels = Object.entries(report.churn.levels)
    .map(([level, count]) => `${count} ${level}`)
    .join(', ');
  console.log(
    `\nSummary: ${report.customers.scored} customers scored: ${report.health.red} red, ${report.health.yellow} yellow, ${report.health.green} green ` +
      `(average ${report.health.averageScore ?? '–'}); churn by ${report.churn.method}${report.churn.modelVersion ? ` ${report.churn.modelVersion}` : ''}: ${levels || 'none'}; ` +
      `${report.actions.enqueued} actions decided, ${report.notifications.delivered} notifications sent; ${seconds()} s in all.`,
  );
  for (const reason of report.reasons) console.log(`  · ${reason}`);
  await store.close();
  if (!serve) return;
  console.log('\nStarting the API and the dashboard on the demo data …');
  const served = await serveDemo({ dataDir, asOf: demoAsOf });
  console.log(`\n  Dashboard ${served.dashboardUrl}`);
  console.log(`  API       ${served.apiUrl}  (OpenAPI at ${served.apiUrl}/openapi.json)`);
  console.log(`  API key   ${served.apiKey}  (admin; send it as "Authorization: Bearer <key>")`);
  console.log(
    `  try       curl -H "Authorization: Bearer ${served.apiKey}" ${served.apiUrl}/v1/customers/b2b-0001/health`,
  );
  console.log('\nPress Ctrl+C to stop.');
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
