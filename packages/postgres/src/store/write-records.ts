import { type PutRecordsResult, type RecordKind, type RecordOf, recordId, recordTime } from '@kizuna/core';
import type { SqlClient } from '../client/sql-client';

/** One id of the batch: the version to keep (the last) and the first, compared with the stored one. */
interface RecordRow {
  readonly id: string;
  customer_id: string | null;
  record_time: string;
  body: string;
  readonly first_body: string;
}

interface ChunkCounts {
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
}

/**
 * Writes validated records of one kind with multi-row upserts of `batchSize` rows, all in one
 * transaction, and counts them exactly as the memory store does: an id written several times in one
 * batch counts each write against the version before it, so only the last version is written and
 * only the first is compared with the database.
 *
 * Each chunk is one statement: the rows travel as a single JSON parameter expanded with
 * `jsonb_to_recordset`, which is as fast as a long `values` list, has no 65,535-parameter limit and
 * reads the same on PGlite and on a server. The statement reads the stored versions in the same
 * snapshot it writes, so no round trip is needed to tell inserted, updated and unchanged apart.
 */
export async function writeRecords<Kind extends RecordKind>(
  client: SqlClient,
  schema: string,
  kind: Kind,
  records: readonly RecordOf<Kind>[],
  jsonOf: (index: number) => string,
  batchSize: number,
): Promise<PutRecordsResult> {
  const rows = new Map<string, RecordRow>();
  let inBatchUpdated = 0;
  let inBatchUnchanged = 0;
  records.forEach((record, index) => {
    const id = recordId(kind, record);
    const json = jsonOf(index);
    const customerId = (record as { customerId?: unknown }).customerId;
    const customer = typeof customerId === 'string' ? customerId : null;
    const time = recordTime(kind, record);
    const earlier = rows.get(id);
    if (earlier === undefined) {
      rows.set(id, { id, customer_id: customer, record_time: time, body: json, first_body: json });
      return;
    }
    if (earlier.body === json) inBatchUnchanged += 1;
    else inBatchUpdated += 1;
    earlier.customer_id = customer;
    earlier.record_time = time;
    earlier.body = json;
  });
  const all = [...rows.values()];
  // The stored versions are looked up per input row through the primary key: the `limit 1` keeps the
  // planner from flattening the lateral subquery into a hash join that would scan every record of
  // the kind for each chunk (PGlite never analyzes, so its estimates cannot be trusted to avoid it).
  // Every part of one statement sees the same snapshot: `previous` is the state before the insert.
  const statement = `with input as (
      select * from jsonb_to_recordset($2::jsonb)
        as input(id text, customer_id text, record_time text, body jsonb, first_body jsonb)
    ),
    written as (
      insert into ${schema}.records as records (kind, id, customer_id, record_time, body)
      select $1, id, customer_id, record_time, body from input
      on conflict (kind, id) do update
        set customer_id = excluded.customer_id, record_time = excluded.record_time, body = excluded.body
        where records.body is distinct from excluded.body
    )
    select
      count(*) filter (where previous.body is null)::int as inserted,
      count(*) filter (where previous.body = coalesce(input.first_body, input.body))::int as unchanged,
      count(*) filter (where previous.body <> coalesce(input.first_body, input.body))::int as updated
    from input
    left join lateral (
      select records.body from ${schema}.records records
      where records.kind = $1 and records.id = input.id
      limit 1
    ) previous on true`;
  const writeChunks = async (executor: Pick<SqlClient, 'query'>) => {
    const totals = { inserted: 0, updated: inBatchUpdated, unchanged: inBatchUnchanged };
    for (let start = 0; start < all.length; start += batchSize) {
      const chunk = all.slice(start, start + batchSize);
      // Bodies are already JSON text: splice them in rather than parse and stringify them again. The
      // first version is sent only when the batch wrote the id more than once (parsing costs).
      const parameter = `[${chunk
        .map(
          (row) =>
            `{"id":${JSON.stringify(row.id)},"customer_id":${JSON.stringify(row.customer_id)},"record_time":${JSON.stringify(row.record_time)},"body":${row.body}${row.first_body === row.body ? '' : `,"first_body":${row.first_body}`}}`,
        )
        .join(',')}]`;
      const [counts] = await executor.query<ChunkCounts>(statement, [kind, parameter]);
      totals.inserted += counts?.inserted ?? 0;
      totals.updated += counts?.updated ?? 0;
      totals.unchanged += counts?.unchanged ?? 0;
    }
    return totals;
  };
  if (all.length === 0) return { inserted: 0, updated: inBatchUpdated, unchanged: inBatchUnchanged };
  // One chunk is one statement, atomic on its own; more need a transaction to stay all or nothing.
  return all.length <= batchSize ? writeChunks(client) : client.transaction(writeChunks);
}
