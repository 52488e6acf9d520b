/**
 * A small, fast, seeded pseudo-random generator (SplitMix32-style mixing of a Weyl sequence). The
 * same seed gives the same sequence on every machine, which keeps training deterministic.
 *
 * @param seed - any integer; only its low 32 bits are used
 * @returns a function giving numbers uniformly in [0, 1)
 * @example
 * ```ts fragment
 * const random = createSeededRandom(42);
 * random(); // 0.…, the same on every run
 * ```
 */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 16), 0x85ebca6b);
    mixed = Math.imul(mixed ^ (mixed >>> 13), 0xc2b2ae35);
    mixed ^= mixed >>> 16;
    return (mixed >>> 0) / 4294967296;
  };
}

/**
 * Shuffles the first `length` entries of `values` in place with a seeded generator (Fisher–Yates).
 *
 * @example
 * ```ts fragment
 * shuffleInPlace(new Uint32Array([0, 1, 2, 3]), createSeededRandom(1));
 * ```
 */
export function shuffleInPlace<Values extends { length: number; [index: number]: number }>(
  values: Values,
  random: () => number,
  length: number = values.length,
): Values {
  for (let index = length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    const swap = values[index]!;
    values[index] = values[other]!;
    values[other] = swap;
  }
  return values;
}
