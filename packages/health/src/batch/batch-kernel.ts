/** The columns a batch kernel reads. */
export interface BatchKernelInput {
  readonly count: number;
  /** Signal values per part of the plan (`null` when the column is absent); `NaN` = no data. */
  readonly values: readonly (Float64Array | null)[];
  /** Previous points per part, read by `carry-forward` parts (`null` when absent); `NaN` = none. */
  readonly carried: readonly (Float64Array | null)[];
}

/** The columns a batch kernel writes (allocated by the caller, `count` entries each). */
export interface BatchKernelOutput {
  readonly scores: Float64Array;
  readonly coverage: Float64Array;
  readonly bandIndex: Uint8Array;
  /** One column per component, or none when contributions are not wanted. */
  readonly components: readonly Float64Array[];
  /** One column per component rule of the plan (1 = fires), or none when rules are not wanted. */
  readonly componentRuleFlags: readonly Uint8Array[];
}

/**
 * A batch kernel: scores `input.count` customers in one pass. `invalid(part, index)` builds the error
 * thrown for an infinite value.
 */
export type BatchKernel = (
  input: BatchKernelInput,
  output: BatchKernelOutput,
  invalid: (part: number, index: number) => Error,
) => void;
