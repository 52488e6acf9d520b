import { parseInput } from '@kizuna/core';
import * as z from 'zod';

/** The five services of seeds/000. */
export const crossSellServices = ['manual', 'ai-team', 'agent', 'gpts', 'iot'] as const;

/** One of {@link crossSellServices}. */
export type CrossSellService = (typeof crossSellServices)[number];

/**
 * Cross-sell probabilities of seeds/000: `crossSellMatrix[from][to]` is the chance that a customer of
 * `from` buys `to` (manual = manual creation, ai-team = AI team development, agent = agent building,
 * gpts = GPTs development, iot = IoT & physical AI).
 */
export const crossSellMatrix: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  manual: { 'ai-team': 0.85, agent: 0.25, gpts: 0.4, iot: 0.15 },
  'ai-team': { manual: 0.3, agent: 0.7, gpts: 0.35, iot: 0.2 },
  agent: { manual: 0.15, 'ai-team': 0.45, gpts: 0.25, iot: 0.5 },
  gpts: { manual: 0.55, 'ai-team': 0.35, agent: 0.15, iot: 0.1 },
  iot: { manual: 0.25, 'ai-team': 0.4, agent: 0.45, gpts: 0.1 },
};

const matrixSchema = z.record(z.string(), z.record(z.string(), z.number().min(0).max(1)));

/** A next-best-service suggestion. */
export interface NextBestService {
  readonly service: string;
  /** `1 − Π(1 − p)` over the owned services (independent chances of buying it). */
  readonly probability: number;
  /** The owned service with the highest single probability towards it. */
  readonly strongestFrom: string;
}

/**
 * Ranks the services a customer does not own yet by the chance of a cross-sell (seeds/000). With one
 * owned service the probabilities are its matrix row; with several, the chances combine as
 * `1 − Π(1 − p)`.
 *
 * @throws KizunaValidationError when a matrix value is outside 0..1
 * @example
 * ```ts
 * nextBestServices(['manual'])[0]; // { service: 'ai-team', probability: 0.85, strongestFrom: 'manual' }
 * ```
 */
export function nextBestServices(
  owned: readonly string[],
  options: { readonly matrix?: Readonly<Record<string, Readonly<Record<string, number>>>> } = {},
): readonly NextBestService[] {
  const matrix = parseInput(matrixSchema, options.matrix ?? crossSellMatrix, 'cross-sell matrix');
  const ownedSet = new Set(owned);
  const candidates = new Map<string, { miss: number; best: number; from: string }>();
  for (const from of owned) {
    for (const [service, probability] of Object.entries(matrix[from] ?? {})) {
      if (ownedSet.has(service)) continue;
      const entry = candidates.get(service) ?? { miss: 1, best: -1, from };
      entry.miss *= 1 - probability;
      if (probability > entry.best) {
        entry.best = probability;
        entry.from = from;
      }
      candidates.set(service, entry);
    }
  }
  return [...candidates.entries()]
    .map(([service, entry]) => ({
      service,
      probability: Math.round((1 - entry.miss) * 1e9) / 1e9,
      strongestFrom: entry.from,
    }))
    .sort((left, right) => right.probability - left.probability || (left.service < right.service ? -1 : 1));
}
