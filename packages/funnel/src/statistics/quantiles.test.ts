import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarizeDistribution, summarizeInPlace } from './quantiles';

describe('summarizeDistribution', () => {
  it('interpolates percentiles between the closest ranks', () => {
    // Sorted 1, 2, 3, 4: median at h = 1.5 → 2.5; p90 at h = 2.7 → 3.7; p95 at h = 2.85 → 3.85.
    const summary = summarizeDistribution([4, 1, 3, 2])!;
    expect(summary).toMatchObject({ count: 4, mean: 2.5, median: 2.5, minimum: 1, maximum: 4 });
    expect(summary.p90).toBeCloseTo(3.7, 12);
    expect(summary.p95).toBeCloseTo(3.85, 12);
    expect(summarizeDistribution([])).toBeNull();
  });

  it('agrees with percentiles read from the sorted values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 60 }),
        (values) => {
          const sorted = [...values].sort((left, right) => left - right);
          const at = (q: number) => {
            const position = (sorted.length - 1) * q;
            const lower = Math.floor(position);
            const upper = Math.min(lower + 1, sorted.length - 1);
            return sorted[lower]! + (position - lower) * (sorted[upper]! - sorted[lower]!);
          };
          const summary = summarizeDistribution(values)!;
          expect(summary.median).toBeCloseTo(at(0.5), 9);
          expect(summary.p90).toBeCloseTo(at(0.9), 9);
          expect(summary.p95).toBeCloseTo(at(0.95), 9);
        },
      ),
    );
  });
});

describe('summarizeInPlace on large inputs (bucketed selection)', () => {
  /** Percentile read from fully sorted values, the definition. */
  function fromSorted(values: Float64Array, q: number): number {
    const sorted = Float64Array.from(values).sort();
    const position = (sorted.length - 1) * q;
    const lower = Math.floor(position);
    const upper = Math.min(lower + 1, sorted.length - 1);
    return sorted[lower]! + (position - lower) * (sorted[upper]! - sorted[lower]!);
  }

  // Deterministic pseudo-random values (xorshift), 70,001 of them: above the 65,536 threshold.
  function generate(seed: number, map: (unit: number) => number): Float64Array {
    let state = seed;
    return Float64Array.from({ length: 70_001 }, () => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return map((state >>> 0) / 4_294_967_296);
    });
  }

  it.each([
    ['durations in whole minutes, many ties', (unit: number) => Math.floor(unit * 600) * 60_000],
    ['spread over many orders of magnitude', (unit: number) => Math.exp(unit * 40)],
    ['negative and positive, zero included', (unit: number) => Math.round((unit - 0.5) * 2000) / 8],
    ['all equal', () => 42],
  ])('gives the exact percentiles for %s', (_label, map) => {
    const values = generate(2463534242, map);
    const reference = Float64Array.from(values);
    const summary = summarizeInPlace(values)!;
    expect(summary.count).toBe(70_001);
    expect(summary.median).toBe(fromSorted(reference, 0.5));
    expect(summary.p90).toBe(fromSorted(reference, 0.9));
    expect(summary.p95).toBe(fromSorted(reference, 0.95));
    expect(summary.minimum).toBe(Math.min(...reference));
    expect(summary.maximum).toBe(Math.max(...reference));
  });

  it('falls back to quickselect when a value is NaN: the mean says so, nothing throws', () => {
    const values = generate(2463534242, (unit) => unit * 1000);
    values[500] = Number.NaN;
    const summary = summarizeInPlace(values)!;
    expect(summary.count).toBe(70_001);
    expect(summary.mean).toBeNaN();
  });
});
