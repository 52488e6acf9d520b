/** An append-only Float32 series that grows by doubling; the history of an analysis. */
export interface GrowableSeries {
  push(value: number): void;
  readonly length: number;
  /** A copy of the values pushed so far, trimmed to length. */
  toArray(): Float32Array;
}

/** Creates an empty {@link GrowableSeries}. */
export function createGrowableSeries(initialCapacity = 1024): GrowableSeries {
  let values = new Float32Array(initialCapacity);
  let length = 0;
  return {
    push(value: number) {
      if (length === values.length) {
        const larger = new Float32Array(values.length * 2);
        larger.set(values);
        values = larger;
      }
      values[length] = value;
      length += 1;
    },
    get length() {
      return length;
    },
    toArray() {
      return values.slice(0, length);
    },
  };
}
