// SQL clients
export { isRetryableDatabaseError, toDatabaseError } from './client/database-error';
export { createPgClient, type PgClient } from './client/pg-client';
export { type PgClientOptions, pgClientOptionsSchema } from './client/pg-client-options';
export { createPgliteClient, type PgliteClient } from './client/pglite-client';
export { type PgliteClientOptions, pgliteClientOptionsSchema } from './client/pglite-client-options';
export type { SqlClient, SqlExecutor, SqlRow } from './client/sql-client';
// Migrations
export type { Migration } from './migrations/migration';
export {
  type MigrationReport,
  type RunMigrationsOptions,
  runMigrations,
  runMigrationsOptionsSchema,
} from './migrations/run-migrations';
export { schemaNameSchema } from './migrations/schema-name';
export { storeMigrations } from './migrations/store-migrations';
export {
  createEmbeddedStore,
  type EmbeddedStoreOptions,
  embeddedStoreOptionsSchema,
} from './store/create-embedded-store';
// Store
export { createPostgresStore } from './store/create-postgres-store';
export {
  createServerStore,
  type ServerStoreOptions,
  serverStoreOptionsSchema,
} from './store/create-server-store';
export { type PostgresStoreOptions, postgresStoreOptionsSchema } from './store/postgres-store-options';
