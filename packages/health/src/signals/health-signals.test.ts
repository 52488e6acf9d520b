import { describe, expect, it, vi } from 'vitest';
import { asOf, b2bSnapshot, daysAgo, daysFromNow, measurements } from '../test-support/snapshot-fixture';
import { healthSignals, healthSnapshotSchema } from './health-signals';

describe('healthSignals', () => {
  const snapshot = b2bSnapshot({
    usageEvents: [
      ...measurements(16),
      { kind: 'measurement', hours: 1, occurredAt: daysAgo(45) },
      { kind: 'login', occurredAt: daysAgo(3.5) },
      { kind: 'report_delivered', reportId: 'a', occurredAt: daysAgo(20) },
      { kind: 'report_delivered', reportId: 'b', occurredAt: daysAgo(10) },
      { kind: 'report_view', reportId: 'a', occurredAt: daysAgo(9) },
      { kind: 'feature_use', feature: 'dashboard', occurredAt: daysAgo(2) },
      { kind: 'feature_use', feature: 'export', occurredAt: daysAgo(2) },
      { kind: 'feature_use', feature: 'beta-only', occurredAt: daysAgo(2) },
    ],
    surveyResponses: [
      { type: 'csat', score: 4, respondedAt: daysAgo(10) },
      { type: 'nps', score: 8, respondedAt: daysAgo(5) },
    ],
    supportTickets: [{ openedAt: daysAgo(4), escalatedAt: daysAgo(3) }],
    invoices: [{ issuedAt: daysAgo(12), dueAt: daysAgo(2), amount: { amount: 80_000 } }],
    interactions: [
      { channel: 'chat', direction: 'inbound', occurredAt: daysAgo(2), text: 'bad', sentiment: 'NEGATIVE' },
      { channel: 'chat', direction: 'inbound', occurredAt: daysAgo(1), text: 'ok', sentiment: 'NEUTRAL' },
    ],
  });
  const signals = healthSignals(snapshot, {
    asOf,
    featureCatalogue: ['dashboard', 'export', 'api', 'alerts'],
  });

  it('derives the four seed signals with their documented formulas', () => {
    expect(signals.usageRate).toBe(16 / 20);
    expect(signals.daysSinceLastLogin).toBe(4);
    expect(signals.reportViewRate).toBe(0.5);
    expect(signals.featureAdoptionRate).toBe(0.5);
  });

  it('derives satisfaction, support, payment, sentiment and contract signals', () => {
    expect(signals.npsScore).toBe(8);
    expect(signals.csatAverage).toBe(4);
    expect(signals.satisfactionRate).toBeCloseTo((0.75 + 0.8) / 2, 12);
    expect(signals.openTickets).toBe(1);
    expect(signals.escalatedTicketsLast90Days).toBe(1);
    expect(signals.daysOverdue).toBe(2);
    expect(signals.daysSinceOldestUnpaidInvoice).toBe(12);
    expect(signals.sentimentNegativeRatio).toBe(0.5);
    expect(signals.daysUntilRenewal).toBe(60);
    expect(signals.usageRate90DayAverage).toBeCloseTo(17 / 3 / 20, 12);
    expect(signals.propertyCoverage).toBe(16 / 100);
  });

  it('leaves featureAdoptionRate without data when no catalogue is given', () => {
    expect(healthSignals(snapshot, { asOf }).featureAdoptionRate).toBeNull();
  });

  it('gives null, not a made-up number, for a customer who never logged in', () => {
    const empty = healthSignals(b2bSnapshot(), { asOf });
    expect(empty.daysSinceLastLogin).toBeNull();
    expect(empty.reportViewRate).toBeNull();
    expect(empty.usageRate).toBe(0);
    expect(empty.daysOverdue).toBe(0);
  });

  it('recomputes day counts at a later asOf', () => {
    const later = healthSignals(snapshot, { asOf: daysFromNow(10) });
    expect(later.daysSinceLastLogin).toBe(14);
    expect(later.daysUntilRenewal).toBe(50);
    expect(later.daysOverdue).toBe(12);
  });

  it('rejects an asOf before the snapshot, naming asOf', () => {
    expect(() => healthSignals(snapshot, { asOf: daysAgo(1) })).toThrow(/asOf/);
  });

  it('validates the snapshot once per call', () => {
    const parse = vi.spyOn(healthSnapshotSchema, 'safeParse');
    try {
      healthSignals({ ...snapshot }, { asOf });
      expect(parse).toHaveBeenCalledTimes(1);
      healthSignals({ ...snapshot }, { asOf: daysFromNow(1) });
      expect(parse).toHaveBeenCalledTimes(2);
    } finally {
      parse.mockRestore();
    }
  });

  it('rejects an invalid snapshot, naming the field', () => {
    const broken = { ...snapshot, usage: { ...snapshot.usage, measurementsLast30Days: -1 } };
    expect(() => healthSignals(broken, { asOf })).toThrow(/usage\.measurementsLast30Days/);
  });
});
