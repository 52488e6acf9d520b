import type { UsageAccumulators } from '../batch/usage-event-kernel';
import type { UsageEventColumns } from '../batch/usage-signal-columns';

/** What the calling thread sends a worker: a range of the events and the shape of the run. */
export interface WorkerJob {
  readonly columns: UsageEventColumns;
  readonly from: number;
  readonly to: number;
  readonly asOf: number;
  readonly since30: number;
  readonly since90: number;
  readonly customers: number;
  readonly stride: number;
  readonly reportCount: number;
  readonly featureCount: number;
}

/** A worker's answer: its range's accumulators (transferred, not copied) or the first invalid event. */
export interface WorkerAnswer {
  readonly invalid: number;
  readonly accumulators: UsageAccumulators;
}
