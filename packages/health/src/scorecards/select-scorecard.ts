import { evaluateCondition, type Facts, type FactValue } from '@kizuna/core';
import type { HealthSignals } from '../signals/health-signals-schema';
import type { Scorecard } from './scorecard';

/** The signals as condition facts: every string, number or boolean field (tags are skipped). */
export function signalFacts(signals: HealthSignals): Facts {
  const facts: Record<string, FactValue> = {};
  for (const [key, value] of Object.entries(signals)) {
    if (
      value === null ||
      typeof value === 'string' ||
      typeof value === 'number' ||
      typeof value === 'boolean'
    ) {
      facts[key] = value;
    }
  }
  return facts;
}

/**
 * Picks the scorecard for a customer: the first entry whose `when` holds on the signals (an entry
 * without `when` always matches). Returns `undefined` when none matches.
 */
export function selectScorecard(
  signals: HealthSignals,
  scorecards: readonly {
    readonly when?: Parameters<typeof evaluateCondition>[0];
    readonly scorecard: Scorecard;
  }[],
): Scorecard | undefined {
  const facts = signalFacts(signals);
  return scorecards.find((entry) => entry.when === undefined || evaluateCondition(entry.when, facts))
    ?.scorecard;
}
