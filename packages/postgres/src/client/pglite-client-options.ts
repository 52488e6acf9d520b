import type { PGlite } from '@electric-sql/pglite';
import * as z from 'zod';

/** Options of {@link createPgliteClient}. */
export const pgliteClientOptionsSchema = z
  .object({
    /**
     * A folder to keep the database in; created on first use and reopened afterwards. Leave it out
     * for a database in memory that is gone when the process ends. @defaultValue undefined (in memory)
     */
    dataDir: z.string().min(1, { error: 'expected a folder path' }).optional(),
    /**
     * Start from a data-directory dump (`pglite.dumpDataDir()`) instead of creating an empty
     * database: much faster than a fresh start (initdb) and handy for fixtures. Ignored when
     * `dataDir` already holds a database (it is reopened as it is). @defaultValue undefined
     */
    loadDataDir: z.custom<Blob>((value) => value instanceof Blob, { error: 'expected a Blob' }).optional(),
    /**
     * An already open PGlite to use instead of starting one; it is shared, so `close()` leaves it
     * open (its owner closes it). @defaultValue undefined
     */
    pglite: z
      .custom<PGlite>(
        (value) =>
          typeof value === 'object' &&
          value !== null &&
          typeof (value as PGlite).query === 'function' &&
          typeof (value as PGlite).transaction === 'function',
        { error: 'expected a PGlite instance' },
      )
      .optional(),
  })
  .refine((options) => options.pglite === undefined || options.dataDir === undefined, {
    error: 'give either dataDir or pglite, not both',
    path: ['pglite'],
  });

/** Options of {@link createPgliteClient}. */
export type PgliteClientOptions = z.input<typeof pgliteClientOptionsSchema>;
