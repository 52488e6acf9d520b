import type { StepEventBuckets } from '../events/bucket-simple-funnel';
import type { ColumnScan } from '../events/event-input';
import type { CompiledFunnel } from '../events/funnel-matcher';
import type { DistributionSummary } from '../statistics/quantiles';

/**
 * With time to convert: where step s's times go, on `SharedArrayBuffer`s, (s − 1) × userCount
 * onwards per step; a range of users starting at user f writes from (s − 1) × userCount + f (it
 * has room for all of its users).
 */
export interface SharedStepTimes {
  readonly userCount: number;
  readonly fromPrevious: Float64Array;
  readonly fromFirst: Float64Array;
}

/**
 * One piece of work of a funnel call, run by the calling thread or a worker; every array lives in
 * a `SharedArrayBuffer`, so threads read and write them in place. A call runs its steps in
 * order, each split over the threads: `scan` (validation), then `slice` (rows in user order) or
 * `count`, `scatter` and `blocks` (rows in any order), then `summarize`.
 */
export type FunnelTask =
  /** {@link ColumnScan} of events `from … to − 1`. */
  | {
      readonly kind: 'scan';
      readonly user: Int32Array;
      readonly name: Uint8Array | Uint16Array;
      readonly timestamp: Float64Array;
      readonly from: number;
      readonly to: number;
    }
  /** Users `userFrom … userTo − 1` of rows in user order: their events are one slice. */
  | {
      readonly kind: 'slice';
      readonly plan: CompiledFunnel;
      readonly user: Int32Array;
      readonly name: Uint8Array | Uint16Array;
      readonly timestamp: Float64Array;
      readonly userFrom: number;
      readonly userTo: number;
      readonly times: SharedStepTimes | null;
    }
  /** Step events per range among events `from … to − 1`, into `counts`. */
  | {
      readonly kind: 'count';
      readonly plan: CompiledFunnel;
      readonly user: Int32Array;
      readonly name: Uint8Array | Uint16Array;
      readonly from: number;
      readonly to: number;
      readonly counts: Int32Array;
    }
  /** Events `from … to − 1` scattered to their segments from `cursor` on. */
  | {
      readonly kind: 'scatter';
      readonly plan: CompiledFunnel;
      readonly user: Int32Array;
      readonly name: Uint8Array | Uint16Array;
      readonly timestamp: Float64Array;
      readonly from: number;
      readonly to: number;
      readonly cursor: Int32Array;
      readonly eventTime: Float64Array;
      readonly eventKey: Uint16Array;
    }
  /** Blocks `blockFrom … blockTo − 1` of the scattered step events. */
  | {
      readonly kind: 'blocks';
      readonly plan: CompiledFunnel;
      readonly buckets: StepEventBuckets;
      readonly userCount: number;
      readonly blockFrom: number;
      readonly blockTo: number;
      readonly times: SharedStepTimes | null;
    }
  /** The summary of each array (views of the shared step times). */
  | { readonly kind: 'summarize'; readonly values: readonly Float64Array[] };

/** What one user range gave: users per furthest step and, with times, where each step's times end. */
export interface RangePart {
  readonly tally: Int32Array;
  /** Per step: the end of this range's times (the sink cursor after the run). */
  readonly timesEnd: Int32Array | null;
}

/** What a task gives: a scan, a range's part, summaries, or nothing (it wrote shared memory). */
export type TaskResult = ColumnScan | RangePart | readonly (DistributionSummary | null)[] | null;

/** A worker's answer to a task, in the order of the tasks: the result, or an error message. */
export type TaskResponse =
  | { readonly result: TaskResult; readonly error: null }
  | { readonly result: null; readonly error: string };
