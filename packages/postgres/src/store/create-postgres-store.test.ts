import { runStoreConformance } from '@kizuna/core/testing';
import { afterAll, beforeAll } from 'vitest';
import { createPgClient } from '../client/pg-client';
import { createPgliteClient, type PgliteClient } from '../client/pglite-client';
import { pgliteTemplate } from '../test-support/pglite-template';
import { createScratchStore } from '../test-support/scratch-schema';
import { probeTestServer, testDatabaseUrl } from '../test-support/test-server';

let pglite: PgliteClient;
beforeAll(async () => {
  pglite = await createPgliteClient({ loadDataDir: await pgliteTemplate() });
}, 60_000);
afterAll(async () => {
  await pglite?.close();
});
runStoreConformance(async () => createScratchStore(pglite), { name: 'createPostgresStore on PGlite' });

const serverReachable = await probeTestServer();
const server = serverReachable ? createPgClient({ connectionString: testDatabaseUrl }) : undefined;
afterAll(async () => {
  await server?.close();
});
runStoreConformance(async () => createScratchStore(server!), {
  name: 'createPostgresStore on PostgreSQL',
  skip: !serverReachable,
});
