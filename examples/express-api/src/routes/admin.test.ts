import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type RunningApi,
  readJson,
  type ScratchStore,
  startApi,
  useBackends,
} from '../test-support/api-harness';
import { seedSampleRecords } from '../test-support/sample-records';
import { startWorkerLoop, type WorkerLoop } from '../worker-loop';

// The pipeline is the worker's (tested there); here: the API runs it in-process and serves its output.
const [pglite] = useBackends(false);

describe('admin routes with the in-process worker loop on PGlite', () => {
  let store: ScratchStore;
  let worker: WorkerLoop;
  let run: RunningApi;
  beforeAll(async () => {
    store = await pglite!.newStore();
    worker = startWorkerLoop({
      store,
      logger: pino({ level: 'silent' }),
      timeZone: 'Asia/Tokyo',
      intervalSeconds: 86_400,
      runImmediately: false,
    });
    run = await startApi({ store, pipeline: worker });
    await seedSampleRecords(run.call);
  });
  afterAll(async () => {
    await worker.stop();
    await run.close();
    await store.close();
  });

  it('POST /v1/admin/pipeline-runs runs the pipeline; health is then served from the stored score', async () => {
    expect((await run.call('/v1/admin/pipeline-runs', { key: 'write', method: 'POST' })).status).toBe(403);
    const response = await readJson(
      await run.call('/v1/admin/pipeline-runs', { key: 'admin', method: 'POST' }),
    );
    expect(response.status).toBe(200);
    expect(response.body.run).toMatchObject({ status: 'completed', customers: { scored: 2 } });
    const health = await readJson(await run.call('/v1/customers/acme/health'));
    expect(health.body).toMatchObject({ source: 'stored', asOf: response.body.run.asOf });
    const runs = await readJson(await run.call('/v1/admin/pipeline-runs', { key: 'admin' }));
    expect(runs.body.runs[0].runId).toBe(response.body.run.runId);
    const alerts = await readJson(await run.call('/v1/alerts?customerId=acme'));
    expect(alerts.body.alerts.length).toBeGreaterThan(0);
  });

  it('answers 501 for the pipeline routes when the process runs no worker', async () => {
    const bare = await startApi({ store });
    try {
      const response = await readJson(
        await bare.call('/v1/admin/pipeline-runs', { key: 'admin', method: 'POST' }),
      );
      expect(response).toMatchObject({ status: 501, body: { code: 'NOT_IMPLEMENTED' } });
    } finally {
      await bare.close();
    }
  });
});
