import * as z from 'zod';
import { type Action, actionSchema } from '../actions/action';
import { KizunaError } from '../errors/kizuna-error';
import { parseInput } from '../errors/parse-input';
import type { Customer } from '../schemas/customer';
import { instantSchema } from '../schemas/primitives';
import { type RecordKind, type RecordOf, recordId, recordTime } from '../schemas/record-kinds';
import { latestResultsQuerySchema } from './latest-results-query';
import { actionQuerySchema, contractEndQuerySchema } from './list-queries';
import { acknowledgeOptionsSchema, renewClaimOptionsSchema } from './outbox-options';
import type {
  AcknowledgeResult,
  ActionQuery,
  ClaimOptions,
  EnqueueResult,
  OutboxEntry,
  PutRecordsResult,
  RecordQuery,
  ResultQuery,
  Store,
  StoredResult,
} from './store';
import { canonicalJson, compareCodePoints } from './store-ordering';
import { storedResultSchema } from './stored-result';
import { validateRecords } from './validate-records';

interface StoredRecord {
  readonly id: string;
  readonly time: string;
  readonly customerId: string | undefined;
  readonly json: string;
  readonly record: unknown;
}

function compareRecords(left: StoredRecord, right: StoredRecord): number {
  if (left.time !== right.time) return left.time < right.time ? -1 : 1;
  return compareCodePoints(left.id, right.id);
}

const limitSchema = z.number().int().nonnegative().optional();
const claimOptionsSchema = z.object({
  now: instantSchema,
  limit: z.number().int().nonnegative(),
  leaseMilliseconds: z.number().int().positive(),
  claimToken: z.string().min(1),
});

/**
 * Creates the reference store: everything in memory, in this process. It is the semantics every
 * adapter must match, and the store for tests, demos and small jobs. Data is lost when the process
 * ends; use `@kizuna/postgres` (PGlite or PostgreSQL) to keep it.
 *
 * @example
 * ```ts
 * const store = createMemoryStore();
 * const customer = {
 *   id: 'c1', name: 'ABC 株式会社', segment: 'b2b', plan: 'pro', createdAt: '2026-01-15T00:00:00Z',
 *   contract: { startsAt: '2026-01-15T00:00:00Z', monthlyMeasurementLimit: 20, mrr: { amount: 80_000 } },
 * };
 * console.log(await store.putRecords('customer', [customer])); // { inserted: 1, updated: 0, unchanged: 0 }
 * console.log(await store.putRecords('customer', [customer])); // { inserted: 0, updated: 0, unchanged: 1 }
 * console.log((await store.getRecord('customer', 'c1'))?.contract?.termMonths); // 12 (the default)
 * ```
 */
export function createMemoryStore(): Store {
  const records = new Map<RecordKind, Map<string, StoredRecord>>();
  const byCustomer = new Map<RecordKind, Map<string, Map<string, StoredRecord>>>();
  const results = new Map<string, StoredResult>();
  const outbox = new Map<string, OutboxEntry>();
  let closed = false;

  const ensureOpen = () => {
    if (closed) throw new KizunaError('The memory store is closed.', { code: 'STORE_UNAVAILABLE' });
  };
  const tableOf = (kind: RecordKind) => {
    let table = records.get(kind);
    if (table === undefined) {
      table = new Map();
      records.set(kind, table);
    }
    return table;
  };
  const customerTableOf = (kind: RecordKind, customerId: string) => {
    let index = byCustomer.get(kind);
    if (index === undefined) {
      index = new Map();
      byCustomer.set(kind, index);
    }
    let table = index.get(customerId);
    if (table === undefined) {
      table = new Map();
      index.set(customerId, table);
    }
    return table;
  };
  const resultKey = (kind: string, customerId: string, asOf: string) =>
    JSON.stringify([kind, customerId, asOf]);

  async function listResults(
    kind: string,
    customerId: string,
    query: ResultQuery = {},
  ): Promise<StoredResult[]> {
    ensureOpen();
    const from = query.from === undefined ? undefined : parseInput(instantSchema, query.from, 'query.from');
    const to = query.to === undefined ? undefined : parseInput(instantSchema, query.to, 'query.to');
    const selected = [...results.values()]
      .filter(
        (result) =>
          result.kind === kind &&
          result.customerId === customerId &&
          (from === undefined || result.asOf >= from) &&
          (to === undefined || result.asOf < to),
      )
      .sort((left, right) => (left.asOf < right.asOf ? 1 : left.asOf > right.asOf ? -1 : 0));
    parseInput(limitSchema, query.limit, 'query.limit');
    const limited = query.limit === undefined ? selected : selected.slice(0, query.limit);
    return limited.map((result) => structuredClone(result));
  }

  return {
    async putRecords(kind, input) {
      ensureOpen();
      const valid = validateRecords(kind, input);
      const counts = { inserted: 0, updated: 0, unchanged: 0 };
      const table = tableOf(kind);
      for (const record of valid) {
        const id = recordId(kind, record);
        const json = canonicalJson(record);
        const previous = table.get(id);
        if (previous?.json === json) {
          counts.unchanged += 1;
          continue;
        }
        const customerId = (record as { customerId?: string }).customerId;
        if (previous?.customerId !== undefined) customerTableOf(kind, previous.customerId).delete(id);
        const stored: StoredRecord = {
          id,
          time: recordTime(kind, record),
          customerId,
          json,
          record: structuredClone(record),
        };
        table.set(id, stored);
        if (customerId !== undefined) customerTableOf(kind, customerId).set(id, stored);
        if (previous === undefined) counts.inserted += 1;
        else counts.updated += 1;
      }
      return counts satisfies PutRecordsResult;
    },

    async getRecord<Kind extends RecordKind>(kind: Kind, id: string) {
      ensureOpen();
      const stored = records.get(kind)?.get(id);
      return stored === undefined ? undefined : (structuredClone(stored.record) as RecordOf<Kind>);
    },

    async listRecords<Kind extends RecordKind>(kind: Kind, query: RecordQuery = {}) {
      ensureOpen();
      const from = query.from === undefined ? undefined : parseInput(instantSchema, query.from, 'query.from');
      const to = query.to === undefined ? undefined : parseInput(instantSchema, query.to, 'query.to');
      parseInput(limitSchema, query.limit, 'query.limit');
      let customers: readonly string[] | undefined = query.customerIds;
      if (query.customerId !== undefined) {
        customers = customers === undefined || customers.includes(query.customerId) ? [query.customerId] : [];
      }
      const candidates: StoredRecord[] = [];
      if (customers === undefined) {
        candidates.push(...(records.get(kind)?.values() ?? []));
      } else {
        const index = byCustomer.get(kind);
        for (const customerId of new Set(customers))
          candidates.push(...(index?.get(customerId)?.values() ?? []));
      }
      const selected = candidates
        .filter(
          (stored) => (from === undefined || stored.time >= from) && (to === undefined || stored.time < to),
        )
        .sort(compareRecords);
      const limited = query.limit === undefined ? selected : selected.slice(0, query.limit);
      return limited.map((stored) => structuredClone(stored.record) as RecordOf<Kind>);
    },

    async listCustomersByContractEnd(input) {
      ensureOpen();
      const query = parseInput(contractEndQuerySchema, input, 'contract end query');
      const selected: { endsAt: string; id: string; record: Customer }[] = [];
      for (const stored of records.get('customer')?.values() ?? []) {
        const customer = stored.record as Customer;
        const endsAt = customer.contract?.endsAt;
        if (endsAt === undefined || endsAt < query.from || endsAt >= query.to) continue;
        if (query.csmId !== undefined && customer.csmId !== query.csmId) continue;
        selected.push({ endsAt, id: stored.id, record: customer });
      }
      selected.sort((left, right) =>
        left.endsAt === right.endsAt
          ? compareCodePoints(left.id, right.id)
          : left.endsAt < right.endsAt
            ? -1
            : 1,
      );
      const limited = query.limit === undefined ? selected : selected.slice(0, query.limit);
      return limited.map((entry) => structuredClone(entry.record));
    },

    async listCustomerIds(options = {}) {
      ensureOpen();
      const ids = [...(records.get('customer')?.keys() ?? [])]
        .filter((id) => options.after === undefined || compareCodePoints(id, options.after) > 0)
        .sort(compareCodePoints);
      parseInput(limitSchema, options.limit, 'limit');
      return options.limit === undefined ? ids : ids.slice(0, options.limit);
    },

    async putResult(input) {
      ensureOpen();
      const result = parseInput(storedResultSchema, input, 'result') as StoredResult;
      results.set(resultKey(result.kind, result.customerId, result.asOf), structuredClone(result));
    },

    async putResults(input) {
      ensureOpen();
      const valid = parseInput(storedResultSchema.array(), input, 'results') as StoredResult[];
      for (const result of valid)
        results.set(resultKey(result.kind, result.customerId, result.asOf), structuredClone(result));
    },

    async getLatestResult(kind, customerId, options = {}) {
      const [latest] = await listResults(kind, customerId, { to: options.before, limit: 1 });
      return latest;
    },

    async getLatestResults(kind, input = {}) {
      ensureOpen();
      const query = parseInput(latestResultsQuerySchema, input, 'latest results query');
      const wanted = query.customerIds === undefined ? undefined : new Set(query.customerIds);
      const latest = new Map<string, StoredResult>();
      for (const result of results.values()) {
        if (result.kind !== kind) continue;
        if (query.before !== undefined && result.asOf >= query.before) continue;
        const current = latest.get(result.customerId);
        if (current === undefined || current.asOf < result.asOf) latest.set(result.customerId, result);
      }
      const selected: StoredResult[] = [];
      for (const [customerId, stored] of records.get('customer') ?? []) {
        if (wanted !== undefined && !wanted.has(customerId)) continue;
        if (query.after !== undefined && compareCodePoints(customerId, query.after) <= 0) continue;
        if (query.csmId !== undefined && (stored.record as { csmId?: string }).csmId !== query.csmId)
          continue;
        const result = latest.get(customerId);
        if (result === undefined) continue;
        if (query.valueEquals !== undefined) {
          const value = result.value;
          if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
          if ((value as Record<string, unknown>)[query.valueEquals.field] !== query.valueEquals.value)
            continue;
        }
        selected.push(result);
      }
      selected.sort((left, right) => compareCodePoints(left.customerId, right.customerId));
      const limited = query.limit === undefined ? selected : selected.slice(0, query.limit);
      return limited.map((result) => structuredClone(result));
    },

    listResults,

    async enqueueActions(input, options) {
      ensureOpen();
      const now = parseInput(instantSchema, options.now, 'now');
      const actions = parseInput(actionSchema.array(), input, 'actions') as Action[];
      const enqueued: string[] = [];
      const duplicates: string[] = [];
      for (const action of actions) {
        if (outbox.has(action.idempotencyKey)) {
          duplicates.push(action.idempotencyKey);
          continue;
        }
        outbox.set(action.idempotencyKey, {
          action: structuredClone(action),
          status: 'pending',
          attempts: 0,
          enqueuedAt: now,
          nextAttemptAt: action.dueAt > now ? action.dueAt : now,
        });
        enqueued.push(action.idempotencyKey);
      }
      return { enqueued, duplicates } satisfies EnqueueResult;
    },

    async claimActions(input: ClaimOptions) {
      ensureOpen();
      const options = parseInput(claimOptionsSchema, input, 'claim options');
      const now = options.now;
      const leaseExpiresAt = new Date(Date.parse(now) + options.leaseMilliseconds).toISOString();
      const claimable = [...outbox.values()]
        .filter(
          (entry) =>
            (entry.status === 'pending' && entry.nextAttemptAt <= now) ||
            (entry.status === 'delivering' &&
              entry.leaseExpiresAt !== undefined &&
              entry.leaseExpiresAt <= now),
        )
        .sort((left, right) =>
          left.nextAttemptAt === right.nextAttemptAt
            ? compareCodePoints(left.action.idempotencyKey, right.action.idempotencyKey)
            : left.nextAttemptAt < right.nextAttemptAt
              ? -1
              : 1,
        )
        .slice(0, options.limit);
      return claimable.map((entry) => {
        const claimed: OutboxEntry = {
          ...entry,
          status: 'delivering',
          attempts: entry.attempts + 1,
          leaseExpiresAt,
          claimToken: options.claimToken,
        };
        outbox.set(entry.action.idempotencyKey, claimed);
        return structuredClone(claimed);
      });
    },

    async completeAction(key, options) {
      ensureOpen();
      const entry = outbox.get(key);
      if (entry?.status !== 'delivering' || entry.claimToken !== options.claimToken) return false;
      const { leaseExpiresAt: _lease, claimToken: _token, ...rest } = entry;
      outbox.set(key, {
        ...rest,
        status: 'delivered',
        deliveredAt: parseInput(instantSchema, options.now, 'now'),
      });
      return true;
    },

    async failAction(key, options) {
      ensureOpen();
      const entry = outbox.get(key);
      if (entry?.status !== 'delivering' || entry.claimToken !== options.claimToken) return false;
      const { leaseExpiresAt: _lease, claimToken: _token, ...rest } = entry;
      const retryAt =
        options.retryAt === undefined ? undefined : parseInput(instantSchema, options.retryAt, 'retryAt');
      outbox.set(key, {
        ...rest,
        status: retryAt === undefined ? 'failed' : 'pending',
        nextAttemptAt: retryAt ?? entry.nextAttemptAt,
        lastError: options.error,
      });
      return true;
    },

    async renewClaim(key, input) {
      ensureOpen();
      const options = parseInput(renewClaimOptionsSchema, input, 'renew options');
      const entry = outbox.get(key);
      if (entry?.status !== 'delivering' || entry.claimToken !== options.claimToken) return false;
      const leaseExpiresAt = new Date(Date.parse(options.now) + options.leaseMilliseconds).toISOString();
      outbox.set(key, { ...entry, leaseExpiresAt });
      return true;
    },

    async acknowledgeAction(key, input) {
      ensureOpen();
      const options = parseInput(acknowledgeOptionsSchema, input, 'acknowledge options');
      const entry = outbox.get(key);
      if (entry === undefined) return undefined;
      if (entry.acknowledgement !== undefined)
        return { acknowledged: false, entry: structuredClone(entry) } satisfies AcknowledgeResult;
      const acknowledged: OutboxEntry = {
        ...entry,
        acknowledgement: {
          at: options.now,
          by: options.by,
          ...(options.note === undefined ? {} : { note: options.note }),
        },
      };
      outbox.set(key, acknowledged);
      return { acknowledged: true, entry: structuredClone(acknowledged) } satisfies AcknowledgeResult;
    },

    async getAction(key) {
      ensureOpen();
      const entry = outbox.get(key);
      return entry === undefined ? undefined : structuredClone(entry);
    },

    async listActions(input: ActionQuery = {}) {
      ensureOpen();
      const query = parseInput(actionQuerySchema, input, 'action query');
      const priorities = query.priorities === undefined ? undefined : new Set<string>(query.priorities);
      const after = query.after;
      const csmOf = (customerId: string | undefined) =>
        customerId === undefined
          ? undefined
          : (records.get('customer')?.get(customerId)?.record as { csmId?: string } | undefined)?.csmId;
      const selected = [...outbox.values()]
        .filter(
          (entry) =>
            (query.status === undefined || entry.status === query.status) &&
            (query.customerId === undefined || entry.action.customerId === query.customerId) &&
            (priorities === undefined || priorities.has(entry.action.priority)) &&
            (query.done === undefined || (entry.acknowledgement !== undefined) === query.done) &&
            (query.ruleIdPrefix === undefined ||
              entry.action.source?.ruleId.startsWith(query.ruleIdPrefix) === true) &&
            (query.csmId === undefined || csmOf(entry.action.customerId) === query.csmId) &&
            (after === undefined ||
              entry.enqueuedAt > after.enqueuedAt ||
              (entry.enqueuedAt === after.enqueuedAt &&
                compareCodePoints(entry.action.idempotencyKey, after.idempotencyKey) > 0)),
        )
        .sort((left, right) =>
          left.enqueuedAt === right.enqueuedAt
            ? compareCodePoints(left.action.idempotencyKey, right.action.idempotencyKey)
            : left.enqueuedAt < right.enqueuedAt
              ? -1
              : 1,
        );
      const limited = query.limit === undefined ? selected : selected.slice(0, query.limit);
      return limited.map((entry) => structuredClone(entry));
    },

    async close() {
      closed = true;
    },
  };
}
