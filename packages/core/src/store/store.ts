import type { Action, ActionPriority, JsonValue } from '../actions/action';
import type { Customer } from '../schemas/customer';
import type { RecordKind, RecordOf } from '../schemas/record-kinds';

/** What a write of records did. */
export interface PutRecordsResult {
  /** Records whose id was new. */
  readonly inserted: number;
  /** Records that replaced a different version under the same id. */
  readonly updated: number;
  /** Records identical to the stored version (a retried or duplicated import). */
  readonly unchanged: number;
}

/** Filters for {@link Store.listRecords}. */
export interface RecordQuery {
  /** Only records of this customer (customer-scoped kinds). */
  readonly customerId?: string;
  /** Only records of these customers (the batch path); combined with `customerId` it must contain it. */
  readonly customerIds?: readonly string[];
  /** Inclusive lower bound on the record's time (ISO instant). */
  readonly from?: string;
  /** Exclusive upper bound on the record's time (ISO instant). */
  readonly to?: string;
  /** At most this many records. */
  readonly limit?: number;
}

/** A stored engine result: a health score, a churn prediction, ... as JSON. */
export interface StoredResult {
  /** What kind of result: `health`, `churn`, `expansion`, ... */
  readonly kind: string;
  readonly customerId: string;
  /** The instant the result describes (the engine's `asOf`). */
  readonly asOf: string;
  /** The result itself, as JSON. */
  readonly value: JsonValue;
}

/** Filters for {@link Store.listResults}. */
export interface ResultQuery {
  /** Inclusive lower bound on `asOf`. */
  readonly from?: string;
  /** Exclusive upper bound on `asOf`. */
  readonly to?: string;
  /** At most this many, newest first. */
  readonly limit?: number;
}

/**
 * Which customers {@link Store.getLatestResults} reads: a list of ids, or a page of all customers,
 * narrowed by the customer's CSM and by a field of the latest result.
 */
export interface LatestResultsQuery {
  /** Exactly these customers; customers with no result of the kind are left out. */
  readonly customerIds?: readonly string[];
  /** Paging cursor: only customers whose id comes after this one (code-point order). */
  readonly after?: string;
  /** At most this many results. */
  readonly limit?: number;
  /** The latest result strictly before this instant, as `getLatestResult`'s `before` does. */
  readonly before?: string;
  /** Only customers whose customer record has this `csmId` (the owning customer-success manager). */
  readonly csmId?: string;
  /**
   * Only customers whose latest result has this top-level field holding exactly this JSON string,
   * e.g. `{ field: 'status', value: 'red' }`. The filter applies to the latest result, never to an
   * older one.
   */
  readonly valueEquals?: { readonly field: string; readonly value: string };
}

/** Delivery state of an action in the outbox. */
export type OutboxStatus = 'pending' | 'delivering' | 'delivered' | 'failed';

/** An action as the outbox holds it. */
export interface OutboxEntry {
  readonly action: Action;
  readonly status: OutboxStatus;
  /** Delivery attempts started so far. */
  readonly attempts: number;
  /** When the entry was enqueued (ISO instant). */
  readonly enqueuedAt: string;
  /** Earliest instant the next attempt may start (ISO instant). */
  readonly nextAttemptAt: string;
  /** While `delivering`: the instant the claim lapses and another worker may take it. */
  readonly leaseExpiresAt?: string;
  /** While `delivering`: the token that identifies the current claim. */
  readonly claimToken?: string;
  /** When it was delivered. */
  readonly deliveredAt?: string;
  /** The last error message, if an attempt failed. */
  readonly lastError?: string;
  /** Set once a person marked the action done ({@link Store.acknowledgeAction}); never changed after. */
  readonly acknowledgement?: ActionAcknowledgement;
}

/** That a person handled an action (an alert or task): when, who, and what they noted. */
export interface ActionAcknowledgement {
  /** When it was marked done (ISO instant). */
  readonly at: string;
  /** Who marked it done (a user or API-key name). */
  readonly by: string;
  /** What they noted, if anything. */
  readonly note?: string;
}

/** Options of {@link Store.acknowledgeAction}. */
export interface AcknowledgeOptions {
  /** The current instant (ISO). */
  readonly now: string;
  /** Who marks the action done. */
  readonly by: string;
  /** A note to keep with it. */
  readonly note?: string;
}

/** What {@link Store.acknowledgeAction} did. */
export interface AcknowledgeResult {
  /** True for the one call that marked the action done; false when it was done already. */
  readonly acknowledged: boolean;
  /** The entry afterwards; its `acknowledgement` is the first one, whoever asked. */
  readonly entry: OutboxEntry;
}

/** Options of {@link Store.renewClaim}. */
export interface RenewClaimOptions {
  /** The token of the claim to renew. */
  readonly claimToken: string;
  /** The current instant (ISO). */
  readonly now: string;
  /** The new lease runs this long from `now`. */
  readonly leaseMilliseconds: number;
}

/** Options for {@link Store.claimActions}. */
export interface ClaimOptions {
  /** The current instant (ISO). */
  readonly now: string;
  /** At most this many entries. */
  readonly limit: number;
  /** How long the claim lasts before another worker may take the entry over. */
  readonly leaseMilliseconds: number;
  /** A token unique to this claim; it must be presented to complete or fail the entry. */
  readonly claimToken: string;
}

/** What happened to the actions given to {@link Store.enqueueActions}. */
export interface EnqueueResult {
  /** Keys stored now. */
  readonly enqueued: readonly string[];
  /** Keys that were already in the outbox (nothing was changed for them). */
  readonly duplicates: readonly string[];
}

/** Where a page of {@link Store.listActions} starts: after this entry in (enqueuedAt, idempotencyKey) order. */
export interface ActionCursor {
  /** `enqueuedAt` of the last entry of the previous page. */
  readonly enqueuedAt: string;
  /** `action.idempotencyKey` of the last entry of the previous page. */
  readonly idempotencyKey: string;
}

/** Options for {@link Store.listActions}. Every filter narrows; together they all apply. */
export interface ActionQuery {
  /** Only entries in this delivery state. */
  readonly status?: OutboxStatus;
  /** Only entries of this customer. */
  readonly customerId?: string;
  /**
   * Only entries of customers whose customer record has this `csmId` (the owning customer-success
   * manager); entries with no customer, or whose customer has no record, never match.
   */
  readonly csmId?: string;
  /** Only entries whose action has one of these priorities; an empty list matches nothing. */
  readonly priorities?: readonly ActionPriority[];
  /** `true`: only entries a person marked done ({@link Store.acknowledgeAction}); `false`: only the others. */
  readonly done?: boolean;
  /**
   * Only entries whose action's `source.ruleId` starts with this text (compared code unit by code
   * unit, case-sensitive; no wildcards), e.g. `upsell-campaign/` for every step of the upsell
   * journeys. Must not be empty.
   */
  readonly ruleIdPrefix?: string;
  /**
   * Paging cursor: only entries strictly after this one in (enqueuedAt, idempotencyKey) order. Pass
   * the last entry of the previous page: no entry is given twice, and entries enqueued later (with a
   * later `now`) appear on later pages. An entry enqueued with a `now` at or before the cursor's
   * (another machine's lagging clock, or the same instant with a smaller key) sorts before the cursor:
   * it is only seen by reading again from the start.
   */
  readonly after?: ActionCursor;
  /** At most this many, oldest enqueued first. */
  readonly limit?: number;
}

/** Filters of {@link Store.listCustomersByContractEnd}. */
export interface ContractEndQuery {
  /** Inclusive lower bound on `contract.endsAt` (ISO instant). */
  readonly from: string;
  /** Exclusive upper bound on `contract.endsAt` (ISO instant). */
  readonly to: string;
  /** Only customers with this `csmId`. */
  readonly csmId?: string;
  /** At most this many. */
  readonly limit?: number;
}

/**
 * The storage port: every adapter (memory, PostgreSQL on PGlite or a server) implements exactly
 * these semantics, checked by `runStoreConformance` from `@kizuna/core/testing`.
 *
 * Semantics every adapter guarantees:
 * - **Validation.** Writes validate each record with its kind's schema and throw
 *   `KizunaValidationError` naming the bad record and field; nothing of an invalid batch is stored.
 *   A `limit` must be a whole number ≥ 0 and claim options must be well formed, or the call throws
 *   `KizunaValidationError`. Adapters may also reject text their database cannot store (PostgreSQL:
 *   the NUL character and unpaired surrogates), naming the field.
 * - **Records are keyed by id** (KPI rows by date). Writing an id again replaces the stored version
 *   (last write wins); writing content deeply equal to the stored version (key order aside) is
 *   reported as `unchanged`. Nothing is duplicated.
 * - **Ordering.** `listRecords` returns records ordered by their time, then by id; `from` is
 *   inclusive and `to` exclusive. Ids compare by Unicode code point (PostgreSQL's `collate "C"`).
 *   A kind with no records gives an empty list, never an error.
 * - **Not found** is `undefined`, never an error.
 * - **Results** are keyed by (kind, customerId, asOf); writing the same key replaces the value.
 * - **Outbox.** An idempotency key is stored once: enqueueing it again changes nothing. A claimed
 *   entry is given to exactly one caller until its lease lapses; completing or failing requires the
 *   claim token of the current claim, so a worker whose lease lapsed cannot overwrite the new owner.
 */
export interface Store {
  /** Validates and stores records of one kind. All or nothing. */
  putRecords<Kind extends RecordKind>(kind: Kind, records: readonly unknown[]): Promise<PutRecordsResult>;
  /** One record by id, or `undefined`. */
  getRecord<Kind extends RecordKind>(kind: Kind, id: string): Promise<RecordOf<Kind> | undefined>;
  /** Records of one kind, filtered, ordered by time then id. */
  listRecords<Kind extends RecordKind>(kind: Kind, query?: RecordQuery): Promise<RecordOf<Kind>[]>;
  /**
   * Customer records whose contract ends in [`from`, `to`) (`contract.endsAt`), ordered by `endsAt`
   * then id, in one read: the renewals of a period. Customers without a contract or an end date are
   * never listed; churned customers are (the caller decides what churn means for it).
   */
  listCustomersByContractEnd(query: ContractEndQuery): Promise<Customer[]>;
  /** Customer ids in ascending order, after `after`, at most `limit`: the cursor for batch runs. */
  listCustomerIds(options?: { readonly after?: string; readonly limit?: number }): Promise<string[]>;

  /** Stores an engine result, replacing one with the same (kind, customerId, asOf). */
  putResult(result: StoredResult): Promise<void>;
  /**
   * Stores many engine results at once, each replacing one with the same (kind, customerId, asOf);
   * within one call the last of equal keys wins. All or nothing: one invalid result stores none.
   */
  putResults(results: readonly StoredResult[]): Promise<void>;
  /** The result with the latest `asOf` strictly before `before` (or overall), or `undefined`. */
  getLatestResult(
    kind: string,
    customerId: string,
    options?: { readonly before?: string },
  ): Promise<StoredResult | undefined>;
  /**
   * The latest result of the kind (greatest `asOf`) of many customers in one call, one per customer,
   * in ascending customer-id order (code points). The customers are those with a customer record;
   * a customer with no result of the kind is left out. Filters apply before `limit`, so a page is
   * full whenever enough customers match; page on with `after` = the last customer id returned.
   */
  getLatestResults(kind: string, query?: LatestResultsQuery): Promise<StoredResult[]>;
  /** Results of one customer, newest first. */
  listResults(kind: string, customerId: string, query?: ResultQuery): Promise<StoredResult[]>;

  /** Stores actions in the outbox, once per idempotency key. */
  enqueueActions(actions: readonly unknown[], options: { readonly now: string }): Promise<EnqueueResult>;
  /**
   * Claims up to `limit` entries that are `pending` with `nextAttemptAt <= now`, or `delivering`
   * with a lapsed lease, oldest `nextAttemptAt` first; marks them `delivering` and counts an attempt.
   */
  claimActions(options: ClaimOptions): Promise<OutboxEntry[]>;
  /** Marks a claimed entry delivered. Returns false (and changes nothing) when the claim is not current. */
  completeAction(
    idempotencyKey: string,
    options: { readonly claimToken: string; readonly now: string },
  ): Promise<boolean>;
  /**
   * Records a failed attempt on a claimed entry: back to `pending` until `retryAt`, or `failed` for
   * good when `retryAt` is absent. Returns false when the claim is not current.
   */
  failAction(
    idempotencyKey: string,
    options: { readonly claimToken: string; readonly error: string; readonly retryAt?: string },
  ): Promise<boolean>;
  /**
   * Confirms that the claim `claimToken` on an entry is still the current one and extends its lease
   * to `now + leaseMilliseconds`. Returns false (and changes nothing) when the entry is no longer
   * `delivering` under this token: another worker took it over after the lease lapsed, or it was
   * completed or failed. A worker checks this before sending an entry it claimed long ago.
   */
  renewClaim(idempotencyKey: string, options: RenewClaimOptions): Promise<boolean>;
  /**
   * Marks an action done by a person, exactly once: of any number of calls, concurrent or not,
   * exactly one gets `acknowledged: true`; the others get the entry with the first acknowledgement.
   * The delivery state is not touched. `undefined` when no entry has this key.
   */
  acknowledgeAction(
    idempotencyKey: string,
    options: AcknowledgeOptions,
  ): Promise<AcknowledgeResult | undefined>;
  /** One outbox entry, or `undefined`. */
  getAction(idempotencyKey: string): Promise<OutboxEntry | undefined>;
  /**
   * Outbox entries, oldest enqueued first (ties by idempotency key in code-point order), filtered and
   * paged by the query in the store: filters apply before `limit`, so a page is full whenever enough
   * entries match.
   */
  listActions(query?: ActionQuery): Promise<OutboxEntry[]>;

  /** Releases connections. The store must not be used afterwards. */
  close(): Promise<void>;
}
