/** A request to a prediction worker: score rows `start … end − 1` of shared arrays. */
export interface RangeRequest {
  /** Row-major feature values on a `SharedArrayBuffer`. */
  readonly values: Float64Array;
  /** Output on a `SharedArrayBuffer`; the worker writes only its range. */
  readonly scores: Float64Array;
  readonly start: number;
  readonly end: number;
  /** Apply σ after scoring. */
  readonly probability: boolean;
}

/** A worker's answer to each request, in order: `error` is `null` when the range was written. */
export interface RangeResponse {
  readonly error: string | null;
}
