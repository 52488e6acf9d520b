import { createConnection } from 'node:net';
import { type BenchRow, type BenchSuite, formatNumber, formatRatio } from '../bench-kit';
import { measureWorkerThroughput, type WorkerThroughput } from '../worker/measure-worker-throughput';

/**
 * Sizes and worker counts to measure: `KIZUNA_BENCH_WORKER_RUNS="10000x1,10000x2,100000x2"` (customers
 * × worker processes). The default is the issue's: 10,000 and 100,000 customers, 1 and 2 workers.
 */
const runs = (process.env.KIZUNA_BENCH_WORKER_RUNS ?? '10000x1,10000x2,100000x1,100000x2')
  .split(',')
  .map((entry) => entry.trim().split('x').map(Number) as [number, number]);

function postgresReachable(): Promise<boolean> {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
  return new Promise((resolve) => {
    const socket = createConnection({ host: url.hostname, port: Number(url.port || 5432) });
    socket.setTimeout(2_000);
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/**
 * The worker end to end on PostgreSQL: customers fully processed per second (snapshots, health,
 * churn, alerts, journeys, expansion, outbox, delivery to a local webhook) by 1 and 2 worker
 * processes on the pg-boss queue, and how the time grows from 10,000 to 100,000 customers.
 */
const suite: BenchSuite = {
  name: 'worker',
  async run() {
    if (!(await postgresReachable())) {
      return [
        { title: 'Worker end to end', rows: [], notes: ['PostgreSQL unreachable (DATABASE_URL): skipped.'] },
      ];
    }
    const results: WorkerThroughput[] = [];
    for (const [customers, workers] of runs)
      results.push(await measureWorkerThroughput({ customers, workers }));
    const rows: BenchRow[] = results.map((result) => ({
      customers: formatNumber(result.customers),
      'worker processes': result.workers,
      status: result.status,
      'run (s)': formatNumber(result.totalMilliseconds / 1000),
      'of which model training (s)': formatNumber(result.planMilliseconds / 1000),
      'customers/s end to end': formatNumber(result.customersPerSecond),
      'customers/s after training': formatNumber(result.customersPerSecondAfterPlanning),
      notifications: result.notifications,
    }));
    const notes: string[] = [];
    for (const workers of new Set(results.map((result) => result.workers))) {
      const sizes = results
        .filter((result) => result.workers === workers)
        .sort((a, b) => a.customers - b.customers);
      const small = sizes[0];
      const large = sizes[sizes.length - 1];
      if (small === undefined || large === undefined || small === large) continue;
      const timeRatio =
        (large.totalMilliseconds - large.planMilliseconds) /
        (small.totalMilliseconds - small.planMilliseconds);
      notes.push(
        `${workers} worker(s): ${formatNumber(large.customers / small.customers)}× the customers took ${formatRatio(timeRatio)} the scoring time (linear = ${formatRatio(large.customers / small.customers)}).`,
      );
    }
    notes.push(
      'Queue: pg-boss on the same PostgreSQL; churn model trained once per run on synthetic data (no history).',
    );
    return [{ title: 'Worker end to end on PostgreSQL', rows, notes }];
  },
};

export default suite;
