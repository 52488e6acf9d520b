import { describe, expect, it } from 'vitest';
import { bandFilterClass1Limits, breakpointRatio } from '../standards/iec-limits';
import { thirdOctaveBands } from './third-octave-bands';
import { bankBandGain, designThirdOctaveBank } from './third-octave-bank';

/** The class 1 limits at normalised frequency `ratio` (stepwise between breakpoints, conservative). */
function limitsAt(ratio: number): { minimum: number; maximum: number } {
  const distance = Math.abs(Math.log(ratio));
  let minimum = Number.NEGATIVE_INFINITY;
  let maximum = Number.POSITIVE_INFINITY;
  for (const limit of bandFilterClass1Limits) {
    const breakpoint = Math.abs(Math.log(breakpointRatio(limit.octaves)));
    // Minimum attenuation holds from its breakpoint outwards; maximum attenuation up to its breakpoint.
    if (distance >= breakpoint - 1e-12) minimum = Math.max(minimum, limit.minimumAttenuation);
    if (distance <= breakpoint + 1e-12 && limit.maximumAttenuation < maximum)
      maximum = limit.maximumAttenuation;
  }
  return { minimum, maximum };
}

describe('thirdOctaveBands', () => {
  it('lists the 31 base-10 bands from 20 Hz to 20 kHz with exact centres', () => {
    const bands = thirdOctaveBands();
    expect(bands).toHaveLength(31);
    expect(bands[0]!.nominalHz).toBe(20);
    expect(bands[30]!.nominalHz).toBe(20_000);
    expect(bands.find((band) => band.nominalHz === 1000)!.centerHz).toBe(1000);
    expect(bands.find((band) => band.nominalHz === 31.5)!.centerHz).toBeCloseTo(31.6228, 4);
  });
});

describe('designThirdOctaveBank', () => {
  const bank = designThirdOctaveBank(48_000);

  it('filters each octave down at half the rate of the one above', () => {
    expect(bank.stages.map((stage) => stage.sampleRate)).toEqual([
      48_000, 24_000, 12_000, 6000, 3000, 1500, 750, 375, 187.5, 93.75,
    ]);
    expect(bank.stages.slice(1, -1).every((stage) => stage.bands.length === 3)).toBe(true);
  });

  it('keeps every band from 25 Hz to 10 kHz inside the IEC 61260-1 class 1 mask at 48 kHz', () => {
    let checked = 0;
    bank.bands.forEach((band, bandIndex) => {
      if (band.nominalHz < 25 || band.nominalHz > 10_000) return;
      const centreGain = bankBandGain(bank, bandIndex, band.centerHz);
      const breakpoints = bandFilterClass1Limits.flatMap((limit) => [
        breakpointRatio(limit.octaves),
        breakpointRatio(-limit.octaves),
      ]);
      // A grid from 1/5.6 to 5.6 times the centre, plus every breakpoint.
      const grid = Array.from({ length: 121 }, (_, step) => Math.exp(((step - 60) / 60) * Math.log(5.6)));
      for (const ratio of [...grid, ...breakpoints]) {
        const frequency = band.centerHz * ratio;
        if (frequency >= 24_000) continue;
        const attenuation = -20 * Math.log10(bankBandGain(bank, bandIndex, frequency) / centreGain);
        const { minimum, maximum } = limitsAt(ratio);
        const where = `${band.nominalHz} Hz band at ${frequency.toFixed(1)} Hz`;
        expect(attenuation, where).toBeGreaterThanOrEqual(minimum);
        expect(attenuation, where).toBeLessThanOrEqual(maximum);
      }
      expect(-20 * Math.log10(centreGain)).toBeCloseTo(0, 1);
      checked += 1;
    });
    expect(checked).toBe(27);
  });

  it('rejects aliases: a tone folding into a low band after decimation is attenuated by at least 70 dB', () => {
    const band20 = bank.bands.findIndex((band) => band.nominalHz === 20);
    for (const frequency of [93.75 - 20, 187.5 - 20, 375 - 20, 750 + 20, 3000 - 20, 24_000 - 20]) {
      expect(
        -20 * Math.log10(bankBandGain(bank, band20, frequency)),
        `${frequency} Hz`,
      ).toBeGreaterThanOrEqual(70);
    }
  });

  it('leaves out bands whose upper edge reaches the Nyquist frequency', () => {
    const bank44 = designThirdOctaveBank(44_100);
    expect(bank44.omittedBands.map((band) => band.nominalHz)).toEqual([20_000]);
    expect(bank44.bands).toHaveLength(30);
  });
});
