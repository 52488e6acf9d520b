import {
  type AcknowledgeResult,
  type Action,
  acknowledgeOptionsSchema,
  actionQuerySchema,
  actionSchema,
  type Customer,
  contractEndQuerySchema,
  type EnqueueResult,
  instantSchema,
  KizunaError,
  latestResultsQuerySchema,
  parseInput,
  type RecordKind,
  type RecordOf,
  renewClaimOptionsSchema,
  type Store,
  type StoredResult,
  storedResultSchema,
  validateRecords,
} from '@kizuna/core';
import { toDatabaseError } from '../client/database-error';
import { runMigrations } from '../migrations/run-migrations';
import { quoteSchemaName } from '../migrations/schema-name';
import { createBatchedRecordLookup } from './batched-record-lookup';
import { assertStorableText } from './find-unstorable-text';
import { type OutboxRow, outboxColumns, outboxEntryFromRow } from './outbox-row';
import { type PostgresStoreOptions, postgresStoreOptionsSchema } from './postgres-store-options';
import {
  claimOptionsSchema,
  completeOptionsSchema,
  customerIdQuerySchema,
  failOptionsSchema,
  recordQuerySchema,
  resultQuerySchema,
} from './store-queries';
import { writeRecords } from './write-records';

interface ResultRow {
  readonly kind: string;
  readonly customer_id: string;
  readonly as_of: string;
  readonly value: StoredResult['value'];
}

const resultFromRow = (row: ResultRow): StoredResult => ({
  kind: row.kind,
  customerId: row.customer_id,
  asOf: row.as_of,
  value: row.value,
});

/**
 * Creates the Kizuna {@link Store} on PostgreSQL — embedded PGlite or a server, through any
 * {@link SqlClient} — and applies pending migrations first. It has exactly the memory store's
 * semantics (checked by core's `runStoreConformance`), and keeps data across restarts.
 *
 * Records are stored as `jsonb` with their kind, id, customer and time in columns of their own,
 * indexed for the snapshot builder's access path (many customers, one kind, up to `asOf`). A large
 * `putRecords` batch is written with multi-row inserts of `batchSize` rows in one transaction. The
 * outbox hands entries out with `FOR UPDATE SKIP LOCKED`, so concurrent workers never claim the same
 * entry and never wait for each other.
 *
 * Every failure of the database reaches the caller as a `KizunaError` with code `STORE_UNAVAILABLE`
 * (`isRetryable` when the connection was lost), the driver's error as its `cause`.
 *
 * @throws KizunaValidationError when the options are invalid
 * @throws KizunaError with code `STORE_UNAVAILABLE` when the database cannot be reached or migrated
 * @example
 * ```ts
 * const customers = [
 *   { id: 'cust-1', name: 'Sakura Homes', segment: 'b2c', plan: 'standard', createdAt: '2026-03-01T00:00:00Z' },
 * ];
 * const store = await createPostgresStore({ client: await createPgliteClient({ dataDir: './data' }) });
 * await store.putRecords('customer', customers);
 * await store.putRecords('usageEvent', [
 *   { id: 'e1', customerId: 'cust-1', kind: 'measurement', hours: 2, occurredAt: '2026-03-20T12:00:00Z' },
 * ]);
 * const snapshot = await buildSnapshot(store, 'cust-1', { asOf: '2026-04-01T00:00:00Z' });
 * console.log(snapshot.usage.measurementsLast30Days); // 1
 * await store.close();
 * ```
 */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const settings = parseInput(postgresStoreOptionsSchema, options, 'PostgreSQL store options');
  const { client, batchSize } = settings;
  const schema = quoteSchemaName(settings.schema);
  if (settings.migrate) await runMigrations(client, { schema: settings.schema });
  let closed = false;
  const lookUpRecord = createBatchedRecordLookup(client, schema);

  /** Runs one operation: refuses when closed, and turns any driver error into a Kizuna error. */
  const run = async <Result>(operation: string, work: () => Promise<Result>): Promise<Result> => {
    if (closed) throw new KizunaError('The PostgreSQL store is closed.', { code: 'STORE_UNAVAILABLE' });
    try {
      return await work();
    } catch (error) {
      throw toDatabaseError(error, operation);
    }
  };

  const listResults: Store['listResults'] = (kind, customerId, query = {}) =>
    run('listResults', async () => {
      const { from, to, limit } = parseInput(resultQuerySchema, query, 'result query');
      const rows = await client.query<ResultRow>(
        `select kind, customer_id, as_of, value from ${schema}.results
         where kind = $1 and customer_id = $2
           and ($3::text is null or as_of >= $3) and ($4::text is null or as_of < $4)
         order by as_of desc
         limit $5`,
        [kind, customerId, from ?? null, to ?? null, limit ?? null],
      );
      return rows.map(resultFromRow);
    });

  return {
    putRecords: (kind, input) =>
      run('putRecords', async () => {
        const valid = validateRecords(kind, input);
        const json = valid.map((record) => JSON.stringify(record));
        const jsonOf = (index: number) => json[index]!;
        assertStorableText(`${kind} records`, valid, (index) => `[${index}]`, jsonOf);
        return writeRecords(client, schema, kind, valid, jsonOf, batchSize);
      }),

    getRecord: <Kind extends RecordKind>(kind: Kind, id: string) =>
      run('getRecord', async () => (await lookUpRecord(kind, id)) as RecordOf<Kind> | undefined),

    listRecords: <Kind extends RecordKind>(kind: Kind, query = {}) =>
      run('listRecords', async () => {
        const filters = parseInput(recordQuerySchema, query, 'record query');
        let customers = filters.customerIds;
        if (filters.customerId !== undefined)
          customers =
            customers === undefined || customers.includes(filters.customerId) ? [filters.customerId] : [];
        if (customers !== undefined && customers.length === 0) return [];
        const parameters: unknown[] = [kind];
        const where = ['kind = $1'];
        if (customers !== undefined) {
          parameters.push(customers.length === 1 ? customers[0] : JSON.stringify([...new Set(customers)]));
          where.push(
            customers.length === 1
              ? `customer_id = $${parameters.length}`
              : `customer_id = any(array(select jsonb_array_elements_text($${parameters.length}::jsonb)))`,
          );
        }
        if (filters.from !== undefined) {
          parameters.push(filters.from);
          where.push(`record_time >= $${parameters.length}`);
        }
        if (filters.to !== undefined) {
          parameters.push(filters.to);
          where.push(`record_time < $${parameters.length}`);
        }
        let limit = '';
        if (filters.limit !== undefined) {
          parameters.push(filters.limit);
          limit = ` limit $${parameters.length}`;
        }
        const rows = await client.query<{ body: RecordOf<Kind> }>(
          `select body from ${schema}.records where ${where.join(' and ')} order by record_time, id${limit}`,
          parameters,
        );
        return rows.map((row) => row.body);
      }),

    listCustomersByContractEnd: (input) =>
      run('listCustomersByContractEnd', async () => {
        const query = parseInput(contractEndQuerySchema, input, 'contract end query');
        // The range scan of customers_by_contract_end (migration 3); endsAt is canonical ISO text.
        const rows = await client.query<{ body: Customer }>(
          `select body from ${schema}.records
           where kind = 'customer' and body -> 'contract' ->> 'endsAt' is not null
             and (body -> 'contract' ->> 'endsAt') collate "C" >= $1
             and (body -> 'contract' ->> 'endsAt') collate "C" < $2
             and ($3::text is null or body ->> 'csmId' = $3)
           order by (body -> 'contract' ->> 'endsAt') collate "C", id
           limit $4`,
          [query.from, query.to, query.csmId ?? null, query.limit ?? null],
        );
        return rows.map((row) => row.body);
      }),

    listCustomerIds: (options = {}) =>
      run('listCustomerIds', async () => {
        const { after, limit } = parseInput(customerIdQuerySchema, options, 'customer id query');
        const rows = await client.query<{ id: string }>(
          `select id from ${schema}.records
           where kind = 'customer' and ($1::text is null or id > $1)
           order by id
           limit $2`,
          [after ?? null, limit ?? null],
        );
        return rows.map((row) => row.id);
      }),

    putResult: (input) =>
      run('putResult', async () => {
        const result = parseInput(storedResultSchema, input, 'result') as StoredResult;
        const value = JSON.stringify(result.value);
        assertStorableText(
          'result',
          [result.value],
          () => 'value',
          () => value,
        );
        await client.query(
          `insert into ${schema}.results (kind, customer_id, as_of, value) values ($1, $2, $3, $4::jsonb)
           on conflict (kind, customer_id, as_of) do update set value = excluded.value`,
          [result.kind, result.customerId, result.asOf, value],
        );
      }),

    putResults: (input) =>
      run('putResults', async () => {
        const parsed = parseInput(storedResultSchema.array(), input, 'results') as StoredResult[];
        // One statement cannot update a row twice: of equal keys in the call, keep the last.
        const byKey = new Map<string, StoredResult>();
        for (const result of parsed)
          byKey.set(`${result.kind}\u0000${result.customerId}\u0000${result.asOf}`, result);
        const results = [...byKey.values()];
        if (results.length === 0) return;
        const rows = results.map(
          (result) =>
            `{"kind":${JSON.stringify(result.kind)},"customer_id":${JSON.stringify(result.customerId)},"as_of":"${result.asOf}","value":${JSON.stringify(result.value)}}`,
        );
        assertStorableText(
          'results',
          results,
          (index) => `[${index}]`,
          (index) => rows[index]!,
        );
        const statement = `insert into ${schema}.results (kind, customer_id, as_of, value)
          select input.kind, input.customer_id, input.as_of, input.value
          from jsonb_to_recordset($1::jsonb) as input(kind text, customer_id text, as_of text, value jsonb)
          on conflict (kind, customer_id, as_of) do update set value = excluded.value`;
        const rowsOf = (start: number, end: number) => `[${rows.slice(start, end).join(',')}]`;
        const insertAll = async (executor: Pick<typeof client, 'query'>) => {
          for (let start = 0; start < results.length; start += batchSize)
            await executor.query(statement, [rowsOf(start, start + batchSize)]);
        };
        if (results.length <= batchSize) await insertAll(client);
        else await client.transaction(insertAll);
      }),

    getLatestResult: async (kind, customerId, options = {}) => {
      const [latest] = await listResults(kind, customerId, { to: options.before, limit: 1 });
      return latest;
    },

    getLatestResults: (kind, input = {}) =>
      run('getLatestResults', async () => {
        const query = parseInput(latestResultsQuerySchema, input, 'latest results query');
        if (query.customerIds !== undefined && query.customerIds.length === 0) return [];
        if (query.limit === 0) return [];
        // Driven by the customer records in id order (their primary key), each joined to its latest
        // result by a backward scan of the results' primary key: a page costs its own size, however
        // long each customer's history is and however many customers there are.
        const parameters: unknown[] = [kind];
        const where = [`customer.kind = 'customer'`];
        const add = (value: unknown) => {
          parameters.push(value);
          return `$${parameters.length}`;
        };
        if (query.customerIds !== undefined)
          where.push(
            `customer.id in (select jsonb_array_elements_text(${add(JSON.stringify(query.customerIds))}::jsonb))`,
          );
        if (query.after !== undefined) where.push(`customer.id > ${add(query.after)}`);
        if (query.csmId !== undefined) where.push(`customer.body ->> 'csmId' = ${add(query.csmId)}`);
        if (query.valueEquals !== undefined)
          where.push(
            `latest.value -> ${add(query.valueEquals.field)}::text = to_jsonb(${add(query.valueEquals.value)}::text)`,
          );
        const limit = query.limit === undefined ? '' : ` limit ${add(query.limit)}`;
        const before = query.before === undefined ? '' : ` and as_of < ${add(query.before)}`;
        const rows = await client.query<ResultRow>(
          `select latest.kind, latest.customer_id, latest.as_of, latest.value
           from ${schema}.records customer
           cross join lateral (
             select kind, customer_id, as_of, value from ${schema}.results
             where kind = $1 and customer_id = customer.id${before}
             order by as_of desc
             limit 1
           ) latest
           where ${where.join(' and ')}
           order by customer.id${limit}`,
          parameters,
        );
        return rows.map(resultFromRow);
      }),

    listResults,

    enqueueActions: (input, options) =>
      run('enqueueActions', async () => {
        const now = parseInput(instantSchema, options?.now, 'now');
        const actions = parseInput(actionSchema.array(), input, 'actions') as Action[];
        const json = actions.map((action) => JSON.stringify(action));
        assertStorableText(
          'actions',
          actions,
          (index) => `[${index}]`,
          (index) => json[index]!,
        );
        const statement = `insert into ${schema}.outbox
            (idempotency_key, customer_id, action, status, attempts, enqueued_at, next_attempt_at)
          select input.key, input.customer_id, input.action, 'pending', 0, $1, input.next_attempt_at
          from jsonb_to_recordset($2::jsonb)
            as input(key text, customer_id text, action jsonb, next_attempt_at text, position integer)
          order by input.position
          on conflict (idempotency_key) do nothing
          returning idempotency_key`;
        const rowsOf = (start: number, end: number) =>
          `[${actions
            .slice(start, end)
            .map(
              (action, offset) =>
                `{"key":${JSON.stringify(action.idempotencyKey)},"customer_id":${JSON.stringify(action.customerId ?? null)},"action":${json[start + offset]},"next_attempt_at":${JSON.stringify(action.dueAt > now ? action.dueAt : now)},"position":${start + offset}}`,
            )
            .join(',')}]`;
        const insertAll = async (executor: Pick<typeof client, 'query'>) => {
          const stored = new Set<string>();
          for (let start = 0; start < actions.length; start += batchSize) {
            const rows = await executor.query<{ idempotency_key: string }>(statement, [
              now,
              rowsOf(start, start + batchSize),
            ]);
            for (const row of rows) stored.add(row.idempotency_key);
          }
          return stored;
        };
        if (actions.length === 0) return { enqueued: [], duplicates: [] };
        const stored =
          actions.length <= batchSize ? await insertAll(client) : await client.transaction(insertAll);
        const enqueued: string[] = [];
        const duplicates: string[] = [];
        for (const action of actions) {
          // A key given twice in one call is stored once: the first is enqueued, the second a duplicate.
          if (stored.delete(action.idempotencyKey)) enqueued.push(action.idempotencyKey);
          else duplicates.push(action.idempotencyKey);
        }
        return { enqueued, duplicates } satisfies EnqueueResult;
      }),

    claimActions: (options) =>
      run('claimActions', async () => {
        const claim = parseInput(claimOptionsSchema, options, 'claim options');
        const limit = Math.max(0, claim.limit);
        if (limit === 0) return [];
        const leaseExpiresAt = new Date(Date.parse(claim.now) + claim.leaseMilliseconds).toISOString();
        // SKIP LOCKED: entries another claim is taking right now are passed over, not waited for,
        // so concurrent claims never block each other and never get the same entry.
        const rows = await client.query<OutboxRow & { idempotency_key: string }>(
          `with claimable as (
             select idempotency_key from ${schema}.outbox
             where (status = 'pending' and next_attempt_at <= $1)
                or (status = 'delivering' and lease_expires_at <= $1)
             order by next_attempt_at, idempotency_key
             limit $2
             for update skip locked
           )
           update ${schema}.outbox outbox
           set status = 'delivering', attempts = outbox.attempts + 1, lease_expires_at = $3, claim_token = $4
           from claimable
           where outbox.idempotency_key = claimable.idempotency_key
           returning outbox.idempotency_key, ${outboxColumns
             .split(', ')
             .map((column) => `outbox.${column}`)
             .join(', ')}`,
          [claim.now, limit, leaseExpiresAt, claim.claimToken],
        );
        return rows
          .sort((left, right) =>
            left.next_attempt_at === right.next_attempt_at
              ? left.idempotency_key < right.idempotency_key
                ? -1
                : 1
              : left.next_attempt_at < right.next_attempt_at
                ? -1
                : 1,
          )
          .map(outboxEntryFromRow);
      }),

    completeAction: (key, options) =>
      run('completeAction', async () => {
        const { claimToken, now } = parseInput(completeOptionsSchema, options, 'complete options');
        const rows = await client.query(
          `update ${schema}.outbox
           set status = 'delivered', delivered_at = $3, lease_expires_at = null, claim_token = null
           where idempotency_key = $1 and status = 'delivering' and claim_token = $2
           returning 1`,
          [key, claimToken, now],
        );
        return rows.length > 0;
      }),

    failAction: (key, options) =>
      run('failAction', async () => {
        const { claimToken, error, retryAt } = parseInput(failOptionsSchema, options, 'fail options');
        const rows = await client.query(
          `update ${schema}.outbox
           set status = case when $4::text is null then 'failed' else 'pending' end,
               next_attempt_at = coalesce($4::text, next_attempt_at),
               last_error = $3, lease_expires_at = null, claim_token = null
           where idempotency_key = $1 and status = 'delivering' and claim_token = $2
           returning 1`,
          [key, claimToken, error, retryAt ?? null],
        );
        return rows.length > 0;
      }),

    renewClaim: (key, options) =>
      run('renewClaim', async () => {
        const renewal = parseInput(renewClaimOptionsSchema, options, 'renew options');
        const leaseExpiresAt = new Date(Date.parse(renewal.now) + renewal.leaseMilliseconds).toISOString();
        const rows = await client.query(
          `update ${schema}.outbox set lease_expires_at = $3
           where idempotency_key = $1 and status = 'delivering' and claim_token = $2
           returning 1`,
          [key, renewal.claimToken, leaseExpiresAt],
        );
        return rows.length > 0;
      }),

    acknowledgeAction: (key, options) =>
      run('acknowledgeAction', async () => {
        const { now, by, note } = parseInput(acknowledgeOptionsSchema, options, 'acknowledge options');
        assertStorableText(
          'acknowledgement',
          [{ by, note }],
          () => '',
          () => JSON.stringify({ by, note }),
        );
        // The row lock makes concurrent marks queue up; each re-checks `acknowledged_at is null`
        // after the one before it committed, so exactly one of them updates the row.
        const [marked] = await client.query<OutboxRow>(
          `update ${schema}.outbox
           set acknowledged_at = $2, acknowledged_by = $3, acknowledgement_note = $4
           where idempotency_key = $1 and acknowledged_at is null
           returning ${outboxColumns}`,
          [key, now, by, note ?? null],
        );
        if (marked !== undefined)
          return { acknowledged: true, entry: outboxEntryFromRow(marked) } satisfies AcknowledgeResult;
        // A new statement, so a new snapshot: it sees the acknowledgement that won.
        const [existing] = await client.query<OutboxRow>(
          `select ${outboxColumns} from ${schema}.outbox where idempotency_key = $1`,
          [key],
        );
        return existing === undefined
          ? undefined
          : ({ acknowledged: false, entry: outboxEntryFromRow(existing) } satisfies AcknowledgeResult);
      }),

    getAction: (key) =>
      run('getAction', async () => {
        const [row] = await client.query<OutboxRow>(
          `select ${outboxColumns} from ${schema}.outbox where idempotency_key = $1`,
          [key],
        );
        return row === undefined ? undefined : outboxEntryFromRow(row);
      }),

    listActions: (input = {}) =>
      run('listActions', async () => {
        const query = parseInput(actionQuerySchema, input, 'action query');
        if (query.priorities !== undefined && query.priorities.length === 0) return [];
        if (query.limit === 0) return [];
        const parameters: unknown[] = [];
        const where: string[] = [];
        const add = (value: unknown) => {
          parameters.push(value);
          return `$${parameters.length}`;
        };
        if (query.status !== undefined) where.push(`status = ${add(query.status)}`);
        if (query.customerId !== undefined) where.push(`customer_id = ${add(query.customerId)}`);
        if (query.priorities !== undefined)
          where.push(
            `action ->> 'priority' in (select jsonb_array_elements_text(${add(JSON.stringify(query.priorities))}::jsonb))`,
          );
        if (query.done !== undefined)
          where.push(query.done ? 'acknowledged_at is not null' : 'acknowledged_at is null');
        if (query.ruleIdPrefix !== undefined)
          where.push(`starts_with(action -> 'source' ->> 'ruleId', ${add(query.ruleIdPrefix)})`);
        if (query.csmId !== undefined)
          where.push(
            `exists (select 1 from ${schema}.records customer
              where customer.kind = 'customer' and customer.id = outbox.customer_id
                and customer.body ->> 'csmId' = ${add(query.csmId)})`,
          );
        // Keyset paging on the (enqueued_at, idempotency_key) index.
        if (query.after !== undefined)
          where.push(
            `(enqueued_at, idempotency_key) > (${add(query.after.enqueuedAt)}, ${add(query.after.idempotencyKey)})`,
          );
        const limit = query.limit === undefined ? '' : ` limit ${add(query.limit)}`;
        const rows = await client.query<OutboxRow>(
          `select ${outboxColumns} from ${schema}.outbox
           ${where.length === 0 ? '' : `where ${where.join(' and ')}`}
           order by enqueued_at, idempotency_key${limit}`,
          parameters,
        );
        return rows.map(outboxEntryFromRow);
      }),

    async close() {
      if (closed) return;
      closed = true;
      if (settings.closeClient) await client.close();
    },
  };
}
