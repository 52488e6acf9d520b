/**
 * `numerator / denominator`, or `null` when the denominator is 0: a rate over nobody is unknown,
 * not 0 and not NaN.
 */
export function ratioOrNull(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}
