import { describe, expect, it } from 'vitest';
import { backtestScorecard } from './backtest-scorecard';

const t0 = '2026-01-01T00:00:00.000Z';
const t1 = '2026-02-01T00:00:00.000Z';
const entry = (customerId: string, asOf: string, score: number, band: string) => ({
  customerId,
  asOf,
  score,
  band,
});

const history = [
  entry('a', t0, 30, 'red'),
  entry('a', t1, 25, 'red'),
  entry('b', t0, 55, 'yellow'),
  entry('b', t1, 35, 'red'),
  entry('c', t0, 80, 'green'),
  entry('c', t1, 85, 'green'),
  entry('d', t0, 75, 'green'),
  entry('d', t1, 60, 'yellow'),
  entry('e', t0, 20, 'red'),
  entry('f', t0, 38, 'red'),
  entry('g', t0, 90, 'green'),
];
const outcomes = [
  { customerId: 'a', churnedAt: '2026-02-20T00:00:00Z' },
  { customerId: 'b', churnedAt: '2026-04-15T00:00:00Z' },
  { customerId: 'c', churnedAt: null },
  { customerId: 'd' },
  { customerId: 'e', churnedAt: t0 },
  { customerId: 'f' },
  { customerId: 'g', churnedAt: '2026-03-01T00:00:00Z' },
];

describe('backtestScorecard', () => {
  const report = backtestScorecard(history, outcomes, { horizonDays: 90, leadDays: 30 });

  it('gives the churn rate per band, lowest score first', () => {
    expect(report.bands).toEqual([
      { band: 'red', status: 'red', observations: 4, churned: 3, churnRate: 0.75 },
      { band: 'yellow', status: 'yellow', observations: 2, churned: 0, churnRate: 0 },
      { band: 'green', status: 'green', observations: 4, churned: 1, churnRate: 0.25 },
    ]);
  });

  it('drops scores taken at or after churn and counts churn within the horizon only', () => {
    // e's only score is at its churn instant; b churned 104 days after t0 but 73 after t1.
    expect(report).toMatchObject({
      observations: 10,
      churnedObservations: 4,
      baseChurnRate: 0.4,
      censored: 0,
    });
  });

  it('gives the lift of red over the base rate and precision / recall of red as a churn flag', () => {
    expect(report.flaggedLift).toBeCloseTo(0.75 / 0.4, 12);
    expect(report.precision).toBe(0.75);
    expect(report.recall).toBe(0.75);
  });

  it('gives the share of churners not green 30 days before churning', () => {
    expect(report.churnersNotGreenBefore).toEqual({ churners: 4, withScore: 3, notGreen: 2, share: 2 / 3 });
  });

  it('censors scores whose horizon ends after the observed data', () => {
    expect(backtestScorecard(history, outcomes, { observedUntil: '2026-04-15T00:00:00Z' })).toMatchObject({
      censored: 2,
      observations: 8,
    });
  });

  it('can flag yellow as well', () => {
    const wider = backtestScorecard(history, outcomes, { flagStatuses: ['red', 'yellow'] });
    expect([wider.precision, wider.recall]).toEqual([0.5, 0.75]);
  });

  it('reports nulls, not NaN, without observations or churn', () => {
    expect(backtestScorecard([], [])).toMatchObject({
      baseChurnRate: 0,
      flaggedLift: null,
      precision: null,
      recall: null,
    });
  });

  it('rejects an entry without a status, naming it', () => {
    expect(() => backtestScorecard([{ customerId: 'a', asOf: t0, score: 50, band: 'amber' }], [])).toThrow(
      /\[0\]\.status/,
    );
  });
});
