import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeGradients } from './training-phases';
import type { TrainingWorkspace } from './training-workspace';

/** A workspace with only what the gradient pass reads: one block of the given rows. */
function gradientWorkspace(
  raw: number[],
  odds: number[],
  labels: number[],
  weights: number[],
): TrainingWorkspace {
  const nRows = raw.length;
  return {
    trainRows: Uint32Array.from({ length: nRows }, (_, row) => row),
    blockStarts: Int32Array.of(0, nRows),
    raw: Float64Array.from(raw),
    odds: Float64Array.from(odds),
    labels: Uint8Array.from(labels),
    weights: Float64Array.from(weights),
    gradients: new Float64Array(2 * nRows),
    rows: new Uint32Array(nRows),
    blockSums: new Float64Array(2),
  } as unknown as TrainingWorkspace;
}

describe('gradients from the odds', () => {
  it('match g = (p − y)·w and h = p(1 − p)·w of the raw score', () => {
    // raw 0: o = 1, p = 1/2, h = 1/4. raw ln 3: o = 3, p = 3/4, h = 3/16.
    const workspace = gradientWorkspace([0, Math.log(3)], [1, 3], [1, 0], [2, 1]);
    computeGradients(workspace, 0, true);
    expect(Array.from(workspace.gradients)).toEqual([(0.5 - 1) * 2, 0.25 * 2, 0.75, 3 / 16]);
    expect(Array.from(workspace.blockSums)).toEqual([-1 + 0.75, 0.5 + 3 / 16]);
    expect(Array.from(workspace.rows)).toEqual([0, 1]);
  });

  it('clamp odds that left [e^−690, e^690] before they overflow or underflow', () => {
    // Past ±690 p is 1 or 0 to double precision and p(1 − p) below the hessian's floor of 1e−16.
    const workspace = gradientWorkspace(
      [0, 0, 0, 0],
      [Number.POSITIVE_INFINITY, 0, Math.exp(700), Math.exp(-700)],
      [0, 1, 1, 0],
      [1, 1, 2, 2],
    );
    computeGradients(workspace, 0, false);
    expect(Array.from(workspace.odds)).toEqual([
      Math.exp(690),
      Math.exp(-690),
      Math.exp(690),
      Math.exp(-690),
    ]);
    // p = o·(1 − p) is 1 to within one rounding; p − 1 is taken as −(1 − p), tiny but exact.
    const gradients = Array.from(workspace.gradients);
    expect(gradients[0]).toBeCloseTo(1, 15);
    expect(gradients.slice(1)).toEqual([
      1e-16,
      -1,
      1e-16,
      -2 / (1 + Math.exp(690)),
      2e-16,
      (2 * Math.exp(-690)) / (1 + Math.exp(-690)),
      2e-16,
    ]);
    expect(Array.from(workspace.rows)).toEqual([0, 0, 0, 0]);
  });

  it('give churners −(1 − p)·w and the others p·w bit for bit', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            raw: fc.double({ min: -690, max: 690, noNaN: true }),
            label: fc.integer({ min: 0, max: 1 }),
            weight: fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
          }),
          { minLength: 1, maxLength: 20 },
        ),
        (rows) => {
          const odds = rows.map((row) => Math.exp(row.raw));
          const workspace = gradientWorkspace(
            rows.map((row) => row.raw),
            odds,
            rows.map((row) => row.label),
            rows.map((row) => row.weight),
          );
          computeGradients(workspace, 0, false);
          rows.forEach((row, index) => {
            const complement = 1 / (1 + odds[index]!);
            const expected = (row.label === 1 ? -complement : odds[index]! * complement) * row.weight;
            expect(Object.is(workspace.gradients[2 * index], expected)).toBe(true);
          });
        },
      ),
    );
  });
});
