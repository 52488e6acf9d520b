/**
 * One versioned change to the store's tables. Versions are applied in ascending order, each exactly
 * once, each in its own transaction.
 */
export interface Migration {
  /** Positive integer; never reused or changed once released. */
  readonly version: number;
  /** A short description, stored with the version in the migrations table. */
  readonly name: string;
  /**
   * The statements to run, one statement per string, given the quoted schema name (`"kizuna"`).
   * They run in one transaction with the migration's bookkeeping: all or nothing.
   */
  statements(schema: string): readonly string[];
}
