import { bilinearPoint, prewarp } from './bilinear';
import { cascadeGain, type SecondOrderSection, scaleCascade } from './biquad';
import { type Complex, complex, multiply, scale, squareRoot, subtract } from './complex';

/** The left-half-plane poles of the normalised analog Butterworth low-pass of `order` (ω = 1). */
function prototypePoles(order: number): Complex[] {
  const poles: Complex[] = [];
  for (let index = 1; index <= order; index += 1) {
    const angle = (Math.PI * (2 * index + order - 1)) / (2 * order);
    poles.push(complex(Math.cos(angle), Math.sin(angle)));
  }
  return poles;
}

/** Keeps one pole of each conjugate pair (the one with imaginary part ≥ 0) and real poles in pairs. */
function pairPoles(poles: readonly Complex[]): Array<readonly [Complex, Complex]> {
  const tolerance = 1e-9;
  const upper = poles.filter((pole) => pole.imaginary > tolerance);
  const real = poles.filter((pole) => Math.abs(pole.imaginary) <= tolerance);
  const pairs: Array<readonly [Complex, Complex]> = upper.map(
    (pole) => [pole, complex(pole.real, -pole.imaginary)] as const,
  );
  for (let index = 0; index < real.length; index += 2) {
    const first = real[index]!;
    pairs.push([first, real[index + 1] ?? complex(0)]);
  }
  return pairs;
}

function denominator(pair: readonly [Complex, Complex]): { a1: number; a2: number } {
  const [first, second] = pair;
  const product = multiply(first, second);
  return { a1: -(first.real + second.real), a2: product.real };
}

/**
 * Designs a digital Butterworth band-pass of `order` (the low-pass prototype order; the band-pass
 * has 2·order poles) between `lowerHz` and `upperHz`, with bilinear pre-warping of both edges so
 * the −3 dB points land exactly on them. The gain is normalised to 1 at the centre.
 *
 * @returns `order` sections, each with zeros at z = 1 and z = −1 (b1 = 0, b2 = −b0)
 * @example
 * ```ts
 * const band = designButterworthBandPass(3, 891.25, 1122.02, 48_000); // the 1 kHz 1/3-octave band
 * console.log(band.length); // 3 sections, 6 poles
 * console.log(cascadeGainDecibels(band, 891.25, 48_000).toFixed(2)); // -3.01 at the lower edge
 * console.log(cascadeGainDecibels(band, 1000, 48_000).toFixed(2)); // 0.00 at the centre
 * ```
 */
export function designButterworthBandPass(
  order: number,
  lowerHz: number,
  upperHz: number,
  sampleRate: number,
): readonly SecondOrderSection[] {
  const lower = prewarp(lowerHz, sampleRate);
  const upper = prewarp(upperHz, sampleRate);
  const centreSquared = lower * upper;
  const bandwidth = upper - lower;
  const analogPoles: Complex[] = [];
  for (const pole of prototypePoles(order)) {
    // s² − p·B·s + ω0² = 0 for each prototype pole p.
    const half = scale(pole, bandwidth / 2);
    const root = squareRoot(subtract(multiply(half, half), complex(centreSquared)));
    analogPoles.push(complex(half.real + root.real, half.imaginary + root.imaginary));
    analogPoles.push(complex(half.real - root.real, half.imaginary - root.imaginary));
  }
  const digitalPoles = analogPoles.map((pole) => bilinearPoint(pole, sampleRate));
  const sections = pairPoles(digitalPoles).map((pair) => ({ b0: 1, b1: 0, b2: -1, ...denominator(pair) }));
  const centreHz = (sampleRate / Math.PI) * Math.atan(Math.sqrt(centreSquared) / (2 * sampleRate));
  return scaleCascade(sections, 1 / cascadeGain(sections, centreHz, sampleRate));
}

/**
 * Designs a digital Butterworth low-pass of even `order` with its −3 dB point at `cutoffHz`
 * (bilinear, pre-warped), unity gain at 0 Hz.
 *
 * @returns order / 2 sections with a double zero at z = −1 (b = [1, 2, 1] before scaling)
 */
export function designButterworthLowPass(
  order: number,
  cutoffHz: number,
  sampleRate: number,
): readonly SecondOrderSection[] {
  const cutoff = prewarp(cutoffHz, sampleRate);
  const digitalPoles = prototypePoles(order).map((pole) => bilinearPoint(scale(pole, cutoff), sampleRate));
  const sections = pairPoles(digitalPoles).map((pair) => ({ b0: 1, b1: 2, b2: 1, ...denominator(pair) }));
  return scaleCascade(sections, 1 / cascadeGain(sections, 0, sampleRate));
}
