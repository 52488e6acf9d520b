import type { SecondOrderSection } from './biquad';

/**
 * A second-order low-pass whose magnitude matches the analog prototype
 * H(s) = ω0² / (s² + (ω0/Q)·s + ω0²) at 0 Hz, at f0 and at the Nyquist frequency (Vicanek, "Matched
 * Second Order Digital Filters", 2016). Unlike the bilinear transform it does not force a zero at the
 * Nyquist frequency, so a pole near or above the Nyquist frequency (the 12.2 kHz pole pair of the A
 * and C weightings at 44.1 or 48 kHz) keeps the analog magnitude up to the top of the band.
 *
 * @param frequencyHz - the analog pole frequency f0, Hz (may exceed sampleRate / 2)
 * @param quality - the analog Q (0.5 for a critically damped double real pole)
 * @param sampleRate - Hz
 */
export function designMatchedLowPass(
  frequencyHz: number,
  quality: number,
  sampleRate: number,
): SecondOrderSection {
  const omega = (2 * Math.PI * frequencyHz) / sampleRate;
  const damping = 1 / (2 * quality);
  const decay = Math.exp(-damping * omega);
  const a1 =
    damping <= 1
      ? -2 * decay * Math.cos(Math.sqrt(1 - damping * damping) * omega)
      : -2 * decay * Math.cosh(Math.sqrt(damping * damping - 1) * omega);
  const a2 = Math.exp(-2 * damping * omega);
  const poleAtZero = (1 + a1 + a2) ** 2;
  const poleAtNyquist = (1 - a1 + a2) ** 2;
  const poleCross = -4 * a2;
  const sinSquared = Math.sin(omega / 2) ** 2;
  const phi0 = 1 - sinSquared;
  const phi1 = sinSquared;
  const phi2 = 4 * phi0 * phi1;
  const response = (poleAtZero * phi0 + poleAtNyquist * phi1 + poleCross * phi2) * quality * quality;
  const numeratorAtZero = poleAtZero;
  const numeratorAtNyquist = Math.max(0, (response - numeratorAtZero * phi0) / phi1);
  const b0 = 0.5 * (Math.sqrt(numeratorAtZero) + Math.sqrt(numeratorAtNyquist));
  const b1 = Math.sqrt(numeratorAtZero) - b0;
  return { b0, b1, b2: 0, a1, a2 };
}
