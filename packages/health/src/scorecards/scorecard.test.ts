import { describe, expect, it } from 'vitest';
import { defineScorecard } from '../score/score-health';
import { evaluatePart } from './evaluate-part';
import { scoringPartSchema } from './scorecard';
import { zenbuB2BScorecard } from './zenbu-b2b-scorecard';
import { zenbuB2CScorecard } from './zenbu-b2c-scorecard';

describe('defineScorecard', () => {
  it('accepts the shipped scorecards, whose weights sum to 100', () => {
    for (const input of [zenbuB2BScorecard, zenbuB2CScorecard]) {
      const scorecard = defineScorecard(input);
      const weight = scorecard.components
        .flatMap((component) => component.parts)
        .reduce((sum, part) => sum + part.maxPoints, 0);
      expect(weight).toBe(100);
    }
  });

  it('rejects duplicate component ids and bands that do not reach 100, naming the field', () => {
    const [usage] = zenbuB2BScorecard.components;
    expect(() => defineScorecard({ ...zenbuB2BScorecard, components: [usage, usage] })).toThrow(
      /components\[1\]\.id/,
    );
    expect(() =>
      defineScorecard({
        ...zenbuB2BScorecard,
        bands: [
          { id: 'low', upTo: 40, status: 'red' },
          { id: 'high', upTo: 90, status: 'green' },
        ],
      }),
    ).toThrow(/bands\[1\]\.upTo/);
    expect(() => defineScorecard({ ...zenbuB2BScorecard, components: [{ ...usage, parts: [] }] })).toThrow(
      /components\[0\]\.parts/,
    );
  });
});

describe('evaluatePart', () => {
  it('scores a lower-is-better linear part when from > to: 30 days → 0, 0 days → 10, 6 days → 8', () => {
    const part = scoringPartSchema.parse({
      id: 'recency',
      kind: 'linear',
      signal: 'daysSinceLastLogin',
      maxPoints: 10,
      from: 30,
      to: 0,
    });
    expect([30, 0, 6, 45].map((value) => evaluatePart(part, value).points)).toEqual([0, 10, 8, 0]);
  });

  it('clamps step points to the part maximum and gives the default reason code', () => {
    const part = scoringPartSchema.parse({
      id: 'tickets',
      kind: 'steps',
      signal: 'openTickets',
      maxPoints: 5,
      steps: [{ op: 'lt', value: 1, points: 9 }],
      otherwise: -3,
    });
    expect(evaluatePart(part, 0)).toEqual({ points: 5, reasonCode: 'tickets:lt:1' });
    expect(evaluatePart(part, 4)).toEqual({ points: 0, reasonCode: 'tickets:otherwise' });
  });
});
