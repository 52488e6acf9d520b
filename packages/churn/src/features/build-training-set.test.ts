import { describe, expect, it } from 'vitest';
import { generateSyntheticChurnData } from '../synthetic/generate-synthetic-churn-data';
import { buildTrainingSet } from './build-training-set';
import { churnFeatures } from './churn-features';

describe('buildTrainingSet', () => {
  const { snapshots } = generateSyntheticChurnData({ customers: 3, seed: 2 });
  const [first, second, third] = snapshots.map((snapshot) => snapshot.customer.id);

  it('labels each snapshot with its outcome and reports snapshots without one', () => {
    const set = buildTrainingSet(snapshots, [
      { customerId: first!, churned: true },
      { customerId: third!, churned: false },
    ]);
    expect(set.labels).toEqual([1, 0]);
    expect(set.customerIds).toEqual([first, third]);
    expect(set.features[0]).toEqual(churnFeatures(snapshots[0]!).values);
    expect(set.skipped).toEqual([{ customerId: second, reason: 'no outcome for this customer' }]);
    expect(set.counts).toEqual({ rows: 2, churners: 1 });
    expect(set.asOf).toEqual([snapshots[0]!.asOf, snapshots[2]!.asOf]);
  });

  it('rejects two outcomes for one customer, naming the entry', () => {
    expect(() =>
      buildTrainingSet(snapshots, [
        { customerId: first!, churned: true },
        { customerId: first!, churned: false },
      ]),
    ).toThrow(/\[1\]\.customerId/);
  });

  it('rejects an outcome without a boolean', () => {
    expect(() =>
      buildTrainingSet(snapshots, [{ customerId: first!, churned: 'yes' as unknown as boolean }]),
    ).toThrow(/churned/);
  });
});
