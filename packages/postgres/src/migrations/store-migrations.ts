import type { Migration } from './migration';

/**
 * The migrations of the PostgreSQL store, oldest first.
 *
 * Instants are kept as `text collate "C"` holding core's canonical ISO form
 * (`2026-04-01T09:30:00.000Z`): byte order is time order, comparisons are exactly the memory store's,
 * and no time zone or precision conversion happens on the way in or out. Ids use the "C" collation
 * too, so `order by id` is the same code-point order on every server whatever its locale.
 */
export const storeMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'records, results and outbox',
    statements: (schema) => [
      `create table ${schema}.records (
        kind text collate "C" not null,
        id text collate "C" not null,
        customer_id text collate "C",
        record_time text collate "C" not null,
        body jsonb not null,
        primary key (kind, id)
      )`,
      // The snapshot builder's access path: records of many customers by kind, up to `asOf`.
      `create index records_by_customer_time on ${schema}.records (kind, customer_id, record_time, id)
        where customer_id is not null`,
      // Workspace-wide kinds (funnel tables, KPI rows) listed by time.
      `create index records_by_time on ${schema}.records (kind, record_time, id)`,
      `create table ${schema}.results (
        kind text collate "C" not null,
        customer_id text collate "C" not null,
        as_of text collate "C" not null,
        value jsonb not null,
        primary key (kind, customer_id, as_of)
      )`,
      `create table ${schema}.outbox (
        idempotency_key text collate "C" primary key,
        customer_id text collate "C",
        action jsonb not null,
        status text not null check (status in ('pending', 'delivering', 'delivered', 'failed')),
        attempts integer not null default 0,
        enqueued_at text collate "C" not null,
        next_attempt_at text collate "C" not null,
        lease_expires_at text collate "C",
        claim_token text,
        delivered_at text collate "C",
        last_error text
      )`,
      // Claims: due pending entries, oldest next attempt first ...
      `create index outbox_due on ${schema}.outbox (status, next_attempt_at, idempotency_key)`,
      // ... and lapsed leases.
      `create index outbox_leases on ${schema}.outbox (lease_expires_at) where status = 'delivering'`,
      `create index outbox_enqueued on ${schema}.outbox (enqueued_at, idempotency_key)`,
      `create index outbox_by_customer on ${schema}.outbox (customer_id, enqueued_at, idempotency_key)`,
    ],
  },
  {
    version: 2,
    name: 'outbox acknowledgements',
    statements: (schema) => [
      // Set once, by the first "mark done": `where acknowledged_at is null` makes the update the lock.
      `alter table ${schema}.outbox
        add column acknowledged_at text collate "C",
        add column acknowledged_by text,
        add column acknowledgement_note text`,
    ],
  },
  {
    version: 3,
    name: 'customers by contract end',
    statements: (schema) => [
      // listCustomersByContractEnd: the renewals of a period in one range scan, ordered as returned.
      `create index customers_by_contract_end on ${schema}.records
        (((body -> 'contract' ->> 'endsAt') collate "C"), id)
        where kind = 'customer' and body -> 'contract' ->> 'endsAt' is not null`,
    ],
  },
];
