import * as z from 'zod';

/**
 * The PostgreSQL schema (namespace) the store keeps its tables in: lower-case letters, digits and
 * underscores, starting with a letter or underscore, at most 63 characters — so it never needs
 * escaping. Several stores can share one database under different schema names.
 */
export const schemaNameSchema = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, {
  error: 'expected a schema name of lower-case letters, digits and underscores (at most 63)',
});

/** The schema name as a quoted SQL identifier. Safe because {@link schemaNameSchema} allows no quotes. */
export function quoteSchemaName(schema: string): string {
  return `"${schema}"`;
}
