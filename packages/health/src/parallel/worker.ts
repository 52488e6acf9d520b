// The worker of `@kizuna/health/parallel`: accumulates one range of usage events with the very
// function the single-thread path runs, into typed arrays of its own (V8 runs the loop faster over
// them than over shared memory), and transfers them back.
import { parentPort } from 'node:worker_threads';
import { accumulateUsageEvents } from '../batch/usage-event-kernel';
import type { WorkerJob } from './protocol';

parentPort?.on('message', (job: WorkerJob) => {
  const c = job.columns;
  const counters = new Int32Array(job.customers * job.stride);
  const lastLogin = new Float64Array(job.customers).fill(Number.NEGATIVE_INFINITY);
  const reportFlags = new Uint8Array(job.reportCount);
  const reportOwner = new Int32Array(job.reportCount);
  const invalid = accumulateUsageEvents(
    c.customerIndex,
    c.kind,
    c.occurredAt,
    c.reportIndex,
    c.featureIndex,
    job.from,
    job.to,
    job.asOf,
    job.since30,
    job.since90,
    job.customers,
    job.stride,
    job.reportCount,
    job.featureCount,
    counters,
    lastLogin,
    reportFlags,
    reportOwner,
  );
  parentPort?.postMessage({ invalid, accumulators: { counters, lastLogin, reportFlags, reportOwner } }, [
    counters.buffer,
    lastLogin.buffer,
    reportFlags.buffer,
    reportOwner.buffer,
  ]);
});
