/**
 * IEC 61672-1:2013 Table 3: class 1 acceptance limits on the deviation of the frequency weighting
 * from its design goal, at the 34 nominal frequencies 10 Hz – 20 kHz (evaluated at the exact base-10
 * frequencies 1000·10^((n−30)/10)), dB. −Infinity means no lower limit.
 */
export const weightingClass1Limits: readonly {
  readonly nominalHz: number;
  readonly upper: number;
  readonly lower: number;
}[] = [
  [10, 3.5, Number.NEGATIVE_INFINITY],
  [12.5, 3.0, Number.NEGATIVE_INFINITY],
  [16, 2.5, -4.5],
  [20, 2.5, -2.5],
  [25, 2.5, -2.0],
  [31.5, 2.0, -1.5],
  [40, 1.5, -1.5],
  [50, 1.5, -1.5],
  [63, 1.5, -1.5],
  [80, 1.5, -1.5],
  [100, 1.5, -1.5],
  [125, 1.5, -1.5],
  [160, 1.5, -1.5],
  [200, 1.4, -1.4],
  [250, 1.4, -1.4],
  [315, 1.4, -1.4],
  [400, 1.4, -1.4],
  [500, 1.4, -1.4],
  [630, 1.4, -1.4],
  [800, 1.4, -1.4],
  [1000, 1.1, -1.1],
  [1250, 1.4, -1.4],
  [1600, 1.6, -1.6],
  [2000, 1.6, -1.6],
  [2500, 1.6, -1.6],
  [3150, 1.6, -1.6],
  [4000, 1.6, -1.6],
  [5000, 2.1, -2.1],
  [6300, 2.1, -2.6],
  [8000, 2.1, -3.1],
  [10000, 2.6, -3.6],
  [12500, 3.0, -6.0],
  [16000, 3.5, -17.0],
  [20000, 4.0, Number.NEGATIVE_INFINITY],
].map(([nominalHz, upper, lower]) => ({ nominalHz: nominalHz!, upper: upper!, lower: lower! }));

/**
 * IEC 61260-1:2014 Table 1: class 1 acceptance limits on the relative attenuation of a band filter
 * (attenuation relative to the centre, dB) at the breakpoints G^x, x in octaves of the base-10 ratio
 * G = 10^(3/10). For a 1/b-octave filter the breakpoint frequencies are
 * Ω = 1 + ((G^(1/2b) − 1)/(G^(1/2) − 1))·(G^x − 1) for x > 0 and 1/Ω(−x) below the centre.
 */
export const bandFilterClass1Limits: readonly {
  readonly octaves: number;
  readonly minimumAttenuation: number;
  readonly maximumAttenuation: number;
}[] = [
  { octaves: 0, minimumAttenuation: -0.4, maximumAttenuation: 0.4 },
  { octaves: 1 / 8, minimumAttenuation: -0.4, maximumAttenuation: 0.5 },
  { octaves: 1 / 4, minimumAttenuation: -0.4, maximumAttenuation: 0.8 },
  { octaves: 3 / 8, minimumAttenuation: -0.4, maximumAttenuation: 1.6 },
  { octaves: 1 / 2, minimumAttenuation: 1.2, maximumAttenuation: 5.5 },
  { octaves: 1, minimumAttenuation: 16.6, maximumAttenuation: Number.POSITIVE_INFINITY },
  { octaves: 2, minimumAttenuation: 40.5, maximumAttenuation: Number.POSITIVE_INFINITY },
  { octaves: 3, minimumAttenuation: 60.0, maximumAttenuation: Number.POSITIVE_INFINITY },
  { octaves: 4, minimumAttenuation: 70.0, maximumAttenuation: Number.POSITIVE_INFINITY },
];

/** The normalised frequency f/fm of breakpoint x (octaves, may be negative) of a 1/b-octave filter. */
export function breakpointRatio(octaves: number, bandsPerOctave = 3): number {
  const ratio = 10 ** (3 / 10);
  const factor = (ratio ** (1 / (2 * bandsPerOctave)) - 1) / (ratio ** 0.5 - 1);
  const above = 1 + factor * (ratio ** Math.abs(octaves) - 1);
  return octaves >= 0 ? above : 1 / above;
}
