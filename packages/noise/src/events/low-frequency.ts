/**
 * The reference values of Japan's Ministry of the Environment for complaints of mental and physical
 * effects of low-frequency sound (低周波音問題対応の手引書, 2004, 心身に係る苦情に関する参照値):
 * 1/3-octave band levels (unweighted Leq) 10–80 Hz, dB. Kizuna uses them to flag events for a
 * closer look, not as a verdict.
 */
export const lowFrequencyReferenceLevels: readonly { readonly nominalHz: number; readonly level: number }[] =
  [
    { nominalHz: 10, level: 92 },
    { nominalHz: 12.5, level: 88 },
    { nominalHz: 16, level: 83 },
    { nominalHz: 20, level: 76 },
    { nominalHz: 25, level: 70 },
    { nominalHz: 31.5, level: 64 },
    { nominalHz: 40, level: 57 },
    { nominalHz: 50, level: 52 },
    { nominalHz: 63, level: 47 },
    { nominalHz: 80, level: 41 },
  ];

/** LC − LA at or above which sound is treated as dominated by low frequencies, dB. */
export const lowFrequencyCMinusADecibels = 15;

/** Why an event was flagged as low-frequency. */
export interface LowFrequencyAssessment {
  readonly lowFrequency: boolean;
  readonly reasons: readonly string[];
}

/**
 * Flags low-frequency content: some 1/3-octave band from 10 to 80 Hz at or above the Ministry of the
 * Environment reference value, or LCeq − LAeq ≥ 15 dB.
 *
 * @param bandLevels - band Leq values with their nominal centres, dB (may be empty)
 * @param cMinusA - LCeq − LAeq, dB, or null when unknown
 */
export function assessLowFrequency(
  bandLevels: readonly { readonly nominalHz: number; readonly leq: number }[],
  cMinusA: number | null,
): LowFrequencyAssessment {
  const reasons: string[] = [];
  for (const reference of lowFrequencyReferenceLevels) {
    const band = bandLevels.find((candidate) => candidate.nominalHz === reference.nominalHz);
    if (band !== undefined && band.leq >= reference.level) {
      reasons.push(
        `${reference.nominalHz} Hz band at ${band.leq.toFixed(1)} dB reaches the reference value ${reference.level} dB`,
      );
    }
  }
  if (cMinusA !== null && cMinusA >= lowFrequencyCMinusADecibels) {
    reasons.push(`LCeq − LAeq = ${cMinusA.toFixed(1)} dB (≥ ${lowFrequencyCMinusADecibels} dB)`);
  }
  return { lowFrequency: reasons.length > 0, reasons };
}
