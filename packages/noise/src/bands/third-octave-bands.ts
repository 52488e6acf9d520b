/** One 1/3-octave band of IEC 61260-1:2014 (base 10). */
export interface ThirdOctaveBand {
  /** The band number x: the exact centre is 1000·10^(x/10) Hz. */
  readonly index: number;
  /** The exact mid-band frequency, Hz. */
  readonly centerHz: number;
  /** The nominal label (20, 25, 31.5, … 20000), Hz. */
  readonly nominalHz: number;
  /** The lower band edge fm·10^(−1/20), Hz. */
  readonly lowerHz: number;
  /** The upper band edge fm·10^(1/20), Hz. */
  readonly upperHz: number;
}

const nominalMantissas = [10, 12.5, 16, 20, 25, 31.5, 40, 50, 63, 80];

/** The nominal label of band x (IEC 61260-1 Annex E / ISO 266 preferred numbers). */
function nominalFrequency(index: number): number {
  const decade = Math.floor(index / 10);
  const mantissa = nominalMantissas[((index % 10) + 10) % 10]!;
  return Number((mantissa * 10 ** (decade + 2)).toPrecision(3));
}

/** The 1/3-octave band with number `index` (x; 0 is 1 kHz). */
export function thirdOctaveBand(index: number): ThirdOctaveBand {
  const centerHz = 1000 * 10 ** (index / 10);
  return {
    index,
    centerHz,
    nominalHz: nominalFrequency(index),
    lowerHz: centerHz * 10 ** (-1 / 20),
    upperHz: centerHz * 10 ** (1 / 20),
  };
}

/**
 * The 1/3-octave bands whose nominal centres lie from `lowestHz` to `highestHz`, low to high.
 *
 * @param lowestHz - nominal centre of the first band, Hz @defaultValue 20
 * @param highestHz - nominal centre of the last band, Hz @defaultValue 20000
 * @example
 * ```ts
 * const bands = thirdOctaveBands();
 * console.log(bands.length, bands[0]?.nominalHz, bands.at(-1)?.nominalHz); // 31 20 20000
 * ```
 */
export function thirdOctaveBands(lowestHz = 20, highestHz = 20_000): readonly ThirdOctaveBand[] {
  const first = Math.round(10 * Math.log10(lowestHz / 1000));
  const last = Math.round(10 * Math.log10(highestHz / 1000));
  const bands: ThirdOctaveBand[] = [];
  for (let index = first; index <= last; index += 1) bands.push(thirdOctaveBand(index));
  return bands;
}
