import { parseArgs } from 'node:util';
import { instantSchema, parseInput } from '@kizuna/core';
import * as z from 'zod';

/** The worker's command line (`tsx src/main.ts --help`). */
export const commandLineSchema = z
  .object({
    /** Run once and exit (exit code 1 when the run did not complete). @defaultValue false: on a schedule */
    once: z.boolean().default(false),
    /** `memory` (in this process), `pg-boss` (one machine, PostgreSQL) or `bullmq` (many machines, Redis). */
    queue: z.enum(['memory', 'pg-boss', 'bullmq']).default('memory'),
    /**
     * Worker processes this command starts (`pg-boss`, `bullmq`), or consumers in this process
     * (`memory`). 0 with a queue: this process only coordinates. @defaultValue 1
     */
    workers: z.coerce.number().int().min(0).max(64).default(1),
    /** `all` (coordinate and work), `coordinator` (plan and record runs) or `worker` (consume shards). */
    role: z.enum(['all', 'coordinator', 'worker']).default('all'),
    /** The instant of a `--once` run (ISO, UTC). @defaultValue now */
    asOf: instantSchema.optional(),
    /** Seed this many generated demo customers when the store has none. @defaultValue 0 */
    seed: z.coerce.number().int().min(0).default(0),
    /** Minutes between runs (overrides WORKER_INTERVAL_MINUTES). */
    intervalMinutes: z.coerce.number().positive().optional(),
    help: z.boolean().default(false),
  })
  .refine((options) => !(options.queue === 'memory' && options.role !== 'all'), {
    error: 'the memory queue lives in one process: --role coordinator/worker need --queue pg-boss or bullmq',
    path: ['role'],
  });

/** The parsed command line. */
export type CommandLine = z.output<typeof commandLineSchema>;

/** Usage text for `--help`. */
export const usage = `Usage: tsx src/main.ts [options]

  --once                    run the pipeline once and exit (default: run every WORKER_INTERVAL_MINUTES)
  --queue memory|pg-boss|bullmq
                            memory: everything in this process (default; PGlite or PostgreSQL)
                            pg-boss: one machine, jobs in the same PostgreSQL (needs DATABASE_URL)
                            bullmq: many machines, jobs in Redis (needs DATABASE_URL and REDIS_URL)
  --workers N               worker processes to start (queues) or consumers in-process (memory); default 1
  --role all|coordinator|worker
                            coordinator: plan, queue and record runs; worker: only process shard jobs
  --as-of ISO               the instant of a --once run (default: now)
  --seed N                  generate N demo customers first when the store is empty
  --interval-minutes M      minutes between scheduled runs
  --help                    this text

Environment: see .env.example (DATABASE_URL, REDIS_URL, SLACK_WEBHOOK_URL, ...).`;

/**
 * Parses the command line.
 *
 * @throws KizunaValidationError for an invalid value, or an Error for an unknown option
 */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  // `pnpm start -- --once` passes the `--` through: drop it rather than treat what follows as positional.
  const args = argv[0] === '--' ? argv.slice(1) : [...argv];
  const { values } = parseArgs({
    args,
    options: {
      once: { type: 'boolean' },
      queue: { type: 'string' },
      workers: { type: 'string' },
      role: { type: 'string' },
      'as-of': { type: 'string' },
      seed: { type: 'string' },
      'interval-minutes': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  const { 'as-of': asOf, 'interval-minutes': intervalMinutes, ...rest } = values;
  return parseInput(
    commandLineSchema,
    {
      ...rest,
      ...(asOf === undefined ? {} : { asOf }),
      ...(intervalMinutes === undefined ? {} : { intervalMinutes }),
    },
    'command line',
  );
}
