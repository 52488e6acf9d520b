import { type RecordKind, recordKinds, recordSchemas } from '@kizuna/core';
import * as z from 'zod';
import type { ApiContext } from '../api-context';
import { defineRoute, type RouteDefinition } from './route-definition';

/** `usageEvent` → `usage-event`: the record kind as it appears in URLs. */
export function kindSlug(kind: RecordKind): string {
  return kind.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** What an ingestion did, per record. */
export const ingestionResultSchema = z.object({
  kind: z.string(),
  /** Records whose id was new. */
  inserted: z.number().int().nonnegative(),
  /** Records that replaced a different version under the same id. */
  updated: z.number().int().nonnegative(),
  /** Records identical to the stored version: a retried or duplicated request. */
  unchanged: z.number().int().nonnegative(),
});

/**
 * One ingestion route per record kind: `POST /v1/records/<kind>` with `{ records: [...] }`.
 * Idempotent by record id (KPI rows by date): sending the same batch twice stores it once and
 * reports `unchanged`. The batch is validated as a whole and stored all or nothing.
 */
export function recordRoutes(context: ApiContext): RouteDefinition[] {
  return recordKinds.map((kind) =>
    defineRoute({
      method: 'post',
      path: `/v1/records/${kindSlug(kind)}`,
      operationId: `ingest${kind[0]!.toUpperCase()}${kind.slice(1)}Records`,
      summary: `Ingest ${kindSlug(kind).replaceAll('-', ' ')} records in a batch`,
      description: `Validates every record (the problem lists each bad field as records[i].field) and stores the batch in one transaction. Idempotent by ${kind === 'kpiDaily' ? 'date' : 'record id'}: resending changes nothing and is reported as unchanged. At most ${context.maxBatchRecords} records.`,
      tag: 'records',
      scope: 'write',
      usesStore: true,
      body: {
        kind: 'json',
        schema: z.object({
          records: z
            .array(recordSchemas[kind] as z.ZodType)
            .min(1)
            .max(context.maxBatchRecords),
        }),
      },
      responses: { 200: { description: 'What the batch did', schema: ingestionResultSchema } },
      handle: async ({ body }) => {
        const result = await context.store.putRecords(kind, body.records);
        return { body: { kind, ...result } };
      },
    }),
  );
}
