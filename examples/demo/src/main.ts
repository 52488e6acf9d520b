import { mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  type Action,
  createConsoleNotifier,
  createManualClock,
  createMemoryStore,
  formatActionText,
  type Notifier,
} from '@kizuna/core';
import { runPipeline } from '@kizuna/example-worker';
import { createEmbeddedStore } from '@kizuna/postgres';
import { evaluateChurnOverTime } from './evaluate-churn-over-time';
import { generateDataset } from './generate/generate-dataset';
import { loadDataset } from './load-dataset';
import { createNightRecording } from './night-recording';
import { replayRecentChats } from './replay-recent-chats';
import { serveDemo } from './serve';

/**
 * `npm run demo`: the whole SDK on a realistic, seeded year of data, on embedded PGlite, with no
 * API key, no database and no internet. It generates the data, loads it, runs the worker pipeline
 * once (snapshots → health → churn → alerts, journeys, expansion → outbox → notifications),
 * evaluates the churn model on held-out history, synthesises and analyses a night-time noise
 * recording, and prints what happened. `--no-serve` runs to the end and exits.
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

  console.log("Evaluating the churn model on the demo's own history (time-based split) …");
  // An in-memory copy of the same records: the evaluation builds five snapshots per customer.
  const evaluationStore = createMemoryStore();
  await loadDataset(evaluationStore, dataset);
  const evaluation = await evaluateChurnOverTime(evaluationStore, demoAsOf);
  await evaluationStore.close();
  console.log(
    `  trained on ${evaluation.training.rows.toLocaleString('en-US')} snapshots from ${evaluation.trainingInstants[0]!.slice(0, 10)} to ${evaluation.trainingInstants.at(-1)!.slice(0, 10)} ` +
      `(${evaluation.training.churners} churned within 90 days); tested on ${evaluation.test.rows.toLocaleString('en-US')} customers as of ${evaluation.cutoff.slice(0, 10)} ` +
      `(${evaluation.test.churners} churned by ${demoAsOf.slice(0, 10)}): held-out AUC ${evaluation.heldOutAuc.toFixed(3)} (${evaluation.method}), the rules ${evaluation.rulesAuc.toFixed(3)} (${seconds()} s)`,
  );

  const recordingFolder = dirname(dataDir);
  mkdirSync(recordingFolder, { recursive: true });
  const recording = createNightRecording(recordingFolder, demoAsOf);
  const footsteps = recording.report.events.filter((event) => event.kind === 'footsteps');
  const night = recording.report.standard.find((row) => row.band === 'night');
  const noiseSummary =
    `noise: ${Math.round(recording.report.measurement.durationSeconds / 60)}-minute night recording, ${recording.report.events.length} events ` +
    `(${footsteps.length} footsteps, ${footsteps.filter((event) => event.night === true).length} of them at night, loudest ${Math.max(...recording.report.events.map((event) => event.lmax)).toFixed(1)} dB LAFmax), ` +
    `LAeq ${recording.report.summary.laeq.toFixed(1)} dB${night === undefined ? '' : ` vs the night limit ${night.limit} dB (${night.met ? 'met' : `exceeded by ${night.exceedanceDecibels} dB`})`}`;
  console.log(`Synthesised and analysed the night recording ${recording.wavPath}: ${noiseSummary}`);

  const chats = await replayRecentChats(store, dataset, demoAsOf);
  console.log(
    `Played the last 30 days' ${chats.messages} chat messages through the support bot: ${chats.faqAnswers} FAQ answers, ${chats.handOvers} hand-overs to a person (${seconds()} s)`,
  );

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
    `\nSummary: ${report.customers.scored} customers scored (${report.customers.churned} who had left skipped): ${report.health.red} red, ${report.health.yellow} yellow, ${report.health.green} green ` +
      `(average ${report.health.averageScore ?? '–'}); churn by ${report.churn.method}${report.churn.modelVersion ? ` ${report.churn.modelVersion}` : ''}: ${levels || 'none'}; ` +
      `${report.actions.enqueued} actions decided, ${report.notifications.delivered} notifications sent; ` +
      `churn model AUC ${evaluation.heldOutAuc.toFixed(2)} on held-out data (time-based split, ${evaluation.test.rows} customers; rules ${evaluation.rulesAuc.toFixed(2)}); ` +
      `${chats.handOvers} chats handed over; ${noiseSummary}; ${seconds()} s in all.`,
  );
  for (const reason of report.reasons) console.log(`  · ${reason}`);
  await store.close();
  if (!serve) return;
  console.log('\nStarting the API and the dashboard on the demo data …');
  const served = await serveDemo({ dataDir, asOf: demoAsOf, exampleRecording: recording.descriptionPath });
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
