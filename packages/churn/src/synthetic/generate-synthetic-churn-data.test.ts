import { customerSnapshotSchema } from '@kizuna/core';
import { describe, expect, it } from 'vitest';
import { generateSyntheticChurnData } from './generate-synthetic-churn-data';

describe('generateSyntheticChurnData', { timeout: 120_000 }, () => {
  it('produces valid core snapshots with one outcome each', () => {
    const data = generateSyntheticChurnData({ customers: 50, seed: 3 });
    expect(data.snapshots).toHaveLength(50);
    for (const snapshot of data.snapshots)
      expect(customerSnapshotSchema.safeParse(snapshot).success).toBe(true);
    expect(data.outcomes.map((outcome) => outcome.customerId)).toEqual(
      data.snapshots.map((snapshot) => snapshot.customer.id),
    );
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const first = generateSyntheticChurnData({ customers: 20, seed: 9 });
    expect(generateSyntheticChurnData({ customers: 20, seed: 9 })).toEqual(first);
    expect(generateSyntheticChurnData({ customers: 20, seed: 10 }).outcomes).not.toEqual(first.outcomes);
  });

  it('churns about 20 % by default and far fewer with a negative shift', () => {
    const rate = (shift: number) =>
      generateSyntheticChurnData({ customers: 1000, seed: 1, churnShift: shift }).outcomes.filter(
        (outcome) => outcome.churned,
      ).length / 1000;
    expect(rate(0)).toBeGreaterThan(0.12);
    expect(rate(0)).toBeLessThan(0.3);
    expect(rate(-4)).toBeLessThan(0.02);
  });

  it('rejects bad options, naming the field', () => {
    expect(() => generateSyntheticChurnData({ customers: 0 })).toThrow(/customers/);
  });
});
