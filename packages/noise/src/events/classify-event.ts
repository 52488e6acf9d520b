/** The kinds of noise event Kizuna tells apart. */
export type NoiseEventKind = 'footsteps' | 'voices' | 'music-tv' | 'equipment-hum' | 'traffic' | 'unknown';

/** The measurable features an event is classified by. */
export interface EventFeatures {
  readonly durationSeconds: number;
  /** LAFmax − LAeq of the event: how impulsive it is, dB. */
  readonly crestDecibels: number;
  /** Standard deviation of the 0.1 s (or series) levels inside the event, dB. */
  readonly fluctuationDecibels: number;
  /** Time from the start to the loudest point, as a share of the duration (0–1). */
  readonly riseShare: number;
  /** Share of the points within 3 dB of the level exceeded 10 % of the event: near 1 for a steady sound, low for a pass-by. */
  readonly plateauShare: number;
  /** Separate peaks ≥ 6 dB above the dip before them, per second. */
  readonly impulsesPerSecond: number;
  /** Energy-weighted centre frequency of the spectrum, Hz (null without a spectrum). */
  readonly centroidHz: number | null;
  /** Share of the band energy at or below 160 Hz (null without a spectrum). */
  readonly lowFrequencyShare: number | null;
  /** Share of the band energy from 250 Hz to 4 kHz, where speech lives (null without a spectrum). */
  readonly speechBandShare: number | null;
  /** How far the strongest band stands above the mean of its two neighbours, dB (null without a spectrum). */
  readonly tonalProminenceDecibels: number | null;
}

/** The class of an event with its confidence and the score of every kind. */
export interface EventClassification {
  readonly kind: NoiseEventKind;
  /** 0–1: the best score weighted by how clearly it beats the others. */
  readonly confidence: number;
  readonly scores: Readonly<Record<Exclude<NoiseEventKind, 'unknown'>, number>>;
}

/** 0 at `zero`, 1 at `one`, linear between (works in either direction). */
function ramp(value: number, zero: number, one: number): number {
  const share = (value - zero) / (one - zero);
  return Math.min(1, Math.max(0, share));
}

/** 1 inside [low, high], falling to 0 over `soft` outside. */
function within(value: number, low: number, high: number, soft: number): number {
  if (value < low) return ramp(value, low - soft, low);
  if (value > high) return ramp(value, high + soft, high);
  return 1;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** A neutral membership for a feature that could not be measured. */
const unknownFeature = 0.5;

/**
 * Classifies a noise event by documented rules on its features (each membership is 0–1 and a kind's
 * score is their mean):
 *
 * - footsteps / impact: low-frequency share ≥ 0.6, centroid ≤ 150 Hz, crest ≥ 6 dB, 0.3–4 impulses
 *   per second or a single impulse under 1.5 s;
 * - voices: speech-band share ≥ 0.75, fluctuation ≥ 5 dB, 0.5–60 s, centroid 300–2000 Hz;
 * - music / TV: ≥ 15 s, broadband (speech-band share 0.3–0.8, low share 0.1–0.5), fluctuation 1–6 dB,
 *   a sustained level (plateau share ≥ 0.7);
 * - equipment hum: ≥ 30 s, fluctuation ≤ 1 dB, a tonal band ≥ 10 dB above its neighbours or a
 *   low-frequency share ≥ 0.6;
 * - traffic: 4–60 s, smooth (crest ≤ 3 dB, fluctuation 1–5 dB), peak near the middle (rise share
 *   0.3–0.7) with a rise and fall (plateau share ≤ 0.5), low-to-mid centroid 100–1000 Hz, no tonal band
 *   (prominence ≤ 2 dB scores 1, ≥ 5 dB scores 0).
 *
 * The kind is the best score, or 'unknown' below 0.4. Without a spectrum the spectral memberships are
 * 0.5, so confidence is lower.
 *
 * @example
 * ```ts
 * // A 6 s run of heavy thuds from the flat above: low, impulsive, about two steps a second.
 * const classification = classifyEvent({
 *   durationSeconds: 6,
 *   crestDecibels: 9,
 *   fluctuationDecibels: 4,
 *   riseShare: 0.1,
 *   plateauShare: 0.3,
 *   impulsesPerSecond: 1.8,
 *   centroidHz: 90,
 *   lowFrequencyShare: 0.8,
 *   speechBandShare: 0.15,
 *   tonalProminenceDecibels: 2,
 * });
 * console.log(classification.kind, classification.confidence); // footsteps 0.77
 * console.log(classification.scores.footsteps, classification.scores.traffic); // 1 0.73
 * ```
 */
export function classifyEvent(features: EventFeatures): EventClassification {
  const spectral = (value: number | null, score: (known: number) => number) =>
    value === null ? unknownFeature : score(value);
  const impulsive =
    features.impulsesPerSecond > 0
      ? Math.max(
          within(features.impulsesPerSecond, 0.3, 4, 0.3),
          features.durationSeconds <= 1.5 ? 1 : ramp(features.durationSeconds, 4, 1.5),
        )
      : 0;
  const scores = {
    footsteps: mean([
      spectral(features.lowFrequencyShare, (share) => ramp(share, 0.3, 0.6)),
      spectral(features.centroidHz, (centroid) => ramp(centroid, 500, 150)),
      ramp(features.crestDecibels, 2, 6),
      impulsive,
    ]),
    voices: mean([
      spectral(features.speechBandShare, (share) => ramp(share, 0.4, 0.75)),
      spectral(features.centroidHz, (centroid) => within(centroid, 300, 2000, 200)),
      ramp(features.fluctuationDecibels, 2, 5),
      within(features.durationSeconds, 0.5, 60, 0.4),
    ]),
    'music-tv': mean([
      ramp(features.durationSeconds, 3, 15),
      spectral(features.speechBandShare, (share) => within(share, 0.3, 0.8, 0.2)),
      spectral(features.lowFrequencyShare, (share) => within(share, 0.1, 0.5, 0.15)),
      within(features.fluctuationDecibels, 1, 6, 1),
      ramp(features.plateauShare, 0.4, 0.7),
    ]),
    'equipment-hum': mean([
      ramp(features.durationSeconds, 5, 30),
      ramp(features.fluctuationDecibels, 3, 1),
      Math.max(
        spectral(features.tonalProminenceDecibels, (prominence) => ramp(prominence, 3, 10)),
        spectral(features.lowFrequencyShare, (share) => ramp(share, 0.3, 0.6)),
      ),
    ]),
    traffic: mean([
      within(features.durationSeconds, 4, 60, 3),
      ramp(features.crestDecibels, 6, 3),
      within(features.fluctuationDecibels, 1, 5, 1.5),
      within(features.riseShare, 0.3, 0.7, 0.25),
      ramp(features.plateauShare, 0.8, 0.5),
      spectral(features.centroidHz, (centroid) => within(centroid, 100, 1000, 150)),
      spectral(features.tonalProminenceDecibels, (prominence) => ramp(prominence, 5, 2)),
    ]),
  };
  const ranked = (Object.entries(scores) as Array<[Exclude<NoiseEventKind, 'unknown'>, number]>).sort(
    (left, right) => right[1] - left[1],
  );
  const [bestKind, best] = ranked[0]!;
  const second = ranked[1]![1];
  const confidence = Math.round(best * Math.min(1, 0.5 + (best - second)) * 100) / 100;
  const rounded = Object.fromEntries(
    Object.entries(scores).map(([kind, score]) => [kind, Math.round(score * 100) / 100]),
  ) as Record<Exclude<NoiseEventKind, 'unknown'>, number>;
  return { kind: best < 0.4 ? 'unknown' : bestKind, confidence, scores: rounded };
}
