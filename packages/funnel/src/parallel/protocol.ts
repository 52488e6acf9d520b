import type { CompiledFunnel } from '../events/funnel-matcher';

/** A request to a funnel worker: run the funnel over users `userFrom … userTo − 1` of shared columns. */
export interface RangeRequest {
  readonly id: number;
  readonly plan: CompiledFunnel;
  /** The event columns, on `SharedArrayBuffer`s. */
  readonly user: Int32Array;
  readonly name: Uint8Array | Uint16Array;
  readonly timestamp: Float64Array;
  readonly userFrom: number;
  readonly userTo: number;
  /**
   * With time to convert: where step s's times go, on `SharedArrayBuffer`s, (s − 1) × userCount
   * onwards per step; this range writes from (s − 1) × userCount + userFrom (it has at most
   * userTo − userFrom users).
   */
  readonly times: {
    readonly userCount: number;
    readonly fromPrevious: Float64Array;
    readonly fromFirst: Float64Array;
  } | null;
}

/** What one user range gave: users per furthest step and, with times, where each step's times end. */
export interface RangePart {
  readonly tally: Int32Array;
  /** Per step: the end of this range's times (the sink cursor after the run). */
  readonly timesEnd: Int32Array | null;
}

/** A worker's answer: the part, or an error message. */
export type RangeResponse =
  | { readonly id: number; readonly part: RangePart; readonly error: null }
  | { readonly id: number; readonly part: null; readonly error: string };
