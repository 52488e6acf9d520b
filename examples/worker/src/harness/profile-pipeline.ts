import { parseArgs } from 'node:util';
import type { Notifier } from '@kizuna/core';
import { createPgClient, createPostgresStore } from '@kizuna/postgres';
import { runPipeline } from '../pipeline/run-pipeline';
import { seedCustomers } from '../seed/seed-customers';
import { uniqueName } from '../test-support/services';

/**
 * Runs the pipeline once in this process on PostgreSQL over `--customers` generated customers in a
 * fresh schema (dropped afterwards), for profiling: start it with `node --cpu-prof --import tsx`.
 * Prints one JSON line: wall time and this process's CPU time of the scoring run alone (seeding
 * excluded), and the per-stage times of the run report. `--runs 2` scores a second day too, which
 * has a previous score to compare against (the daily steady state).
 */
const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '1' },
    churn: { type: 'string', default: 'true' },
  },
});
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = uniqueName('profile_pipeline');
const client = createPgClient({ connectionString: databaseUrl, maxConnections: 10 });
const store = await createPostgresStore({ client, schema, closeClient: false });
const notifier: Notifier = { name: 'discard', send: async () => ({ notifier: 'discard', attempts: 1 }) };
const days = ['2026-04-01T00:00:00.000Z', '2026-04-02T00:00:00.000Z', '2026-04-03T00:00:00.000Z'];
try {
  const customers = Number(values.customers);
  await seedCustomers(store, { count: customers, asOf: days[0]! });
  for (const asOf of days.slice(0, Number(values.runs))) {
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    const report = await runPipeline({
      store,
      asOf,
      notifier,
      churn: { enabled: values.churn === 'true' },
    });
    const cpu = process.cpuUsage(cpuBefore);
    const wall = performance.now() - wallBefore;
    console.log(
      JSON.stringify({
        asOf,
        customers,
        status: report.status,
        scored: report.customers.scored,
        wallMilliseconds: Math.round(wall),
        cpuMilliseconds: Math.round((cpu.user + cpu.system) / 1000),
        cpuMillisecondsPerCustomer: (cpu.user + cpu.system) / 1000 / report.customers.scored,
        durations: report.durations,
      }),
    );
  }
} finally {
  await store.close();
  await client.query(`drop schema if exists "${schema}" cascade`);
  await client.close();
}
