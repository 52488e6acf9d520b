import type { Pool } from 'pg';
import * as z from 'zod';

/** Options of {@link createPgClient}. */
export const pgClientOptionsSchema = z
  .object({
    /** A PostgreSQL URL, e.g. `postgres://user:password@host:5432/database`. */
    connectionString: z.string().min(1, { error: 'expected a postgres:// URL' }).optional(),
    /**
     * An existing `pg` pool to use instead of a connection string. It is shared: `close()` leaves it
     * open, its owner ends it — and listens to its `'error'` event (an idle connection that breaks
     * crashes Node when nobody listens; the client adds that listener only to pools it creates).
     */
    pool: z
      .custom<Pool>(
        (value) =>
          typeof value === 'object' &&
          value !== null &&
          typeof (value as Pool).connect === 'function' &&
          typeof (value as Pool).query === 'function',
        { error: 'expected a pg Pool' },
      )
      .optional(),
    /** Most connections the pool opens (with `connectionString`). @defaultValue 10 */
    maxConnections: z.number().int().positive().default(10),
    /** How long to wait for a connection before failing, in milliseconds. @defaultValue 10000 */
    connectionTimeoutMilliseconds: z.number().int().nonnegative().default(10_000),
    /** How long an idle connection stays open, in milliseconds. @defaultValue 30000 */
    idleTimeoutMilliseconds: z.number().int().nonnegative().default(30_000),
    /** `application_name` shown in `pg_stat_activity`. @defaultValue 'kizuna' */
    applicationName: z.string().min(1).default('kizuna'),
  })
  .refine((options) => (options.connectionString === undefined) !== (options.pool === undefined), {
    error: 'give exactly one of connectionString and pool',
    path: ['connectionString'],
  });

/** Options of {@link createPgClient}. */
export type PgClientOptions = z.input<typeof pgClientOptionsSchema>;
