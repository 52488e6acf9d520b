import { afterAll, beforeAll, vi } from 'vitest';
import { createPgClient, type PgClient } from '../client/pg-client';
import { createPgliteClient, type PgliteClient } from '../client/pglite-client';
import { pgliteTemplate } from './pglite-template';
import { probeTestServer, testDatabaseUrl } from './test-server';

/**
 * One in-memory PGlite for the test file, started before its tests and closed after. PGlite runs
 * inside the test worker, single-threaded: on a busy machine a test (a migration, a 20,000-row load)
 * can pass vitest's 5-second default, so the file's limits are raised. They are guards against a
 * hang, not timing assertions.
 */
export function usePgliteClient(): () => PgliteClient {
  vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });
  let client: PgliteClient | undefined;
  beforeAll(async () => {
    client = await createPgliteClient({ loadDataDir: await pgliteTemplate() });
  }, 60_000);
  afterAll(async () => {
    await client?.close();
  });
  return () => client!;
}

let probe: Promise<boolean> | undefined;

/**
 * A `pg` client on the test server for the test file, when the server is reachable (see
 * {@link probeTestServer}: unreachable skips with a note, or fails under `KIZUNA_REQUIRE_SERVICES=1`).
 */
export async function useServerClient(): Promise<{
  readonly reachable: boolean;
  readonly client: () => PgClient;
}> {
  probe ??= probeTestServer();
  const reachable = await probe;
  let client: PgClient | undefined;
  if (reachable) {
    beforeAll(() => {
      client = createPgClient({ connectionString: testDatabaseUrl });
    });
    afterAll(async () => {
      await client?.close();
    });
  }
  return { reachable, client: () => client! };
}
