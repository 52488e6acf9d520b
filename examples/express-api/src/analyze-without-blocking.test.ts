import { analyzeSignal } from '@kizuna/noise';
import { describe, expect, it } from 'vitest';
import { analyzeWithoutBlocking } from './analyze-without-blocking';

/** Ten seconds of a 1 kHz tone with a louder burst in the middle, at 8 kHz. */
function recording(): Float32Array {
  const sampleRate = 8_000;
  const samples = new Float32Array(sampleRate * 10);
  for (let index = 0; index < samples.length; index += 1) {
    const loud = index > sampleRate * 4 && index < sampleRate * 5 ? 0.5 : 0.05;
    samples[index] = loud * Math.sin((2 * Math.PI * 1_000 * index) / sampleRate);
  }
  return samples;
}

describe('analyzeWithoutBlocking', () => {
  const options = {
    sampleRate: 8_000,
    unit: 'full-scale' as const,
    calibration: { pascalsPerFullScale: 20 },
  };

  it('gives the numbers of analyzeSignal', async () => {
    const samples = recording();
    const whole = analyzeSignal(samples, options);
    const sliced = await analyzeWithoutBlocking(samples, options);
    expect(sliced.laeq).toBeCloseTo(whole.laeq, 9);
    expect(sliced.lafmax).toBeCloseTo(whole.lafmax, 9);
    expect(sliced.events.length).toBe(whole.events.length);
  });

  it('lets other callbacks run while it works: 10 s of audio in 0.25 s slices yields 39 times', async () => {
    let ran = 0;
    let done = false;
    const tick = () => {
      if (done) return;
      ran += 1;
      setImmediate(tick);
    };
    setImmediate(tick);
    await analyzeWithoutBlocking(recording(), options);
    done = true;
    // One tick per yield (each yield lets the pending tick run once), 40 slices → 39 yields.
    expect(ran).toBeGreaterThanOrEqual(39);
  });
});
