/** The reference sound pressure, 20 µPa, in pascals. */
export const referencePressure = 20e-6;

/** p0² in Pa²: the reference for mean-square pressure. */
export const referencePressureSquared = referencePressure * referencePressure;

/**
 * The level in dB re 20 µPa of a mean-square sound pressure in Pa². Silence (0) gives −Infinity,
 * which Kizuna reports as "below range".
 *
 * @example
 * ```ts
 * console.log(levelFromMeanSquare(0.5).toFixed(2)); // 90.97: a sine of 1 Pa peak (mean square 0.5 Pa²)
 * ```
 */
export function levelFromMeanSquare(meanSquare: number): number {
  return 10 * Math.log10(meanSquare / referencePressureSquared);
}

/** The mean-square sound pressure in Pa² of a level in dB re 20 µPa. */
export function meanSquareFromLevel(level: number): number {
  return referencePressureSquared * 10 ** (level / 10);
}

/**
 * The energy mean of levels in dB (10·lg of the mean of 10^(L/10)): how LAeq combines shorter LAeq
 * values of equal duration. Empty input gives −Infinity.
 *
 * @example
 * ```ts
 * console.log(energyMeanLevel([60, 70]).toFixed(2)); // 67.40
 * ```
 */
export function energyMeanLevel(levels: ArrayLike<number>): number {
  if (levels.length === 0) return Number.NEGATIVE_INFINITY;
  let sum = 0;
  for (let index = 0; index < levels.length; index += 1) sum += 10 ** (levels[index]! / 10);
  return 10 * Math.log10(sum / levels.length);
}

/**
 * Rounds a level to 0.1 dB for display; −Infinity (silence) becomes the text "below range".
 */
export function formatLevel(level: number): string {
  if (level === Number.NEGATIVE_INFINITY || Number.isNaN(level)) return 'below range';
  return level.toFixed(1);
}
