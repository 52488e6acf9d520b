import pg from 'pg';

/** Where the tests look for PostgreSQL: `DATABASE_URL`, else the local trust-auth server. */
export const testDatabaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** CI sets `KIZUNA_REQUIRE_SERVICES=1`: an unreachable server then fails the run instead of skipping. */
export const servicesRequired = process.env.KIZUNA_REQUIRE_SERVICES === '1';

/**
 * Whether the PostgreSQL server of the tests answers. When it does not, prints one line saying the
 * server tests are skipped — or throws when `KIZUNA_REQUIRE_SERVICES=1`.
 */
export async function probeTestServer(): Promise<boolean> {
  const client = new pg.Client({ connectionString: testDatabaseUrl, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const where = testDatabaseUrl.replace(/\/\/[^@/]*@/, '//');
    if (servicesRequired)
      throw new Error(
        `PostgreSQL at ${where} is required (KIZUNA_REQUIRE_SERVICES=1) but unreachable: ${reason}`,
      );
    console.info(`PostgreSQL at ${where} unreachable (${reason}): skipping the server tests.`);
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
