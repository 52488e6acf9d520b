import { parseInput } from '@kizuna/core';
import pg from 'pg';
import { toDatabaseError } from './database-error';
import { type PgClientOptions, pgClientOptionsSchema } from './pg-client-options';
import type { SqlClient, SqlExecutor, SqlRow } from './sql-client';

/** A {@link SqlClient} on a `pg` pool, with the pool for other libraries to share. */
export interface PgClient extends SqlClient {
  /** The `pg` pool (for pg-boss, migrations tools, ... on the same server). */
  readonly pool: pg.Pool;
}

function executorOf(connection: pg.Pool | pg.PoolClient): SqlExecutor {
  return {
    async query<Row = SqlRow>(text: string, parameters: readonly unknown[] = []) {
      try {
        const result = await connection.query(text, [...parameters]);
        return result.rows as Row[];
      } catch (error) {
        throw toDatabaseError(error, 'query');
      }
    },
  };
}

/**
 * Connects to a PostgreSQL server through a `pg` connection pool and returns a {@link SqlClient}.
 * Connections are opened lazily: creating the client does not touch the server, the first query does.
 * A connection that breaks is dropped from the pool and replaced on the next query, so the client
 * recovers by itself when the server comes back.
 *
 * @throws KizunaValidationError when the options are invalid
 * @example
 * ```ts fragment
 * // Needs a PostgreSQL server: DATABASE_URL=postgres://user:password@localhost:5432/kizuna
 * const client = createPgClient({ connectionString: process.env.DATABASE_URL });
 * const [row] = await client.query<{ now: Date }>('select now()');
 * await client.close();
 * ```
 */
export function createPgClient(options: PgClientOptions): PgClient {
  const settings = parseInput(pgClientOptionsSchema, options, 'pg client options');
  const owned = settings.pool === undefined;
  const pool =
    settings.pool ??
    new pg.Pool({
      connectionString: settings.connectionString,
      max: settings.maxConnections,
      connectionTimeoutMillis: settings.connectionTimeoutMilliseconds,
      idleTimeoutMillis: settings.idleTimeoutMilliseconds,
      application_name: settings.applicationName,
    });
  // An idle connection that breaks (server restart, network) is reported here; without a listener
  // Node would crash the process. The pool has already dropped the connection: nothing else to do.
  if (owned) pool.on('error', () => {});
  let closed = false;
  const executor = executorOf(pool);
  return {
    pool,
    query: executor.query,
    async transaction(work) {
      let connection: pg.PoolClient;
      try {
        connection = await pool.connect();
      } catch (error) {
        throw toDatabaseError(error, 'connect');
      }
      // A checked-out connection that breaks emits 'error' here instead of on the pool.
      let broken: Error | undefined;
      const onError = (error: Error) => {
        broken = error;
      };
      connection.on('error', onError);
      let workFailed = false;
      try {
        await connection.query('begin');
        let result: Awaited<ReturnType<typeof work>>;
        try {
          result = await work(executorOf(connection));
        } catch (error) {
          workFailed = true;
          throw error;
        }
        await connection.query('commit');
        return result;
      } catch (error) {
        try {
          await connection.query('rollback');
        } catch (rollbackError) {
          broken ??= rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        }
        throw workFailed ? error : toDatabaseError(error, 'transaction');
      } finally {
        connection.off('error', onError);
        // Releasing with an error destroys the connection instead of returning it to the pool.
        connection.release(broken);
      }
    },
    async close() {
      if (!owned || closed) return;
      closed = true;
      try {
        await pool.end();
      } catch (error) {
        throw toDatabaseError(error, 'close');
      }
    },
  };
}
