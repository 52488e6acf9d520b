import { timeZoneSchema } from '@kizuna/core';
import * as z from 'zod';
import { storedApiKeySchema } from './api-keys';

const commaList = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== ''),
  );

/**
 * The API's configuration from the environment (see `.env.example`). Parsed once at start; a bad
 * value stops the process with a message naming the variable.
 */
export const apiConfigSchema = z.object({
  /** @defaultValue 3000 */
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  /** @defaultValue '127.0.0.1' (loopback only; set 0.0.0.0 to listen on every interface) */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** A PostgreSQL URL. Absent: embedded PGlite in `KIZUNA_DATA_DIR`. */
  DATABASE_URL: z.string().min(1).optional(),
  /** Pool size on a server. @defaultValue 10 */
  DATABASE_MAX_CONNECTIONS: z.coerce.number().int().positive().default(10),
  /** Where embedded PGlite keeps its data. @defaultValue '.kizuna/data' */
  KIZUNA_DATA_DIR: z.string().min(1).default('.kizuna/data'),
  /** The PostgreSQL schema of the store. @defaultValue 'kizuna' */
  KIZUNA_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/)
    .default('kizuna'),
  /** Accepted keys as a JSON array of `{ id, name, scope, sha256, requestsPerMinute }`; overrides the file. */
  KIZUNA_API_KEYS: z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined || value.trim() === '') return undefined;
      try {
        return z.array(storedApiKeySchema).parse(JSON.parse(value));
      } catch {
        context.addIssue({ code: 'custom', message: 'expected a JSON array of stored API keys' });
        return z.NEVER;
      }
    }),
  /** The file of stored keys (hashes only), created with one admin key on first start. @defaultValue '.kizuna/api-keys.json' */
  KIZUNA_API_KEYS_FILE: z.string().min(1).default('.kizuna/api-keys.json'),
  /** Origins allowed to call from a browser, comma-separated. @defaultValue none */
  CORS_ORIGINS: commaList,
  /** @defaultValue 'Asia/Tokyo' */
  KIZUNA_TIME_ZONE: timeZoneSchema.default('Asia/Tokyo'),
  /** Run the pipeline in this process. @defaultValue 'on' */
  KIZUNA_WORKER: z.enum(['on', 'off']).default('on'),
  /** Seconds between pipeline runs. @defaultValue 300 */
  KIZUNA_WORKER_INTERVAL_SECONDS: z.coerce.number().int().min(5).default(300),
  /** Where the worker delivers actions (a Slack incoming webhook, ...). Absent: actions are logged. */
  KIZUNA_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** An OpenAI (or compatible) API key for the chat's language model. Absent: the offline model. */
  OPENAI_API_KEY: z.string().min(1).optional(),
  /** The chat model. @defaultValue 'gpt-4o-mini' */
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  /** An OpenAI-compatible server instead of api.openai.com. */
  OPENAI_BASE_URL: z.url().optional(),
  /** @defaultValue 'info' */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** @defaultValue 1048576 (1 MiB) */
  JSON_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  /** @defaultValue 67108864 (64 MiB) */
  AUDIO_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(64 * 1024 * 1024),
});

/** The parsed configuration. */
export type ApiConfig = z.output<typeof apiConfigSchema>;

/**
 * Reads the configuration from `environment`.
 *
 * @throws Error naming each bad variable
 */
export function readConfig(environment: NodeJS.ProcessEnv): ApiConfig {
  const result = apiConfigSchema.safeParse(environment);
  if (!result.success) throw new Error(`Invalid configuration:\n${z.prettifyError(result.error)}`);
  return result.data;
}
