import { describe, expect, it } from 'vitest';
import { nextBestServices } from './cross-sell';
import { touchSegmentOf } from './touch-segment';
import { aiMaturityOf, lifetimeValueByEntryPoint, valueTierOf, valueTiers } from './value-tiers';

describe('nextBestServices', () => {
  it('reads the seed matrix row for one owned service', () => {
    expect(nextBestServices(['manual'])).toEqual([
      { service: 'ai-team', probability: 0.85, strongestFrom: 'manual' },
      { service: 'gpts', probability: 0.4, strongestFrom: 'manual' },
      { service: 'agent', probability: 0.25, strongestFrom: 'manual' },
      { service: 'iot', probability: 0.15, strongestFrom: 'manual' },
    ]);
  });

  it('combines owned services as 1 − Π(1 − p): agent + iot → ai-team 1 − 0.55 × 0.6 = 0.67', () => {
    const [first] = nextBestServices(['agent', 'iot']);
    expect(first).toEqual({ service: 'ai-team', probability: 0.67, strongestFrom: 'agent' });
  });

  it('rejects a probability above 1, naming it', () => {
    expect(() => nextBestServices(['a'], { matrix: { a: { b: 1.2 } } })).toThrow(/a\.b/);
  });
});

describe('valueTierOf', () => {
  it('uses the seed lifetime values as tier floors', () => {
    expect(valueTierOf(lifetimeValueByEntryPoint.manual.lifetimeValue).id).toBe('efficiency-seeker');
    expect(valueTierOf(lifetimeValueByEntryPoint.agent.lifetimeValue).id).toBe('innovation-pioneer');
    expect(valueTierOf(50_000_000).id).toBe('ecosystem-builder');
    expect(() => valueTierOf(Number.NaN)).toThrow(/expectedLifetimeValue/);
  });

  it('keeps each tier total equal to its yearly revenue (5.5 M and 16 M)', () => {
    for (const tier of valueTiers.slice(0, 2)) {
      expect(tier.revenueByYear.reduce((sum, value) => sum + value, 0)).toBe(tier.lifetimeValue);
    }
  });
});

describe('aiMaturityOf', () => {
  it('climbs the ladder with the services bought', () => {
    expect(aiMaturityOf([])).toEqual({ level: 0, name: 'Manual operations', nextService: 'manual' });
    expect(aiMaturityOf(['manual'])).toEqual({
      level: 1,
      name: 'Knowledge digitised',
      nextService: 'ai-team',
    });
    expect(aiMaturityOf(['manual', 'agent'])).toMatchObject({ level: 3, nextService: 'iot' });
    expect(aiMaturityOf(['iot'])).toMatchObject({ level: 4, nextService: null });
  });
});

describe('touchSegmentOf', () => {
  it('segments by key-account tag, then by MRR thresholds', () => {
    expect(touchSegmentOf({ mrr: 10_000, tags: ['key-account'] }).segment).toBe('high-touch');
    expect(touchSegmentOf({ mrr: 200_000 }).segment).toBe('high-touch');
    expect(touchSegmentOf({ mrr: 199_999 }).segment).toBe('low-touch');
    expect(touchSegmentOf({ mrr: 50_000 }).segment).toBe('low-touch');
    expect(touchSegmentOf({ mrr: 49_999 })).toEqual({ segment: 'tech-touch', reason: 'MRR 49999 < 50000' });
    expect(touchSegmentOf({ mrr: 60_000 }, { lowTouchMinimumMrr: 100_000 }).segment).toBe('tech-touch');
  });
});
