import type { ScoringPart } from './scorecard';

/** Rounds away floating-point noise (0.1 × 3) so equal inputs print and compare equal. */
export function roundPoints(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function holds(op: 'gte' | 'gt' | 'lte' | 'lt', value: number, limit: number): boolean {
  if (op === 'gte') return value >= limit;
  if (op === 'gt') return value > limit;
  if (op === 'lte') return value <= limit;
  return value < limit;
}

/**
 * Points of one part for a present (finite) signal value, clamped to `[0, part.maxPoints]`, with the
 * reason code of the step applied.
 */
export function evaluatePart(part: ScoringPart, value: number): { points: number; reasonCode?: string } {
  let points: number;
  let reasonCode: string | undefined;
  if (part.kind === 'steps') {
    const step = part.steps.find((candidate) => holds(candidate.op, value, candidate.value));
    if (step === undefined) {
      points = part.otherwise;
      reasonCode = part.otherwiseReasonCode ?? `${part.id}:otherwise`;
    } else {
      points = step.points;
      reasonCode = step.reasonCode ?? `${part.id}:${step.op}:${step.value}`;
    }
  } else {
    const span = part.to - part.from;
    const fraction = span === 0 ? (value >= part.to ? 1 : 0) : (value - part.from) / span;
    points = part.maxPoints * Math.min(1, Math.max(0, fraction));
  }
  return {
    points: roundPoints(Math.min(part.maxPoints, Math.max(0, points))),
    ...(reasonCode ? { reasonCode } : {}),
  };
}
