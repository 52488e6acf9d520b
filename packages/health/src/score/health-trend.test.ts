import { describe, expect, it } from 'vitest';
import { healthTrend } from './health-trend';

const at = (day: number) => new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString();

describe('healthTrend', () => {
  it('gives the least-squares slope in points per 30 days', () => {
    expect(
      healthTrend([
        { asOf: at(0), score: 80 },
        { asOf: at(30), score: 70 },
      ]),
    ).toEqual({
      slopePer30Days: -10,
      direction: 'declining',
      points: 2,
    });
    // scores 60, 62, 67 at days 0, 15, 30: slope = Σ(x−x̄)(y−ȳ)/Σ(x−x̄)² = (−15·−3 + 15·4)/450 = 7/30 per day
    expect(
      healthTrend([
        { asOf: at(15), score: 62 },
        { asOf: at(0), score: 60 },
        { asOf: at(30), score: 67 },
      ]),
    ).toMatchObject({
      slopePer30Days: 7,
      direction: 'improving',
    });
  });

  it('uses only the latest window of scores', () => {
    const history = [
      { asOf: at(0), score: 10 },
      { asOf: at(30), score: 90 },
      { asOf: at(60), score: 90 },
    ];
    expect(healthTrend(history, { window: 2 })).toEqual({
      slopePer30Days: 0,
      direction: 'stable',
      points: 2,
    });
  });

  it('calls a move within ±stableWithin stable, and one score insufficient', () => {
    expect(
      healthTrend([
        { asOf: at(0), score: 50 },
        { asOf: at(30), score: 51.5 },
      ]).direction,
    ).toBe('stable');
    expect(healthTrend([{ asOf: at(0), score: 50 }])).toEqual({
      slopePer30Days: null,
      direction: 'insufficient-data',
      points: 1,
    });
  });

  it('rejects a score out of range, naming it', () => {
    expect(() => healthTrend([{ asOf: at(0), score: 120 }])).toThrow(/\[0\]\.score/);
  });
});
