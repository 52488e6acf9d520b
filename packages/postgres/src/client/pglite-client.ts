import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { parseInput } from '@kizuna/core';
import { toDatabaseError } from './database-error';
import { type PgliteClientOptions, pgliteClientOptionsSchema } from './pglite-client-options';
import type { SqlClient, SqlExecutor, SqlRow } from './sql-client';

/** A {@link SqlClient} on PGlite, with the PGlite instance for other libraries to share. */
export interface PgliteClient extends SqlClient {
  /** The PGlite instance (for pg-boss, Drizzle, ... on the same database). */
  readonly pglite: PGlite;
}

function executorOf(database: PGlite | Transaction): SqlExecutor {
  return {
    async query<Row = SqlRow>(text: string, parameters: readonly unknown[] = []) {
      try {
        const result = await database.query<Row>(text, [...parameters]);
        return result.rows;
      } catch (error) {
        throw toDatabaseError(error, 'query');
      }
    },
  };
}

/**
 * Starts PGlite — PostgreSQL compiled to WebAssembly, running inside this process — and returns a
 * {@link SqlClient} on it. In memory by default; give `dataDir` to keep the database in a folder
 * across restarts (the folder and its parents are created on first use). This is Kizuna's embedded
 * default: no server to install.
 *
 * Statements run one at a time (PGlite has a single connection); a transaction holds the database
 * until it ends.
 *
 * @throws KizunaValidationError when the options are invalid
 * @throws KizunaError with code `STORE_UNAVAILABLE` when PGlite cannot start (e.g. the folder is not
 *   writable or holds something else)
 * @example
 * ```ts
 * const client = await createPgliteClient({ dataDir: './.kizuna/data' });
 * console.log(await client.query('select 1 as one')); // [ { one: 1 } ]
 * await client.close();
 * ```
 */
export async function createPgliteClient(options: PgliteClientOptions = {}): Promise<PgliteClient> {
  const settings = parseInput(pgliteClientOptionsSchema, options, 'PGlite client options');
  const owned = settings.pglite === undefined;
  // PGlite refuses a dump for a folder that already holds a database: reopen it instead.
  const loadDataDir =
    settings.dataDir !== undefined && existsSync(join(settings.dataDir, 'PG_VERSION'))
      ? undefined
      : settings.loadDataDir;
  let pglite: PGlite;
  try {
    // PGlite creates the folder itself but not its parents (`.kizuna/data` on a fresh checkout).
    if (settings.dataDir !== undefined) mkdirSync(dirname(settings.dataDir), { recursive: true });
    pglite =
      settings.pglite ??
      (await PGlite.create({
        ...(settings.dataDir === undefined ? {} : { dataDir: settings.dataDir }),
        ...(loadDataDir === undefined ? {} : { loadDataDir }),
      }));
  } catch (error) {
    throw toDatabaseError(error, `start (${settings.dataDir ?? 'in memory'})`);
  }
  const executor = executorOf(pglite);
  return {
    pglite,
    query: executor.query,
    async transaction(work) {
      let workFailed = false;
      try {
        return await pglite.transaction(async (transaction) => {
          try {
            return await work(executorOf(transaction));
          } catch (error) {
            workFailed = true;
            throw error;
          }
        });
      } catch (error) {
        // Errors of the caller's own work are theirs: rethrow them unchanged.
        throw workFailed ? error : toDatabaseError(error, 'transaction');
      }
    },
    async close() {
      if (!owned || pglite.closed) return;
      try {
        await pglite.close();
      } catch (error) {
        throw toDatabaseError(error, 'close');
      }
    },
  };
}
