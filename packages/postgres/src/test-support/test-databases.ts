import { afterAll, beforeAll } from 'vitest';
import { createPgClient, type PgClient } from '../client/pg-client';
import { createPgliteClient, type PgliteClient } from '../client/pglite-client';
import { pgliteTemplate } from './pglite-template';
import { probeTestServer, testDatabaseUrl } from './test-server';

/** One in-memory PGlite for the test file, started before its tests and closed after. */
export function usePgliteClient(): () => PgliteClient {
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
