import {
  actionChannelSchema,
  actionPrioritySchema,
  type Journey,
  type JourneyInput,
  type JourneyPlan,
  journeySchema,
} from '@kizuna/core';
import * as z from 'zod';

/** The result kind the pipeline stores each customer's journey plans under, once per run. */
export const journeyPlansKind = 'journey-plans';

const stepTemplateShape = {
  stepId: z.string(),
  dueAt: z.string(),
  type: z.string(),
  channel: actionChannelSchema,
  owner: z.string(),
  priority: actionPrioritySchema,
  title: z.string(),
  automated: z.boolean(),
};

/** One planned journey of a customer as the pipeline stores it. */
export const storedJourneyPlanSchema = z.object({
  journeyId: z.string(),
  name: z.string(),
  /** What the anchor is (`contract_start`, `recommendation_made`, ...). */
  anchor: z.string(),
  /** The instant the journey's offsets count from. */
  anchorAt: z.string(),
  /** What the journey runs for when a customer can be in it several times (an upsell's product). */
  subjectId: z.string().optional(),
  exited: z.boolean(),
  /** Steps due at the run's instant, with the idempotency key their action was enqueued under. */
  due: z.array(z.object({ ...stepTemplateShape, actionKey: z.string() })),
  /** Steps whose time has come but that were not due, with the reason. */
  skipped: z.array(
    z.object({
      ...stepTemplateShape,
      reason: z.enum(['completed', 'condition_not_met', 'repeat_finished', 'expired']),
    }),
  ),
  /** Steps still to come (see `JourneyPlan.upcoming`). */
  upcoming: z.array(z.object({ ...stepTemplateShape, conditional: z.boolean() })),
});

/** One planned journey as stored. See {@link storedJourneyPlanSchema}. */
export type StoredJourneyPlan = z.output<typeof storedJourneyPlanSchema>;

/** The value of a `journey-plans` result: every journey the run planned for one customer. */
export const journeyPlansValueSchema = z.object({
  asOf: z.string(),
  journeys: z.array(storedJourneyPlanSchema),
});

/** The value of a `journey-plans` result. See {@link journeyPlansValueSchema}. */
export type JourneyPlansValue = z.output<typeof journeyPlansValueSchema>;

const parsedJourneys = new WeakMap<JourneyInput, Journey>();

function parsedJourney(journey: JourneyInput): Journey {
  let parsed = parsedJourneys.get(journey);
  if (parsed === undefined) {
    parsed = journeySchema.parse(journey);
    parsedJourneys.set(journey, parsed);
  }
  return parsed;
}

/**
 * The stored form of one journey plan: the due actions reduced to their step, instant, template and
 * key; the skipped steps with their template (from the journey); the upcoming steps as planned.
 */
export function storedJourneyPlan(
  journeyInput: JourneyInput,
  plan: JourneyPlan,
  anchorAt: string,
  subjectId?: string,
): StoredJourneyPlan {
  const journey = parsedJourney(journeyInput);
  const steps = new Map(journey.steps.map((step) => [step.id, step.action]));
  return {
    journeyId: journey.id,
    name: journey.name,
    anchor: journey.anchor,
    anchorAt,
    ...(subjectId === undefined ? {} : { subjectId }),
    exited: plan.exited,
    due: plan.due.map((action) => ({
      stepId: action.source.ruleId.slice(action.source.ruleId.indexOf('/') + 1),
      dueAt: action.dueAt,
      type: action.type,
      channel: action.channel,
      owner: action.owner,
      priority: action.priority,
      title: action.title,
      automated: action.automated,
      actionKey: action.idempotencyKey,
    })),
    skipped: plan.skipped.flatMap((skip) => {
      const template = steps.get(skip.stepId);
      if (template === undefined) return [];
      return [
        {
          stepId: skip.stepId,
          dueAt: skip.dueAt,
          type: template.type,
          channel: template.channel,
          owner: template.owner,
          priority: template.priority,
          title: template.title,
          automated: template.automated,
          reason: skip.reason,
        },
      ];
    }),
    upcoming: plan.upcoming.map((step) => ({ ...step })),
  };
}
