import { KizunaValidationError } from '@kizuna/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeLevels } from './analyze-levels';
import { exceededLevel } from './percentile-levels';

describe('exceededLevel', () => {
  it('returns the level exceeded N % of the time by the nearest-rank rule', () => {
    const levels = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(exceededLevel(levels, 90)).toBe(11);
    expect(exceededLevel(levels, 50)).toBe(51);
    expect(exceededLevel(levels, 10)).toBe(91);
    expect(exceededLevel(levels, 5)).toBe(96);
    expect(exceededLevel([], 90)).toBe(Number.NEGATIVE_INFINITY);
  });

  it('orders L5 ≥ L10 ≥ L50 ≥ L90 ≥ L95 and keeps them within the series range', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 130, noNaN: true }), { minLength: 1, maxLength: 300 }),
        (levels) => {
          const values = [5, 10, 50, 90, 95].map((percent) => exceededLevel(levels, percent));
          for (let index = 1; index < values.length; index += 1)
            expect(values[index]).toBeLessThanOrEqual(values[index - 1]!);
          expect(values[0]).toBeLessThanOrEqual(Math.max(...levels));
          expect(values[4]).toBeGreaterThanOrEqual(Math.min(...levels));
        },
      ),
    );
  });
});

describe('analyzeLevels', () => {
  it('finds the known L90 and LAeq of a level series', () => {
    // 10 minutes per second: 540 s at 40 dB and 60 s at 70 dB.
    const series = [...Array.from({ length: 540 }, () => 40), ...Array.from({ length: 60 }, () => 70)];
    const analysis = analyzeLevels(series, { intervalSeconds: 1 });
    expect(analysis.percentiles.l90).toBe(40);
    expect(analysis.percentiles.l5).toBe(70);
    expect(analysis.percentiles.l10).toBe(70);
    expect(analysis.percentiles.l50).toBe(40);
    expect(analysis.laeq).toBeCloseTo(10 * Math.log10((540 * 1e4 + 60 * 1e7) / 600), 6);
    expect(analysis.sel).toBeCloseTo(analysis.laeq + 10 * Math.log10(600), 6);
    expect(analysis.lmax).toBe(70);
    expect(analysis.lmin).toBe(40);
  });

  it('splits the series into 環境基準 day and night on the Tokyo clock', () => {
    // 20:00–24:00 Tokyo (11:00–15:00 UTC), one value per minute: 50 dB before 22:00, 40 dB after.
    const series = Array.from({ length: 240 }, (_, minute) => (minute < 120 ? 50 : 40));
    const analysis = analyzeLevels(series, { intervalSeconds: 60, startTime: '2026-11-20T11:00:00Z' });
    const day = analysis.timeBands!.environmental.find((stretch) => stretch.band === 'day')!;
    const night = analysis.timeBands!.environmental.find((stretch) => stretch.band === 'night')!;
    expect(day.laeq).toBeCloseTo(50, 5);
    expect(day.durationSeconds).toBe(7200);
    expect(night.laeq).toBeCloseTo(40, 5);
    expect(night.date).toBe('2026-11-20');
    expect(analysis.timeBands!.hourly.map((hour) => hour.localHour)).toEqual([
      '2026-11-20T20',
      '2026-11-20T21',
      '2026-11-20T22',
      '2026-11-20T23',
    ]);
    const evening = analysis.timeBands!.regulation.find((stretch) => stretch.band === 'evening')!;
    expect(evening.durationSeconds).toBe(3 * 3600);
  });

  it('finds events above L90 + margin', () => {
    const series = Array.from({ length: 300 }, (_, second) => (second >= 100 && second < 104 ? 65 : 35));
    const analysis = analyzeLevels(series, { intervalSeconds: 1, startTime: '2026-11-20T14:00:00Z' });
    expect(analysis.events).toHaveLength(1);
    const [event] = analysis.events;
    expect(event!.startOffsetSeconds).toBe(100);
    expect(event!.durationSeconds).toBe(4);
    expect(event!.lmax).toBe(65);
    expect(event!.sel).toBeCloseTo(65 + 10 * Math.log10(4), 6);
    expect(event!.night).toBe(true);
    expect(event!.thirdOctave).toBeNull();
  });

  it('treats −Infinity as below range and rejects NaN', () => {
    const analysis = analyzeLevels([Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY]);
    expect(analysis.laeq).toBe(Number.NEGATIVE_INFINITY);
    expect(analysis.warnings.map((warning) => warning.code)).toContain('BELOW_RANGE');
    expect(() => analyzeLevels([40, Number.NaN])).toThrow(/series\[1\]/);
    expect(() => analyzeLevels([])).toThrow(KizunaValidationError);
    expect(() => analyzeLevels([40], { intervalSeconds: 0 })).toThrow(/intervalSeconds/);
  });
});
