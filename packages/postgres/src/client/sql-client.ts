/** A row as a client returns it: column name → value (jsonb columns already parsed). */
export type SqlRow = Record<string, unknown>;

/**
 * Runs one SQL statement. Both the client and a transaction handle implement it, so the same code
 * runs inside and outside a transaction.
 */
export interface SqlExecutor {
  /**
   * Runs one statement with `$1`, `$2`, ... placeholders and returns its rows (an empty array for
   * statements without rows).
   *
   * @throws KizunaError with code `STORE_UNAVAILABLE` when the database cannot run it; `isRetryable`
   *   is true when the connection was lost or the server is overloaded
   */
  query<Row = SqlRow>(text: string, parameters?: readonly unknown[]): Promise<Row[]>;
}

/**
 * The tiny SQL interface the PostgreSQL store is written against. Two clients are ready:
 * {@link createPgliteClient} (embedded PGlite, in memory or in a folder) and {@link createPgClient}
 * (a PostgreSQL server through `pg`). Any other driver works if it implements these three methods.
 *
 * @example
 * ```ts
 * const client = await createPgliteClient();
 * const rows = await client.query<{ answer: number }>('select $1::int as answer', [42]);
 * console.log(rows); // [ { answer: 42 } ]
 * await client.query('create table notes (id serial primary key, text text not null)');
 * await client.transaction(async (transaction) => {
 *   await transaction.query('insert into notes (text) values ($1)', ['footsteps again at 23:10']);
 * });
 * console.log(await client.query('select text from notes')); // [ { text: 'footsteps again at 23:10' } ]
 * await client.close();
 * ```
 */
export interface SqlClient extends SqlExecutor {
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws (and the
   * error rethrown). Statements must go through the executor it is given.
   *
   * @throws KizunaError with code `STORE_UNAVAILABLE` when the database fails; errors thrown by `work`
   *   are rethrown unchanged
   */
  transaction<Result>(work: (transaction: SqlExecutor) => Promise<Result>): Promise<Result>;
  /** Releases the connection(s). The client must not be used afterwards. */
  close(): Promise<void>;
}
