import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { join } from 'node:path';
import { generateApiKey } from '../../../examples/express-api/src/api-keys';
import { type ApiServer, expressApiFolder, startApiServer } from '../api/api-server';
import { type LoadRequest, type LoadResult, runLoad } from '../api/load';
import { type BenchRow, type BenchSuite, formatNumber } from '../bench-kit';

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const customers = 500;
const eventsPerCustomer = 5;
const secondsPerScenario = Number(process.env.KIZUNA_BENCH_SECONDS ?? 10);

function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 5432) });
    socket.setTimeout(2_000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function dropSchema(schema: string): Promise<void> {
  // pg is a dependency of @kizuna/postgres; the bench package does not depend on it directly.
  const pg = createRequire(join(expressApiFolder, '..', '..', 'packages', 'postgres', 'package.json'))(
    'pg',
  ) as {
    Client: new (options: {
      connectionString: string;
    }) => {
      connect(): Promise<void>;
      query(text: string): Promise<unknown>;
      end(): Promise<void>;
    };
  };
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

const customerId = (index: number) => `bench-${String(index).padStart(5, '0')}`;

async function post(server: ApiServer, key: string, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

async function seed(server: ApiServer, key: string): Promise<void> {
  const asOf = Date.parse('2026-11-01T00:00:00Z');
  for (let start = 0; start < customers; start += 1_000) {
    const batch = Array.from({ length: Math.min(1_000, customers - start) }, (_, offset) => {
      const index = start + offset;
      return {
        id: customerId(index),
        name: `Bench customer ${index}`,
        segment: 'b2b',
        plan: 'pro',
        createdAt: '2025-01-01T00:00:00Z',
        contract: {
          startsAt: '2025-01-01T00:00:00Z',
          endsAt: '2027-01-01T00:00:00Z',
          monthlyMeasurementLimit: 20,
          mrr: { amount: 80_000 },
        },
      };
    });
    await post(server, key, '/v1/records/customer', { records: batch });
  }
  const events = Array.from({ length: customers * eventsPerCustomer }, (_, index) => ({
    id: `seed-${index}`,
    customerId: customerId(index % customers),
    kind: index % 2 === 0 ? 'login' : 'measurement',
    ...(index % 2 === 0 ? {} : { hours: 2 }),
    occurredAt: new Date(asOf - (index % 60) * 86_400_000).toISOString(),
  }));
  for (let start = 0; start < events.length; start += 1_000)
    await post(server, key, '/v1/records/usage-event', { records: events.slice(start, start + 1_000) });
}

function row(
  scenario: string,
  result: LoadResult,
  serverCpuMilliseconds: number,
  unitsPerRequest = 1,
  unit = 'requests',
): BenchRow {
  const cpuMicrosecondsPerRequest = (serverCpuMilliseconds * 1000) / Math.max(1, result.requests.total);
  return {
    scenario,
    'requests/s': formatNumber(result.requests.average),
    ...(unitsPerRequest === 1
      ? {}
      : { [`${unit}/s`]: formatNumber(result.requests.average * unitsPerRequest) }),
    'p50 ms': formatNumber(result.latency.p50),
    'p99 ms': formatNumber(result.latency.p99),
    'server CPU µs/request': formatNumber(cpuMicrosecondsPerRequest),
    'requests/s per server core': formatNumber(1e6 / cpuMicrosecondsPerRequest),
    requests: result.requests.total,
    'non-2xx': result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/**
 * The Express API under load on PostgreSQL: autocannon on loopback against the API in its own
 * process, each scenario bounded in time. Health reads (the latest stored score, as dashboards read
 * it, and a live score), event ingestion one event per request and 100 per request.
 * Goal (issue 8): ≥ 2,000 health reads/s at p99 < 50 ms on the 2-core machine.
 */
const suite: BenchSuite = {
  name: 'api',
  async run() {
    if (!(await reachable(databaseUrl))) {
      return [
        {
          title: 'Express API under load',
          rows: [],
          notes: [
            `Skipped: PostgreSQL at ${databaseUrl.replace(/\/\/[^@/]*@/, '//')} is unreachable (set DATABASE_URL).`,
          ],
        },
      ];
    }
    const schema = `kizuna_bench_api_${randomBytes(4).toString('hex')}`;
    const admin = generateApiKey({ name: 'bench', scope: 'admin', requestsPerMinute: 100_000_000 });
    const server = await startApiServer({
      DATABASE_URL: databaseUrl,
      KIZUNA_SCHEMA: schema,
      KIZUNA_API_KEYS: JSON.stringify([admin.stored]),
      KIZUNA_WORKER: 'on',
      KIZUNA_WORKER_INTERVAL_SECONDS: '86400',
      LOG_LEVEL: 'warn',
      DATABASE_MAX_CONNECTIONS: '10',
    });
    try {
      const seedStart = performance.now();
      await seed(server, admin.key);
      const seedSeconds = (performance.now() - seedStart) / 1000;
      const pipelineStart = performance.now();
      const pipeline = (await post(server, admin.key, '/v1/admin/pipeline-runs', {})) as {
        run: { customers: { scored: number }; status: string };
      };
      const pipelineSeconds = (performance.now() - pipelineStart) / 1000;
      const headers = { authorization: `Bearer ${admin.key}` };
      let counter = 0;
      const randomCustomer = () => customerId(Math.floor(Math.random() * customers));
      const scenarios: { name: string; result: LoadResult; cpu: number; units?: number; unit?: string }[] =
        [];
      const measure = async (load: () => Promise<LoadResult>) => {
        const before = server.cpuMilliseconds();
        const result = await load();
        return { result, cpu: server.cpuMilliseconds() - before };
      };

      const health = (request: LoadRequest): LoadRequest => ({
        ...request,
        path: `/v1/customers/${randomCustomer()}/health`,
      });
      // Warm-up: connection pool, JIT, prepared plans.
      await runLoad({ url: server.url, connections: 8, durationSeconds: 2, headers, setupRequest: health });
      scenarios.push({
        name: 'GET /healthz (baseline: no key, no database)',
        ...(await measure(() =>
          runLoad({
            url: server.url,
            connections: 16,
            durationSeconds: Math.min(5, secondsPerScenario),
            headers: {},
            setupRequest: (request) => ({ ...request, path: '/healthz' }),
          }),
        )),
      });
      scenarios.push({
        name: 'GET health (stored score)',
        ...(await measure(() =>
          runLoad({
            url: server.url,
            connections: 16,
            durationSeconds: secondsPerScenario,
            headers,
            setupRequest: health,
          }),
        )),
      });
      scenarios.push({
        name: 'GET health?live=true (snapshot + score)',
        ...(await measure(() =>
          runLoad({
            url: server.url,
            connections: 8,
            durationSeconds: secondsPerScenario,
            headers,
            setupRequest: (request) => ({
              ...request,
              path: `/v1/customers/${randomCustomer()}/health?live=true`,
            }),
          }),
        )),
      });
      const ingestHeaders = { ...headers, 'content-type': 'application/json' };
      const event = () => {
        counter += 1;
        return {
          id: `load-${process.pid}-${counter}`,
          customerId: randomCustomer(),
          kind: 'login',
          occurredAt: new Date(Date.UTC(2026, 9, 1) + counter * 1000).toISOString(),
        };
      };
      scenarios.push({
        name: 'POST usage event (1 per request)',
        ...(await measure(() =>
          runLoad({
            url: server.url,
            connections: 16,
            durationSeconds: secondsPerScenario,
            headers: ingestHeaders,
            method: 'POST',
            setupRequest: (request) => ({
              ...request,
              method: 'POST',
              path: '/v1/records/usage-event',
              body: JSON.stringify({ records: [event()] }),
            }),
          }),
        )),
      });
      scenarios.push({
        name: 'POST usage events (100 per request)',
        units: 100,
        unit: 'events',
        ...(await measure(() =>
          runLoad({
            url: server.url,
            connections: 8,
            durationSeconds: secondsPerScenario,
            headers: ingestHeaders,
            method: 'POST',
            setupRequest: (request) => ({
              ...request,
              method: 'POST',
              path: '/v1/records/usage-event',
              body: JSON.stringify({ records: Array.from({ length: 100 }, event) }),
            }),
          }),
        )),
      });
      const stored = scenarios[1]!.result;
      const met = stored.requests.average >= 2_000 && stored.latency.p99 < 50 && stored.non2xx === 0;
      return [
        {
          title: 'Express API under load (autocannon on loopback, PostgreSQL, API in its own process)',
          rows: scenarios.map((scenario) =>
            row(scenario.name, scenario.result, scenario.cpu, scenario.units, scenario.unit),
          ),
          notes: [
            `${customers.toLocaleString('en-US')} customers, ${(customers * eventsPerCustomer).toLocaleString('en-US')} usage events seeded over HTTP in ${formatNumber(seedSeconds)} s; the in-process pipeline scored ${pipeline.run.customers.scored} customers (${pipeline.run.status}) in ${formatNumber(pipelineSeconds)} s before the reads.`,
            `${secondsPerScenario} s per scenario, request logs off (LOG_LEVEL=warn), pool of 10 connections. Goal ≥ 2,000 stored health reads/s at p99 < 50 ms: ${met ? 'met' : 'not met'} on this run (${formatNumber(stored.requests.average)}/s, p99 ${formatNumber(stored.latency.p99)} ms). Load generator and server share the machine's cores.`,
            'The /healthz row is the floor of this machine at this moment (Express, no key check, no database): compare the other rows with it. Server CPU µs/request is the API process\'s own CPU time (from /proc) per request, without PostgreSQL or autocannon; it also grows when the machine is oversubscribed (cache and core contention), so read it relative to the /healthz row, and "requests/s per server core" (its inverse) as a floor, not a forecast.',
          ],
        },
      ];
    } catch (error) {
      throw new Error(
        `${error instanceof Error ? error.message : String(error)}\n--- API output ---\n${server.output().slice(-3000)}`,
      );
    } finally {
      await server.stop();
      await dropSchema(schema).catch(() => {});
    }
  },
};

export default suite;
