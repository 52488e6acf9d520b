import { add, type Complex, complex, divide, scale, subtract } from './complex';

/**
 * Maps an analog pole or zero `s` (rad/s) to the z-plane with the bilinear transform
 * z = (1 + s/k) / (1 − s/k), k = 2·sampleRate.
 */
export function bilinearPoint(point: Complex, sampleRate: number): Complex {
  const normalised = scale(point, 1 / (2 * sampleRate));
  return divide(add(complex(1), normalised), subtract(complex(1), normalised));
}

/**
 * The analog angular frequency (rad/s) that the bilinear transform maps onto `frequencyHz`:
 * 2·fs·tan(π·f/fs). Designing at the pre-warped frequency puts the digital corner exactly at f.
 */
export function prewarp(frequencyHz: number, sampleRate: number): number {
  return 2 * sampleRate * Math.tan((Math.PI * frequencyHz) / sampleRate);
}
