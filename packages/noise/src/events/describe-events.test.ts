import { describe, expect, it } from 'vitest';
import { analyzeSignal } from '../analysis/analyze-signal';
import { synthesizeRecording } from '../testing/synthesize-recording';
import { classifyEvent, type EventFeatures } from './classify-event';
import { detectEventSpans } from './detect-event-spans';
import { assessLowFrequency } from './low-frequency';
import { matchDiary } from './match-diary';

const sampleRate = 16_000;
// 23:00 Tokyo: footsteps, voices, TV, a compressor and a passing car over a 28 dB room.
const recording = synthesizeRecording({
  sampleRate,
  durationSeconds: 200,
  backgroundLaeq: 28,
  seed: 1,
  sounds: [
    { kind: 'footsteps', startSeconds: 10, durationSeconds: 5, laeq: 50 },
    { kind: 'voices', startSeconds: 25, durationSeconds: 8, laeq: 50 },
    { kind: 'music-tv', startSeconds: 40, durationSeconds: 30, laeq: 48 },
    { kind: 'equipment-hum', startSeconds: 80, durationSeconds: 50, laeq: 45 },
    { kind: 'traffic', startSeconds: 140, durationSeconds: 12, laeq: 50 },
    { kind: 'footsteps', startSeconds: 170, durationSeconds: 1, laeq: 50 },
  ],
});
const analysis = analyzeSignal(recording, { sampleRate, unit: 'pascal', startTime: '2026-11-20T14:00:00Z' });

describe('describeEvents', () => {
  it('finds each placed sound as one event at the right time', () => {
    expect(analysis.events.map((event) => Math.round(event.startOffsetSeconds))).toEqual([
      10, 25, 40, 80, 142, 170,
    ]);
    expect(analysis.eventThreshold.background).toBeCloseTo(28, 0);
  });

  it('classifies footsteps, voices, music/TV, equipment hum and traffic', () => {
    expect(analysis.events.map((event) => event.classification.kind)).toEqual([
      'footsteps',
      'voices',
      'music-tv',
      'equipment-hum',
      'traffic',
      'footsteps',
    ]);
    for (const event of analysis.events) expect(event.classification.confidence).toBeGreaterThan(0.4);
  });

  it('gives each event its level, SEL, spectrum and flags', () => {
    const [footsteps, voices] = analysis.events;
    expect(Math.abs(footsteps!.laeq - 50)).toBeLessThan(1.5);
    expect(footsteps!.lmax).toBeGreaterThan(footsteps!.laeq);
    expect(footsteps!.sel).toBeCloseTo(footsteps!.laeq + 10 * Math.log10(footsteps!.durationSeconds), 6);
    expect(footsteps!.night).toBe(true);
    expect(footsteps!.lowFrequency).toBe(true);
    expect(voices!.lowFrequency).toBe(false);
    expect(footsteps!.thirdOctave).toHaveLength(analysis.thirdOctave.length);
    expect(footsteps!.startTime).toBe('2026-11-20T14:00:10.000Z');
  });
});

describe('detectEventSpans', () => {
  it('merges runs separated by short gaps and drops short runs', () => {
    expect(detectEventSpans([30, 50, 52, 30, 30, 51, 30], 45, 1, 1)).toEqual([
      { startIndex: 1, endIndex: 3 },
      { startIndex: 5, endIndex: 6 },
    ]);
    expect(detectEventSpans([30, 50, 52, 30, 30, 51, 30], 45, 2, 1)).toEqual([
      { startIndex: 1, endIndex: 6 },
    ]);
    expect(detectEventSpans([30, 50, 30, 50, 50, 30], 45, 0, 2)).toEqual([{ startIndex: 3, endIndex: 5 }]);
  });
});

describe('classifyEvent', () => {
  it('says unknown when nothing fits well', () => {
    const features: EventFeatures = {
      durationSeconds: 200,
      crestDecibels: 20,
      fluctuationDecibels: 15,
      riseShare: 0.99,
      plateauShare: 0.05,
      impulsesPerSecond: 0,
      centroidHz: 15_000,
      lowFrequencyShare: 0,
      speechBandShare: 0,
      tonalProminenceDecibels: 0,
    };
    expect(classifyEvent(features).kind).toBe('unknown');
  });
});

describe('assessLowFrequency', () => {
  it('flags a band at the Ministry of the Environment reference value and a large C − A difference', () => {
    expect(assessLowFrequency([{ nominalHz: 40, leq: 57 }], null).lowFrequency).toBe(true);
    expect(assessLowFrequency([{ nominalHz: 40, leq: 56.9 }], 14.9).lowFrequency).toBe(false);
    expect(assessLowFrequency([], 15).reasons[0]).toMatch(/LCeq − LAeq/);
  });
});

describe('matchDiary', () => {
  it('matches entries to the nearest events within the tolerance', () => {
    const matches = matchDiary(
      analysis.events,
      [
        { time: '2026-11-20T14:00:12Z', note: 'thumping from upstairs' },
        { time: '2026-11-20T14:02:48Z', note: 'something else' },
        { time: '2026-11-20T15:30:00Z', note: 'long after the recording' },
      ],
      10,
    );
    expect(matches[0]!.eventIds).toEqual(['E1']);
    expect(matches[1]!.eventIds[0]).toBe('E6');
    expect(matches[2]!.eventIds).toEqual([]);
    expect(() => matchDiary(analysis.events, [{ time: 'yesterday', note: '' }])).toThrow(/time/);
  });
});
