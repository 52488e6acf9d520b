import type { AlertEntry } from '../api/api-types';

/** One step of a journey as the outbox holds it. */
export interface JourneyStep {
  readonly stepId: string;
  readonly entry: AlertEntry;
}

/** A journey of one customer with the steps decided so far. */
export interface OpenJourney {
  readonly journeyId: string;
  /** Steps in due order. */
  readonly steps: readonly JourneyStep[];
  /** The first step nobody marked done: what to do next. */
  readonly nextStep: JourneyStep;
}

const journeyReason = /^journey (\S+) step (\S+)$/;

/** The journey and step an action belongs to, from its source or its "journey … step …" reason. */
export function journeyStepOf(entry: AlertEntry): { journeyId: string; stepId: string } | undefined {
  const source = entry.action.source;
  if (source?.engine === 'journey') {
    const slash = source.ruleId.indexOf('/');
    if (slash > 0)
      return { journeyId: source.ruleId.slice(0, slash), stepId: source.ruleId.slice(slash + 1) };
  }
  for (const reason of entry.action.reasons) {
    const match = reason.match(journeyReason);
    if (match !== null) return { journeyId: match[1]!, stepId: match[2]! };
  }
  return undefined;
}

/**
 * Groups a customer's outbox entries into journeys (onboarding, dunning, detractor follow-up,
 * upsell, …) and keeps the open ones: those with a step nobody has marked done yet, with that step
 * as the next one. Journeys whose every step is done are finished and left out.
 */
export function openJourneys(entries: readonly AlertEntry[]): OpenJourney[] {
  const byJourney = new Map<string, JourneyStep[]>();
  for (const entry of entries) {
    const step = journeyStepOf(entry);
    if (step === undefined) continue;
    const steps = byJourney.get(step.journeyId) ?? [];
    steps.push({ stepId: step.stepId, entry });
    byJourney.set(step.journeyId, steps);
  }
  const journeys: OpenJourney[] = [];
  for (const [journeyId, steps] of byJourney) {
    steps.sort((left, right) => left.entry.action.dueAt.localeCompare(right.entry.action.dueAt));
    const nextStep = steps.find((step) => step.entry.done === null);
    if (nextStep !== undefined) journeys.push({ journeyId, steps, nextStep });
  }
  return journeys.sort((left, right) =>
    left.nextStep.entry.action.dueAt.localeCompare(right.nextStep.entry.action.dueAt),
  );
}
