import {
  DOUBLE,
  DuckDBConnection,
  DuckDBDataChunk,
  DuckDBInstance,
  INTEGER,
  UTINYINT,
} from '@duckdb/node-api';
import type { BenchEvents } from './generate-events';

/** An in-memory DuckDB holding benchmark events in tables shaped `(user_id, name, ts)`. */
export interface DuckDbEvents {
  readonly connection: DuckDBConnection;
  close(): void;
}

/**
 * Loads each set of events into its own table of one in-memory DuckDB, rows in the order given,
 * with the appender, 2,048-row data chunks at a time (not timed).
 */
export async function loadIntoDuckDb(tables: Readonly<Record<string, BenchEvents>>): Promise<DuckDbEvents> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await DuckDBConnection.create(instance);
  for (const [table, events] of Object.entries(tables)) await appendEvents(connection, table, events);
  return {
    connection,
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

async function appendEvents(connection: DuckDBConnection, table: string, events: BenchEvents): Promise<void> {
  await connection.run(`CREATE TABLE ${table} (user_id INTEGER, name UTINYINT, ts DOUBLE)`);
  const appender = await connection.createAppender(table);
  const count = events.user.length;
  const size = 2048;
  for (let from = 0; from < count; from += size) {
    const to = Math.min(count, from + size);
    const chunk = DuckDBDataChunk.create([INTEGER, UTINYINT, DOUBLE], to - from);
    chunk.setColumns([
      Array.from(events.user.subarray(from, to)),
      Array.from(events.name.subarray(from, to)),
      Array.from(events.timestamp.subarray(from, to)),
    ]);
    appender.appendDataChunk(chunk);
  }
  appender.flushSync();
  appender.closeSync();
}

/**
 * A sequential funnel over steps 0 → 1 → 2 → 3 (name codes) within `window` ms, in SQL. For each
 * first-step event, ASOF joins pick the earliest next step at or after the previous one (greedy
 * earliest-next is optimal for a window measured from the first step); a user's furthest step is
 * the best over all their first-step events. Same definition as computeFunnel's sequential mode
 * for distinct step names. The IS NOT NULL guards matter: an ASOF LEFT JOIN probed with a NULL
 * time (no previous step) still returns a row from the right side here, which would otherwise
 * count a step that happened before the first one.
 */
export function funnelSql(table: string, window: number): string {
  return `
WITH s0 AS (SELECT user_id, ts AS t0 FROM ${table} WHERE name = 0),
s1 AS (SELECT user_id, ts AS t1 FROM ${table} WHERE name = 1),
s2 AS (SELECT user_id, ts AS t2 FROM ${table} WHERE name = 2),
s3 AS (SELECT user_id, ts AS t3 FROM ${table} WHERE name = 3),
c1 AS (SELECT s0.user_id, t0, t1 FROM s0 ASOF LEFT JOIN s1 ON s0.user_id = s1.user_id AND s1.t1 >= s0.t0),
c2 AS (SELECT c1.user_id, t0, t1, t2 FROM c1 ASOF LEFT JOIN s2 ON c1.user_id = s2.user_id AND s2.t2 >= c1.t1),
c3 AS (SELECT c2.user_id, t0, t1, t2, t3 FROM c2 ASOF LEFT JOIN s3 ON c2.user_id = s3.user_id AND s3.t3 >= c2.t2),
per_user AS (
  SELECT user_id, max(CASE
    WHEN t1 IS NOT NULL AND t2 IS NOT NULL AND t3 IS NOT NULL AND t3 - t0 <= ${window} THEN 4
    WHEN t1 IS NOT NULL AND t2 IS NOT NULL AND t2 - t0 <= ${window} THEN 3
    WHEN t1 IS NOT NULL AND t1 - t0 <= ${window} THEN 2 ELSE 1 END) AS furthest
  FROM c3 GROUP BY user_id)
SELECT count(*) FILTER (WHERE furthest >= 1) AS step0, count(*) FILTER (WHERE furthest >= 2) AS step1,
  count(*) FILTER (WHERE furthest >= 3) AS step2, count(*) FILTER (WHERE furthest >= 4) AS step3
FROM per_user`;
}

/** Runs the funnel SQL over `table` and returns the four step counts. */
export async function duckDbFunnel(database: DuckDbEvents, table: string, window: number): Promise<number[]> {
  const reader = await database.connection.runAndReadAll(funnelSql(table, window));
  return reader.getRowsJS()[0]!.map((value) => Number(value));
}

/** Daily active users (UTC days) and distinct users overall over `table`, in SQL. */
export async function duckDbActiveUsers(
  database: DuckDbEvents,
  table: string,
): Promise<{ days: [number, number][]; distinctUsers: number }> {
  const days = await database.connection.runAndReadAll(
    `SELECT floor(ts / 86400000)::INTEGER AS day, count(DISTINCT user_id) FROM ${table} GROUP BY day ORDER BY day`,
  );
  const total = await database.connection.runAndReadAll(`SELECT count(DISTINCT user_id) FROM ${table}`);
  return {
    days: days.getRowsJS().map((row) => [Number(row[0]), Number(row[1])] as [number, number]),
    distinctUsers: Number(total.getRowsJS()[0]![0]),
  };
}
