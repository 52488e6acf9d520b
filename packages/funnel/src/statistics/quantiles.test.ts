import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarizeDistribution } from './quantiles';

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
