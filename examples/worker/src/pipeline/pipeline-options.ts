import {
  type Action,
  type Clock,
  defaultTimeZone,
  instantSchema,
  type KizunaEventBus,
  type Notifier,
  type Store,
  timeZoneSchema,
} from '@kizuna/core';
import type { EvaluateAlertsOptions } from '@kizuna/health';
import * as z from 'zod';
import type { PipelineProgress } from './pipeline-progress';
import type { WorkerLogger } from './worker-logger';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** Churn settings of a run. */
export const churnPipelineOptionsSchema = z.object({
  /** Predict churn at all. @defaultValue true */
  enabled: z.boolean().default(true),
  /** Train a new model version when the latest is older than this many days. @defaultValue 7 */
  retrainEveryDays: z.number().positive().default(7),
  /**
   * Fewer churned customers than this in the stored history means too little to learn from: the
   * model is trained on the churn package's synthetic data instead, and with fewer than this many
   * churners even there the churn package's rules are used. @defaultValue 30
   */
  minimumChurners: z.number().int().positive().default(30),
  /** Rows of synthetic training data when the history is too thin. @defaultValue 2000 */
  syntheticRows: z.number().int().positive().default(2_000),
});

/** Outbox settings of a run. */
export const outboxPipelineOptionsSchema = z.object({
  /** How long a delivery claim lasts before another worker may take the entry over. @defaultValue 60000 */
  leaseMilliseconds: z.number().int().positive().default(60_000),
  /** Outbox attempts before an entry fails for good. @defaultValue 5 */
  maxAttempts: z.number().int().positive().default(5),
  /**
   * Entries claimed per delivery round, sent one after another. Each entry's claim is renewed
   * before it is sent once less than half its lease is left, and skipped when another worker took it
   * over, so a slow batch never re-sends its tail. @defaultValue 5
   */
  batchSize: z.number().int().positive().default(5),
});

/** Options of {@link runPipeline} (and, minus the store and notifier, of the queue workers). */
export const pipelineOptionsSchema = z.object({
  /** Where records come from and results, run records and the outbox go. */
  store: z.custom<Store>((value) => isObject(value) && typeof value.listCustomerIds === 'function', {
    error: 'expected a Store',
  }),
  /** The instant the run describes (ISO, UTC). @defaultValue the clock's now */
  asOf: instantSchema.optional(),
  /** Delivers the outbox: one notifier, or a function choosing one per action. */
  notifier: z.custom<Notifier | ((action: Action) => Notifier)>(
    (value) => typeof value === 'function' || (isObject(value) && typeof value.send === 'function'),
    { error: 'expected a Notifier or a function returning one' },
  ),
  /** Receives `health.scored`, `churn.predicted`, `alert.raised`, `action.enqueued`, ... */
  events: z
    .custom<KizunaEventBus>((value) => isObject(value) && typeof value.emit === 'function', {
      error: 'expected a KizunaEventBus',
    })
    .optional(),
  /** Structured logs (a pino logger fits). @defaultValue silent */
  logger: z
    .custom<WorkerLogger>((value) => isObject(value) && typeof value.info === 'function', {
      error: 'expected a logger with info, warn and error',
    })
    .optional(),
  /** Customers per snapshot batch (one query per record kind per batch). @defaultValue 250 */
  batchSize: z.number().int().min(1).max(10_000).default(250),
  /** Customers per shard: the unit of work a queue hands out and a crash redoes. @defaultValue 2000 */
  shardSize: z.number().int().min(1).max(1_000_000).default(2_000),
  /** Stops the run between batches; the report then has status `aborted`. */
  signal: z.custom<AbortSignal>((value) => value instanceof AbortSignal).optional(),
  /** Time zone for calendar-day counts. @defaultValue 'Asia/Tokyo' */
  timeZone: timeZoneSchema.default(defaultTimeZone),
  /** Features that count for the feature-adoption rate. @defaultValue [] */
  featureCatalogue: z.array(z.string().min(1)).default([]),
  /** Alert thresholds (the seed's by default). */
  alertOptions: z.custom<Omit<EvaluateAlertsOptions, 'asOf'>>((value) => isObject(value)).optional(),
  churn: churnPipelineOptionsSchema.default(churnPipelineOptionsSchema.parse({})),
  outbox: outboxPipelineOptionsSchema.default(outboxPipelineOptionsSchema.parse({})),
  /** Deliver the outbox at the end of the run. @defaultValue true */
  deliver: z.boolean().default(true),
  /**
   * Skip shards a previous attempt of the same run (same `asOf`) completed, so a crashed run resumes
   * where it stopped. @defaultValue true
   */
  resume: z.boolean().default(true),
  /** Where "now" comes from (the outbox's timestamps, the default `asOf`). @defaultValue systemClock */
  clock: z.custom<Clock>((value) => isObject(value) && typeof value.now === 'function').optional(),
  /** Called as the run advances: planning, after each batch, delivering, done. */
  onProgress: z
    .custom<(progress: PipelineProgress) => void>((value) => typeof value === 'function')
    .optional(),
});

/** Options of {@link runPipeline} as you may write them. */
export type PipelineOptions = z.input<typeof pipelineOptionsSchema>;
/** Options of {@link runPipeline} after defaults. */
export type ParsedPipelineOptions = z.output<typeof pipelineOptionsSchema>;
