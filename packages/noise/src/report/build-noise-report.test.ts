import { describe, expect, it } from 'vitest';
import { analyzeSignal } from '../analysis/analyze-signal';
import { analyzeLevels } from '../levels/analyze-levels';
import { synthesizeRecording } from '../testing/synthesize-recording';
import { buildNoiseReport } from './build-noise-report';

const sampleRate = 8000;
// 22:00–22:02 Tokyo: footsteps at night over a 38 dB room.
const recording = synthesizeRecording({
  sampleRate,
  durationSeconds: 120,
  backgroundLaeq: 38,
  seed: 4,
  sounds: [
    { kind: 'footsteps', startSeconds: 30, durationSeconds: 6, laeq: 62 },
    { kind: 'footsteps', startSeconds: 80, durationSeconds: 4, laeq: 60 },
  ],
});
const analysis = analyzeSignal(recording, { sampleRate, unit: 'pascal', startTime: '2026-11-20T13:00:00Z' });

describe('buildNoiseReport', () => {
  const report = buildNoiseReport(analysis, {
    areaType: 'A',
    location: 'Living room, 2F',
    diary: [{ time: '2026-11-20T13:00:31Z', note: 'running upstairs' }],
  });

  it('compares the night with the standard and says by how many dB it was exceeded', () => {
    const night = report.data.standard.find((comparison) => comparison.band === 'night')!;
    expect(night.limit).toBe(45);
    expect(night.met).toBe(false);
    expect(night.exceedanceDecibels).toBeCloseTo(analysis.laeq - 45, 1);
    expect(report.data.findings[0]).toMatch(/exceeds the A limit of 45 dB by/);
  });

  it('lists the events with their kind, night flag and the matching diary note', () => {
    expect(report.data.events).toHaveLength(2);
    expect(report.data.events.every((event) => event.kind === 'footsteps' && event.night === true)).toBe(
      true,
    );
    expect(report.data.events[0]!.diaryNotes).toEqual(['running upstairs']);
    expect(report.data.events[0]!.start).toBe('2026-11-20 22:00:30');
  });

  it('renders Markdown and an HTML page with both SVG charts', () => {
    expect(report.markdown).toMatch(/^# Noise measurement report/);
    expect(report.markdown).toContain('## Limits of this measurement');
    expect(report.markdown).toContain('| E1 | 2026-11-20 22:00:30 |');
    expect(report.html.match(/<svg /g)).toHaveLength(2);
    expect(report.html).toContain('night limit 45 dB');
    expect(report.html).toContain('Living room, 2F');
  });

  it('compares LA5 with the site limits of the Noise Regulation Act when given', () => {
    // 22:00 in Tokyo is in the evening band (19–23) of the Act.
    const regulated = buildNoiseReport(analysis, {
      areaType: 'A',
      regulationLimits: { evening: 40, day: 50 },
    });
    const [evening, ...others] = regulated.data.regulationComparisons;
    expect(others).toEqual([]);
    expect(evening).toMatchObject({ band: 'evening', limit: 40, met: false });
    expect(evening!.exceedanceDecibels).toBeCloseTo(evening!.la5 - 40, 1);
    expect(regulated.markdown).toMatch(/\| evening \| 2026-11-20 \|.*\| 40 \| exceeded by/);
    expect(
      regulated.data.findings.some((finding) => finding.includes('Noise Regulation Act limit of 40 dB')),
    ).toBe(true);
  });

  it('escapes what the customer wrote', () => {
    const escaped = buildNoiseReport(analysis, {
      areaType: 'A',
      diary: [{ time: '2026-11-20T13:00:31Z', note: '<script>alert(1)</script> | pipe' }],
    });
    expect(escaped.html).not.toContain('<script>');
    expect(escaped.markdown).toContain('\\| pipe');
  });

  it('reports a level series without a spectrum and with its own limits', () => {
    const levels = analyzeLevels(
      Array.from({ length: 600 }, (_, second) => (second % 100 < 3 ? 58 : 40)),
      { intervalSeconds: 1, startTime: '2026-11-20T03:00:00Z' },
    );
    const seriesReport = buildNoiseReport(levels, { areaType: 'B' });
    expect(seriesReport.data.thirdOctave).toBeNull();
    expect(seriesReport.data.measurement.source).toBe('level series');
    expect(seriesReport.html.match(/<svg /g)).toHaveLength(1);
    expect(seriesReport.data.standard[0]!.band).toBe('day');
    expect(seriesReport.data.events).toHaveLength(6);
  });

  it('shows silence as below range', () => {
    const silent = analyzeSignal(new Float32Array(8000), { sampleRate, unit: 'pascal' });
    const silentReport = buildNoiseReport(silent, { areaType: 'A' });
    expect(silentReport.markdown).toContain('| LAeq | below range |');
    expect(silentReport.markdown).toContain('silent');
  });

  it('rejects an unknown area type', () => {
    expect(() => buildNoiseReport(analysis, { areaType: 'Z' as 'A' })).toThrow(/areaType/);
  });
});
