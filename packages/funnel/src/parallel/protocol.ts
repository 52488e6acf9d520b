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
  readonly timing: boolean;
}

/** What one user range gave: users per furthest step and each step's times (see `range.ts`). */
export interface RangePart {
  readonly tally: Int32Array;
  /** Per step s ≥ 1 (index s − 1): times from the previous step, then from step 0. */
  readonly fromPrevious: Float64Array[];
  readonly fromFirst: Float64Array[];
}

/** A worker's answer: the part, or an error message. */
export type RangeResponse =
  | { readonly id: number; readonly part: RangePart; readonly error: null }
  | { readonly id: number; readonly part: null; readonly error: string };
