import { loadavg } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { computeFunnel, countActiveUsers } from '@kizuna/funnel';
import { createFunnelPool, toSharedColumns } from '@kizuna/funnel/parallel';
import { type BenchRow, type BenchSuite, formatNumber, formatRatio } from '../bench-kit';
import { medianWallAndCpu, type RunTimes } from '../funnel/cpu-and-wall';
import { duckDbActiveUsers, duckDbFunnel, loadIntoDuckDb } from '../funnel/duckdb-reference';
import { generateGroupedEvents, interleaveByUser } from '../funnel/generate-events';

const eventCount = Number(process.env.KIZUNA_BENCH_FUNNEL_EVENTS ?? 10_000_000);
const window = 7 * 86_400_000;
const steps = ['visit', 'signup', 'activate', 'pay'];
const iterations = { iterations: 3, warmup: 1 };

function sameCounts(label: string, ours: readonly number[], reference: readonly number[]): void {
  if (ours.length !== reference.length || ours.some((value, index) => value !== reference[index]))
    throw new Error(`${label}: computeFunnel ${JSON.stringify(ours)} ≠ DuckDB ${JSON.stringify(reference)}`);
}

/** One table row: the times, and the ratios to the reference row ("vs DuckDB" > 1× means faster). */
function row(implementation: string, times: RunTimes, reference: RunTimes): BenchRow {
  return {
    implementation,
    'wall ms': formatNumber(times.wallMs),
    'CPU ms': formatNumber(times.cpuMs),
    'vs DuckDB (wall)': formatRatio(reference.wallMs / times.wallMs),
    'vs DuckDB (CPU)': formatRatio(reference.cpuMs / times.cpuMs),
  };
}

function loadNote(): string {
  const [one, five] = loadavg();
  return `Load average when the suite finished: ${one!.toFixed(2)} (1 min), ${five!.toFixed(2)} (5 min). On a loaded machine wall times are inflated; compare the ratios, and CPU time.`;
}

/**
 * computeFunnel and countActiveUsers against DuckDB on the same deterministic events, once with the
 * rows in user order and once interleaved across users (each engine reads the same order): a
 * 4-step sequential funnel with a 7-day window, and daily active users + distinct users. Counts
 * must agree exactly (the suite fails otherwise); loading into DuckDB is not timed. Wall and CPU
 * time are both reported: DuckDB runs on every core, computeFunnel on one, the
 * `@kizuna/funnel/parallel` pool on two.
 */
const suite: BenchSuite = {
  name: 'funnel',
  async run() {
    const grouped = generateGroupedEvents(eventCount);
    const interleaved = interleaveByUser(grouped);
    const database = await loadIntoDuckDb({ grouped, interleaved });
    try {
      const options = { steps, window };
      const countsOnly = { ...options, timeToConvert: false };
      const reference = await duckDbFunnel(database, 'grouped', window);
      sameCounts('DuckDB, interleaved table', await duckDbFunnel(database, 'interleaved', window), reference);
      const inputs = [
        ['user order', grouped, 'grouped'],
        ['interleaved', interleaved, 'interleaved'],
      ] as const;
      const funnelRows: BenchRow[] = [];
      // The same funnel on two threads (@kizuna/funnel/parallel): users split in two ranges, the
      // calling thread and one worker each run the kernel on theirs; columns shared, not timed.
      const pool = createFunnelPool({ threads: 2 });
      try {
        for (const [label, events, table] of inputs) {
          const single = computeFunnel(events, options);
          sameCounts(`${label}, with times`, counts(single), reference);
          sameCounts(`${label}, counts only`, counts(computeFunnel(events, countsOnly)), reference);
          const shared = toSharedColumns(events);
          if (!isDeepStrictEqual(await pool.computeFunnel(shared, options), single))
            throw new Error(`${label}: the 2-thread result differs from computeFunnel's`);
          const duck = await medianWallAndCpu(() => duckDbFunnel(database, table, window), iterations);
          const withTimes = await medianWallAndCpu(() => computeFunnel(events, options), iterations);
          const onlyCounts = await medianWallAndCpu(() => computeFunnel(events, countsOnly), iterations);
          const twoThreads = await medianWallAndCpu(() => pool.computeFunnel(shared, options), iterations);
          funnelRows.push(
            row(`DuckDB SQL (ASOF joins), rows in ${label}`, duck, duck),
            row(`computeFunnel, columns in ${label}, with time to convert`, withTimes, duck),
            row(`computeFunnel, columns in ${label}, counts only (timeToConvert: false)`, onlyCounts, duck),
            row(
              `computeFunnel, 2 threads (@kizuna/funnel/parallel), columns in ${label}, with time to convert`,
              twoThreads,
              duck,
            ),
          );
        }
      } finally {
        await pool.close();
      }

      const activeRows: BenchRow[] = [];
      let activeNote = '';
      for (const [label, events, table] of inputs) {
        const referenceUsers = await duckDbActiveUsers(database, table);
        const active = countActiveUsers(events, { timeZone: 'UTC' });
        const ourDays = active.periods.map((period) => [
          Date.parse(period.periodStart) / 86_400_000,
          period.activeUsers,
        ]);
        if (
          JSON.stringify(ourDays) !== JSON.stringify(referenceUsers.days) ||
          active.distinctUsers !== referenceUsers.distinctUsers
        )
          throw new Error(`countActiveUsers disagrees with DuckDB on daily or distinct users (${label})`);
        activeNote = `${referenceUsers.days.length} days and ${formatNumber(referenceUsers.distinctUsers)} distinct users agree exactly.`;
        const duck = await medianWallAndCpu(() => duckDbActiveUsers(database, table), iterations);
        const ours = await medianWallAndCpu(() => countActiveUsers(events, { timeZone: 'UTC' }), iterations);
        activeRows.push(
          row(`DuckDB SQL (count DISTINCT), rows in ${label}`, duck, duck),
          row(`countActiveUsers, columns in ${label}`, ours, duck),
        );
      }

      const events = formatNumber(eventCount);
      return [
        {
          title: `4-step sequential funnel, 7-day window, ${events} events, ${formatNumber(grouped.user[eventCount - 1]! + 1)} users`,
          rows: funnelRows,
          notes: [
            `Step counts agree exactly, for both row orders and both engines: ${reference.map((count) => formatNumber(count)).join(' → ')}.`,
            '"vs DuckDB" is DuckDB time ÷ our time on the same row order: above 1× we are faster. Medians of 3 runs after 1 warm-up; load not timed.',
            "CPU time counts every thread of the process: DuckDB uses every core, computeFunnel one, the 2-thread pool two (its result is checked deep-equal to computeFunnel's, percentiles included). computeFunnel also returns the time between steps (mean, median, p90, p95) unless timeToConvert is false; the SQL returns counts only.",
            'The pool is created once and called again for each run, as an application would: it keeps its shared scratch buffers between calls (the first call, a warm-up here, also pays their page faults), where computeFunnel allocates its own on every call.',
            loadNote(),
          ],
        },
        {
          title: `Daily active users + distinct users, ${events} events`,
          rows: activeRows,
          notes: [
            activeNote,
            'countActiveUsers also returns distinct users and events per event name in the same call.',
          ],
        },
      ];
    } finally {
      database.close();
    }
  },
};

function counts(result: { readonly steps: readonly { readonly count: number }[] }): number[] {
  return result.steps.map((step) => step.count);
}

export default suite;
