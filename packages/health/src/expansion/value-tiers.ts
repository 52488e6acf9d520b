import { KizunaValidationError } from '@kizuna/core';

/** A customer value tier of seeds/000 with its revenue pattern (JPY per year) and lifetime value. */
export interface ValueTier {
  readonly id: 'efficiency-seeker' | 'innovation-pioneer' | 'ecosystem-builder';
  readonly name: string;
  readonly journey: readonly string[];
  /** Revenue in years 1, 2, 3 (JPY). */
  readonly revenueByYear: readonly [number, number, number];
  /** Lifetime value (JPY); for the ecosystem builder a lower bound ("50 M+"). */
  readonly lifetimeValue: number;
}

/** The three value tiers of seeds/000. */
export const valueTiers: readonly ValueTier[] = [
  {
    id: 'efficiency-seeker',
    name: 'Efficiency seeker',
    journey: ['manual', 'ai-team'],
    revenueByYear: [500_000, 2_000_000, 3_000_000],
    lifetimeValue: 5_500_000,
  },
  {
    id: 'innovation-pioneer',
    name: 'Innovation pioneer',
    journey: ['agent', 'iot'],
    revenueByYear: [3_000_000, 5_000_000, 8_000_000],
    lifetimeValue: 16_000_000,
  },
  {
    id: 'ecosystem-builder',
    name: 'Ecosystem builder',
    journey: ['manual', 'ai-team', 'agent', 'gpts', 'iot'],
    revenueByYear: [8_000_000, 12_000_000, 20_000_000],
    lifetimeValue: 50_000_000,
  },
];

/**
 * The tier of a customer by expected lifetime value (ours: the seed gives each tier's LTV, we use them
 * as lower bounds): ≥ 50 M JPY → ecosystem builder, ≥ 16 M → innovation pioneer, else efficiency
 * seeker.
 *
 * @example
 * ```ts
 * valueTierOf(10_000_000).id; // 'efficiency-seeker'
 * ```
 * @throws KizunaValidationError when the value is NaN or infinite
 */
export function valueTierOf(expectedLifetimeValue: number): ValueTier {
  if (!Number.isFinite(expectedLifetimeValue)) {
    throw KizunaValidationError.forField(
      'lifetime value',
      'expectedLifetimeValue',
      'expected a finite number',
    );
  }
  const [efficiency, innovation, ecosystem] = valueTiers as [ValueTier, ValueTier, ValueTier];
  if (expectedLifetimeValue >= ecosystem.lifetimeValue) return ecosystem;
  if (expectedLifetimeValue >= innovation.lifetimeValue) return innovation;
  return efficiency;
}

/** Average lifetime value by entry point (seeds/000), JPY, with the yearly pattern the seed gives. */
export const lifetimeValueByEntryPoint = {
  manual: { year1: 500_000, year2: 2_000_000, yearlyAfter: 1_500_000, lifetimeValue: 6_500_000 },
  'ai-team': { year1: 2_000_000, year2: 3_000_000, yearlyAfter: 2_500_000, lifetimeValue: 10_000_000 },
  agent: { year1: 3_000_000, year2: 5_000_000, yearlyAfter: 4_000_000, lifetimeValue: 16_000_000 },
} as const;

/** The AI maturity ladder of seeds/000: level, name, and the service that leads to the next level. */
export const aiMaturityLadder = [
  { level: 0, id: 'manual-operations', name: 'Manual operations', nextService: 'manual' },
  { level: 1, id: 'knowledge-digitised', name: 'Knowledge digitised', nextService: 'ai-team' },
  { level: 2, id: 'basic-ai', name: 'Basic AI adoption', nextService: 'agent' },
  { level: 3, id: 'advanced-ai', name: 'Advanced AI integration', nextService: 'iot' },
  { level: 4, id: 'ai-native', name: 'AI-native organisation', nextService: null },
] as const;

/** Where a customer stands on the maturity ladder. */
export interface MaturityPosition {
  readonly level: 0 | 1 | 2 | 3 | 4;
  readonly name: string;
  /** The service to offer next; `null` at the top. */
  readonly nextService: string | null;
}

const levelReachedBy: Readonly<Record<string, number>> = {
  manual: 1,
  'ai-team': 2,
  gpts: 2,
  agent: 3,
  iot: 4,
};

/**
 * The AI maturity level a customer has reached from the services bought (ours, following the ladder
 * of seeds/000): manual creation → 1, AI team development or GPTs → 2, agent building → 3, IoT &
 * physical AI → 4; the highest wins. Returns the next service on the ladder.
 *
 * @example
 * ```ts
 * aiMaturityOf(['manual']); // { level: 1, name: 'Knowledge digitised', nextService: 'ai-team' }
 * ```
 */
export function aiMaturityOf(ownedServices: readonly string[]): MaturityPosition {
  let level = 0;
  for (const service of ownedServices) level = Math.max(level, levelReachedBy[service] ?? 0);
  const step = aiMaturityLadder[level]!;
  return { level: step.level, name: step.name, nextService: step.nextService };
}
