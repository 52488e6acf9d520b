import type { ScoringPart } from './scorecard';

/** Rounds away floating-point noise (0.1 × 3) so equal inputs print and compare equal. */
export function roundPoints(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * The 0–100 score from the exact points earned and the weight that counted: one rounding to 10⁻⁶, so
 * a score never lands on the wrong side of a band edge by floating-point noise.
 */
export function scoreFromPoints(earned: number, available: number): number {
  return Math.min(100, Math.max(0, roundPoints(earned * (100 / available))));
}

function holds(op: 'gte' | 'gt' | 'lte' | 'lt', value: number, limit: number): boolean {
  if (op === 'gte') return value >= limit;
  if (op === 'gt') return value > limit;
  if (op === 'lte') return value <= limit;
  return value < limit;
}

/**
 * The exact (unrounded) points of one part for a present value, clamped to `[0, part.maxPoints]`, and
 * the step applied (`undefined` for a linear part, `null` when no step holds). Totals are summed from
 * these exact points and rounded once, in `scoreHealth` and in the batch scorer alike. `counts` is
 * false when no step holds and the part's `otherwise` is `'exclude'`.
 */
export function exactPartPoints(
  part: ScoringPart,
  value: number,
): { readonly points: number; readonly step: number | null | undefined; readonly counts: boolean } {
  let points: number;
  let step: number | null | undefined;
  if (part.kind === 'steps') {
    step = part.steps.findIndex((candidate) => holds(candidate.op, value, candidate.value));
    if (step === -1) {
      step = null;
      points = part.otherwise === 'exclude' ? 0 : part.otherwise;
    } else points = part.steps[step]!.points;
  } else {
    const span = part.to - part.from;
    const fraction = span === 0 ? (value >= part.to ? 1 : 0) : (value - part.from) / span;
    points = part.maxPoints * Math.min(1, Math.max(0, fraction));
  }
  return {
    points: Math.min(part.maxPoints, Math.max(0, points)),
    step,
    counts: step !== null || part.kind !== 'steps' || part.otherwise !== 'exclude',
  };
}

/**
 * Points of one part for a present (finite) signal value, clamped to `[0, part.maxPoints]` and rounded
 * to 10⁻⁶, with the reason code of the step applied.
 */
export function evaluatePart(part: ScoringPart, value: number): { points: number; reasonCode?: string } {
  const { points, step } = exactPartPoints(part, value);
  let reasonCode: string | undefined;
  if (part.kind === 'steps') {
    const applied = step === null || step === undefined ? undefined : part.steps[step]!;
    reasonCode =
      applied === undefined
        ? (part.otherwiseReasonCode ?? `${part.id}:otherwise`)
        : (applied.reasonCode ?? `${part.id}:${applied.op}:${applied.value}`);
  }
  return { points: roundPoints(points), ...(reasonCode ? { reasonCode } : {}) };
}
