import type { SqlClient } from '../client/sql-client';

interface Waiter {
  readonly resolve: (body: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/** Ids per lookup statement. */
const idsPerStatement = 1_000;

/**
 * Looks records up by (kind, id), coalescing every lookup made in the same tick into one query per
 * kind. `buildSnapshots` asks for each customer with its own `getRecord` call, all at once: this
 * turns a batch of 500 customers into one round trip instead of 500, with no change to the port.
 *
 * Each caller gets its own parsed copy, even when several ask for the same id.
 */
export function createBatchedRecordLookup(
  client: SqlClient,
  schema: string,
): (kind: string, id: string) => Promise<unknown> {
  let pending = new Map<string, Map<string, Waiter[]>>();
  let scheduled = false;

  async function lookUp(kind: string, waiters: Map<string, Waiter[]>): Promise<void> {
    const ids = [...waiters.keys()];
    try {
      for (let start = 0; start < ids.length; start += idsPerStatement) {
        const chunk = ids.slice(start, start + idsPerStatement);
        const rows =
          chunk.length === 1
            ? await client.query<{ id: string; body: unknown }>(
                `select id, body from ${schema}.records where kind = $1 and id = $2`,
                [kind, chunk[0]],
              )
            : await client.query<{ id: string; body: unknown }>(
                `select id, body from ${schema}.records
                 where kind = $1 and id = any(array(select jsonb_array_elements_text($2::jsonb)))`,
                [kind, JSON.stringify(chunk)],
              );
        const found = new Map(rows.map((row) => [row.id, row.body]));
        for (const id of chunk) {
          const body = found.get(id);
          waiters.get(id)!.forEach((waiter, index) => {
            waiter.resolve(index === 0 || body === undefined ? body : structuredClone(body));
          });
          waiters.delete(id);
        }
      }
    } catch (error) {
      for (const list of waiters.values()) for (const waiter of list) waiter.reject(error);
    }
  }

  function flush(): void {
    const batch = pending;
    pending = new Map();
    scheduled = false;
    for (const [kind, waiters] of batch) void lookUp(kind, waiters);
  }

  return (kind, id) =>
    new Promise((resolve, reject) => {
      let byId = pending.get(kind);
      if (byId === undefined) {
        byId = new Map();
        pending.set(kind, byId);
      }
      const waiters = byId.get(id);
      if (waiters === undefined) byId.set(id, [{ resolve, reject }]);
      else waiters.push({ resolve, reject });
      if (!scheduled) {
        scheduled = true;
        // A macrotask, not a microtask: callers that await something before calling (an async
        // wrapper, a validation step) still land in the same batch.
        setImmediate(flush);
      }
    });
}
