import { computeFunnel, countActiveUsers } from '@kizuna/funnel';
import { type BenchSuite, formatNumber, formatRatio, medianMilliseconds } from '../bench-kit';
import { duckDbActiveUsers, duckDbFunnel, loadIntoDuckDb } from '../funnel/duckdb-reference';
import { generateGroupedEvents, interleaveByUser } from '../funnel/generate-events';

const eventCount = Number(process.env.KIZUNA_BENCH_FUNNEL_EVENTS ?? 10_000_000);
const window = 7 * 86_400_000;
const steps = ['visit', 'signup', 'activate', 'pay'];

function sameCounts(label: string, ours: readonly number[], reference: readonly number[]): void {
  if (ours.length !== reference.length || ours.some((value, index) => value !== reference[index]))
    throw new Error(`${label}: computeFunnel ${JSON.stringify(ours)} ≠ DuckDB ${JSON.stringify(reference)}`);
}

/**
 * computeFunnel and countActiveUsers against DuckDB on the same deterministic events: a 4-step
 * sequential funnel with a 7-day window, and daily active users + distinct users. Counts must agree
 * exactly (the suite fails otherwise); the load into DuckDB is not timed.
 */
const suite: BenchSuite = {
  name: 'funnel',
  async run() {
    const grouped = generateGroupedEvents(eventCount);
    const interleaved = interleaveByUser(grouped);
    const database = await loadIntoDuckDb(grouped);
    try {
      const reference = await duckDbFunnel(database, window);
      const options = { steps, window };
      const fromGrouped = computeFunnel(grouped, options).steps.map((step) => step.count);
      const fromInterleaved = computeFunnel(interleaved, options).steps.map((step) => step.count);
      sameCounts('grouped columns', fromGrouped, reference);
      sameCounts('interleaved columns', fromInterleaved, reference);

      const iterations = { iterations: 3, warmup: 1 };
      const duckFunnelMs = await medianMilliseconds(() => duckDbFunnel(database, window), iterations);
      const groupedMs = await medianMilliseconds(() => computeFunnel(grouped, options), iterations);
      const countsOnly = { ...options, timeToConvert: false };
      sameCounts(
        'counts only',
        computeFunnel(grouped, countsOnly).steps.map((step) => step.count),
        reference,
      );
      const countsOnlyMs = await medianMilliseconds(() => computeFunnel(grouped, countsOnly), iterations);
      const interleavedMs = await medianMilliseconds(() => computeFunnel(interleaved, options), iterations);

      const referenceUsers = await duckDbActiveUsers(database);
      const active = countActiveUsers(grouped, { timeZone: 'UTC' });
      const ourDays = active.periods.map((period) => [
        Date.parse(period.periodStart) / 86_400_000,
        period.activeUsers,
      ]);
      if (
        JSON.stringify(ourDays) !== JSON.stringify(referenceUsers.days) ||
        active.distinctUsers !== referenceUsers.distinctUsers
      )
        throw new Error('countActiveUsers disagrees with DuckDB on daily or distinct users');
      const duckActiveMs = await medianMilliseconds(() => duckDbActiveUsers(database), iterations);
      const activeMs = await medianMilliseconds(
        () => countActiveUsers(grouped, { timeZone: 'UTC' }),
        iterations,
      );
      const activeInterleavedMs = await medianMilliseconds(
        () => countActiveUsers(interleaved, { timeZone: 'UTC' }),
        iterations,
      );

      const events = formatNumber(eventCount);
      return [
        {
          title: `4-step sequential funnel, 7-day window, ${events} events, ${formatNumber(grouped.user[eventCount - 1]! + 1)} users`,
          rows: [
            {
              implementation: 'DuckDB SQL (ASOF joins)',
              'median ms': formatNumber(duckFunnelMs),
              'vs DuckDB': '1×',
            },
            {
              implementation: 'computeFunnel, columns grouped by user',
              'median ms': formatNumber(groupedMs),
              'vs DuckDB': formatRatio(duckFunnelMs / groupedMs),
            },
            {
              implementation: 'computeFunnel, columns grouped by user, counts only (timeToConvert: false)',
              'median ms': formatNumber(countsOnlyMs),
              'vs DuckDB': formatRatio(duckFunnelMs / countsOnlyMs),
            },
            {
              implementation: 'computeFunnel, columns interleaved (counting sort)',
              'median ms': formatNumber(interleavedMs),
              'vs DuckDB': formatRatio(duckFunnelMs / interleavedMs),
            },
          ],
          notes: [
            `Step counts agree exactly: ${reference.map((count) => formatNumber(count)).join(' → ')}.`,
            '"vs DuckDB" is DuckDB time ÷ our time: above 1× we are faster. Medians of 3 runs after 1 warm-up; load not timed.',
            'computeFunnel also returns time between steps (mean, median, p90, p95) unless timeToConvert is false; the SQL returns counts only. DuckDB uses every core, computeFunnel one.',
          ],
        },
        {
          title: `Daily active users + distinct users, ${events} events`,
          rows: [
            {
              implementation: 'DuckDB SQL (count DISTINCT)',
              'median ms': formatNumber(duckActiveMs),
              'vs DuckDB': '1×',
            },
            {
              implementation: 'countActiveUsers, columns in user order',
              'median ms': formatNumber(activeMs),
              'vs DuckDB': formatRatio(duckActiveMs / activeMs),
            },
            {
              implementation: 'countActiveUsers, columns interleaved',
              'median ms': formatNumber(activeInterleavedMs),
              'vs DuckDB': formatRatio(duckActiveMs / activeInterleavedMs),
            },
          ],
          notes: [
            `${referenceUsers.days.length} days and ${formatNumber(referenceUsers.distinctUsers)} distinct users agree exactly.`,
            'countActiveUsers also returns distinct users and events per event name in the same call.',
          ],
        },
      ];
    } finally {
      database.close();
    }
  },
};

export default suite;
