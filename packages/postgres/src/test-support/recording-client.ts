import type { SqlClient, SqlExecutor } from '../client/sql-client';

/** A client that records every statement and can be told to fail one, to test atomicity. */
export interface RecordingClient extends SqlClient {
  /** Every statement run so far, in order, transactions included. */
  readonly statements: string[];
  /** Makes the `count`-th statement from now that matches `pattern` fail (1 = the next). */
  failOn(pattern: RegExp, count?: number): void;
}

/** Wraps a client to record statements and inject failures. Closing it leaves the inner client open. */
export function createRecordingClient(inner: SqlClient): RecordingClient {
  const statements: string[] = [];
  let failure: { pattern: RegExp; remaining: number } | undefined;
  const wrap = (executor: SqlExecutor): SqlExecutor => ({
    async query(text, parameters) {
      statements.push(text);
      if (failure?.pattern.test(text) && --failure.remaining === 0) {
        failure = undefined;
        throw new Error('injected failure');
      }
      return executor.query(text, parameters);
    },
  });
  return {
    statements,
    failOn(pattern, count = 1) {
      failure = { pattern, remaining: count };
    },
    query: wrap(inner).query,
    transaction: (work) => inner.transaction((transaction) => work(wrap(transaction))),
    close: async () => {},
  };
}
