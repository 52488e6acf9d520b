import { parseInput } from '@kizuna/core';
import * as z from 'zod';

const positiveInteger = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * The worker's environment (see `.env.example`): every variable is optional, the defaults run the
 * embedded mode on PGlite in a local folder with notifications printed to the log.
 */
export const workerEnvironmentSchema = z.object({
  /** PostgreSQL server of the store (and of pg-boss). Absent: embedded PGlite in `KIZUNA_DATA_DIR`. */
  DATABASE_URL: z.string().min(1).optional(),
  /** Folder of the embedded PGlite database. @defaultValue '.kizuna/worker-data' */
  KIZUNA_DATA_DIR: z.string().min(1).default('.kizuna/worker-data'),
  /** PostgreSQL schema of the store's tables. @defaultValue 'kizuna' */
  KIZUNA_SCHEMA: z.string().min(1).default('kizuna'),
  /** Redis for the BullMQ queue. @defaultValue 'redis://127.0.0.1:6379' */
  REDIS_URL: z.string().min(1).default('redis://127.0.0.1:6379'),
  /** Slack incoming webhook for notifications. Absent: notifications go to the log. */
  SLACK_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** pino level. @defaultValue 'info' */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Minutes between scheduled runs. @defaultValue 60 */
  WORKER_INTERVAL_MINUTES: z.coerce.number().positive().default(60),
  /** Customers per snapshot batch. @defaultValue 250 */
  WORKER_BATCH_SIZE: positiveInteger(250),
  /** Customers per shard job. @defaultValue 2000 */
  WORKER_SHARD_SIZE: positiveInteger(2_000),
  /** Name of the shard queue (pg-boss and BullMQ). @defaultValue 'kizuna-shards' */
  WORKER_QUEUE_NAME: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$/)
    .default('kizuna-shards'),
  /** Redis key prefix of BullMQ. @defaultValue 'kizuna' */
  WORKER_QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$/)
    .default('kizuna'),
  /** Schema of pg-boss's tables. @defaultValue 'pgboss' */
  PG_BOSS_SCHEMA: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/)
    .default('pgboss'),
  /** Seconds before pg-boss takes back the job of a worker that died (must exceed a shard's time). @defaultValue 900 */
  PG_BOSS_EXPIRE_SECONDS: positiveInteger(900),
  /** Seconds between pg-boss maintenance passes (which expire jobs). @defaultValue 60 */
  PG_BOSS_MAINTENANCE_SECONDS: positiveInteger(60),
  /** BullMQ lock of a job, renewed while its worker lives; a dead worker's job is retried after it. @defaultValue 30000 */
  BULLMQ_LOCK_MILLISECONDS: positiveInteger(30_000),
  /** How long a delivery claim lasts before another worker may retry the notification. @defaultValue 60000 */
  OUTBOX_LEASE_MILLISECONDS: positiveInteger(60_000),
  /** Predict churn (train or reuse a model version each run). @defaultValue true */
  WORKER_CHURN_ENABLED: z
    .enum(['true', 'false'], { error: 'expected true or false' })
    .default('true')
    .transform((value) => value === 'true'),
  /** Days a churn model version is reused before a new one is trained. @defaultValue 7 */
  WORKER_CHURN_RETRAIN_DAYS: z.coerce.number().positive().default(7),
  /** Outbox entries claimed (and sent one after another) per delivery round. @defaultValue 5 */
  OUTBOX_BATCH_SIZE: positiveInteger(5),
});

/** The worker's environment after defaults. */
export type WorkerEnvironment = z.output<typeof workerEnvironmentSchema>;

/** Where the worker keeps its data: a PostgreSQL server or an embedded PGlite folder. */
export type StoreLocation =
  | { readonly kind: 'server'; readonly connectionString: string; readonly schema: string }
  | { readonly kind: 'embedded'; readonly dataDir: string; readonly schema: string };

/**
 * Parses the environment into typed settings; unknown variables are ignored.
 *
 * @throws KizunaValidationError naming each bad variable
 */
export function parseWorkerEnvironment(environment: NodeJS.ProcessEnv = process.env): WorkerEnvironment {
  const relevant = Object.fromEntries(
    Object.keys(workerEnvironmentSchema.shape)
      .filter((key) => environment[key] !== undefined && environment[key] !== '')
      .map((key) => [key, environment[key]]),
  );
  return parseInput(workerEnvironmentSchema, relevant, 'worker environment');
}

/** The store location the environment describes. */
export function storeLocationOf(environment: WorkerEnvironment): StoreLocation {
  return environment.DATABASE_URL === undefined
    ? { kind: 'embedded', dataDir: environment.KIZUNA_DATA_DIR, schema: environment.KIZUNA_SCHEMA }
    : { kind: 'server', connectionString: environment.DATABASE_URL, schema: environment.KIZUNA_SCHEMA };
}
