import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { buildSnapshot, buildSnapshots, type Store } from '@kizuna/core';
// The bench package does not depend on @kizuna/postgres (no new dependencies): use its sources.
import {
  createPgClient,
  createPgliteClient,
  createPostgresStore,
  type SqlClient,
} from '../../../packages/postgres/src/index';
import { pgliteTemplate } from '../../../packages/postgres/src/test-support/pglite-template';
import { type BenchRow, type BenchSuite, formatNumber, medianMilliseconds } from '../bench-kit';

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const asOf = '2026-04-01T00:00:00.000Z';
const customers = 2_000;
const eventsPerCustomer = 50;
const snapshotBatch = 100;

function customerRecords() {
  return Array.from({ length: customers }, (_, index) => ({
    id: `cust-${String(index).padStart(5, '0')}`,
    name: `Customer ${index}`,
    segment: 'b2c',
    plan: 'standard',
    createdAt: '2025-01-01T00:00:00Z',
  }));
}

function usageEvents() {
  const events = [];
  for (let customer = 0; customer < customers; customer += 1)
    for (let index = 0; index < eventsPerCustomer; index += 1)
      events.push({
        id: `e-${customer}-${index}`,
        customerId: `cust-${String(customer).padStart(5, '0')}`,
        occurredAt: new Date(Date.parse(asOf) - (index + 1) * 3 * 3_600_000).toISOString(),
        ...(index % 3 === 0 ? { kind: 'measurement' as const, hours: 2 } : { kind: 'login' as const }),
      });
  return events;
}

async function serverReachable(): Promise<boolean> {
  const client = createPgClient({ connectionString: databaseUrl, connectionTimeoutMilliseconds: 3_000 });
  try {
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.close();
  }
}

async function measure(name: string, client: SqlClient): Promise<BenchRow[]> {
  const schema = `kizuna_bench_${randomBytes(4).toString('hex')}`;
  const store: Store = await createPostgresStore({ client, schema, closeClient: false });
  try {
    const events = usageEvents();
    await store.putRecords('customer', customerRecords());
    const loadStart = performance.now();
    const loaded = await store.putRecords('usageEvent', events);
    const loadMs = performance.now() - loadStart;
    const reloadStart = performance.now();
    await store.putRecords('usageEvent', events);
    const reloadMs = performance.now() - reloadStart;
    const ids = (await store.listCustomerIds({ limit: snapshotBatch })).slice(0, snapshotBatch);
    const batchMs = await medianMilliseconds(() => buildSnapshots(store, ids, { asOf }), { iterations: 7 });
    const singleMs = await medianMilliseconds(() => buildSnapshot(store, ids[0]!, { asOf }), {
      iterations: 21,
    });
    return [
      {
        database: name,
        operation: `putRecords: ${formatNumber(events.length)} usage events, new (one call)`,
        result: `${formatNumber((loaded.inserted / loadMs) * 1000)} rows/s`,
      },
      {
        database: name,
        operation: `putRecords: the same ${formatNumber(events.length)} again (all unchanged)`,
        result: `${formatNumber((events.length / reloadMs) * 1000)} rows/s`,
      },
      {
        database: name,
        operation: `buildSnapshots: ${snapshotBatch} customers × ${eventsPerCustomer} events (median)`,
        result: `${formatNumber(batchMs)} ms`,
      },
      {
        database: name,
        operation: 'buildSnapshot: one customer (median)',
        result: `${formatNumber(singleMs)} ms`,
      },
    ];
  } finally {
    await store.close();
    await client.query(`drop schema if exists "${schema}" cascade`);
  }
}

/** The PostgreSQL store: bulk loading and snapshot reads on embedded PGlite and on a server. */
const suite: BenchSuite = {
  name: 'postgres',
  async run() {
    const rows: BenchRow[] = [];
    const notes: string[] = [
      `Load average at the start: ${loadavg()
        .map((value) => value.toFixed(1))
        .join(', ')} (1, 5, 15 min).`,
      `${formatNumber(customers)} customers, ${formatNumber(customers * eventsPerCustomer)} usage events; batch size 2,000 rows per insert statement.`,
    ];
    const pglite = await createPgliteClient({ loadDataDir: await pgliteTemplate() });
    try {
      rows.push(...(await measure('PGlite (in memory)', pglite)));
    } finally {
      await pglite.close();
    }
    if (await serverReachable()) {
      const server = createPgClient({ connectionString: databaseUrl });
      try {
        const [version] = await server.query<{ server_version: string }>('show server_version');
        rows.push(...(await measure(`PostgreSQL ${version?.server_version ?? ''}`.trim(), server)));
      } finally {
        await server.close();
      }
    } else {
      notes.push(
        `PostgreSQL at ${databaseUrl.replace(/\/\/[^@/]*@/, '//')} unreachable: server rows skipped.`,
      );
    }
    notes.push(
      `Load average when done: ${loadavg()
        .map((value) => value.toFixed(1))
        .join(', ')} (1, 5, 15 min) — numbers taken on a busy machine are lower bounds.`,
    );
    return [{ title: 'PostgreSQL store', rows, notes }];
  },
};

export default suite;
