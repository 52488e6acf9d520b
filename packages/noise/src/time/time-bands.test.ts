import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareWithEnvironmentalStandard,
  environmentalStandardLimits,
} from '../standards/environmental-standard';
import { analyzeTimeBands } from './time-bands';

describe('analyzeTimeBands', () => {
  it('gives every interval to exactly one band of each scheme and one hour', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 0, max: 86_400 * 365 }),
        fc.constantFrom(1, 10, 60),
        (count, offsetSeconds, intervalSeconds) => {
          const laeq = Array.from({ length: count }, (_, index) => 30 + (index % 17));
          const bands = analyzeTimeBands({
            laeq,
            intervalSeconds,
            startMilliseconds: Date.parse('2026-01-01T00:00:00Z') + offsetSeconds * 1000,
            timeZone: 'Asia/Tokyo',
          });
          const total = count * intervalSeconds;
          const sum = (stretches: readonly { durationSeconds: number }[]) =>
            stretches.reduce((accumulated, stretch) => accumulated + stretch.durationSeconds, 0);
          expect(sum(bands.environmental)).toBeCloseTo(total, 6);
          expect(sum(bands.regulation)).toBeCloseTo(total, 6);
          expect(sum(bands.hourly)).toBeCloseTo(total, 6);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('follows the local clock across a daylight-saving change', () => {
    // New York, 2026-03-08: clocks jump from 02:00 to 03:00; 22:00 local is 02:00 UTC the next day.
    const bands = analyzeTimeBands({
      laeq: Array.from({ length: 24 }, () => 40),
      intervalSeconds: 3600,
      startMilliseconds: Date.parse('2026-03-08T05:00:00Z'),
      timeZone: 'America/New_York',
    });
    expect(bands.hourly.map((hour) => hour.localHour).slice(0, 3)).toEqual([
      '2026-03-08T00',
      '2026-03-08T01',
      '2026-03-08T03',
    ]);
    const night = bands.environmental.filter((stretch) => stretch.band === 'night');
    expect(night.map((stretch) => stretch.date)).toEqual(['2026-03-07', '2026-03-08']);
  });
});

describe('compareWithEnvironmentalStandard', () => {
  it('says met or by how many dB a stretch exceeds the limit of its area type', () => {
    const occurrences = [
      {
        band: 'day',
        date: '2026-11-20',
        startTime: '',
        durationSeconds: 16 * 3600,
        laeq: 54.9,
        la5: 60,
        lmax: 70,
      },
      {
        band: 'night',
        date: '2026-11-20',
        startTime: '',
        durationSeconds: 4 * 3600,
        laeq: 47.26,
        la5: 50,
        lmax: 60,
      },
      {
        band: 'morning',
        date: '2026-11-20',
        startTime: '',
        durationSeconds: 3600,
        laeq: 80,
        la5: 80,
        lmax: 80,
      },
    ];
    const [day, night, ...others] = compareWithEnvironmentalStandard(occurrences, 'A');
    expect(others).toEqual([]);
    expect(day).toMatchObject({ band: 'day', limit: 55, met: true, exceedanceDecibels: 0, coverage: 1 });
    expect(night).toMatchObject({
      band: 'night',
      limit: 45,
      met: false,
      exceedanceDecibels: 2.3,
      coverage: 0.5,
    });
  });

  it('has the 環境基準 limits of every area type', () => {
    expect(environmentalStandardLimits.AA).toEqual({ day: 50, night: 40 });
    expect(environmentalStandardLimits.C).toEqual({ day: 60, night: 50 });
    expect(environmentalStandardLimits['road-facing-B-C']).toEqual({ day: 65, night: 60 });
    expect(environmentalStandardLimits['trunk-road']).toEqual({ day: 70, night: 65 });
    expect(environmentalStandardLimits.indoor).toEqual({ day: 45, night: 40 });
  });
});
