import {
  type Action,
  actionChannelSchema,
  actionPrioritySchema,
  type CustomerSnapshot,
  freezeForReuse,
  type Journey,
  type JourneyInput,
  type JourneyPlan,
  journeySchema,
  planJourney,
} from '@kizuna/core';
import { type AlertEvaluation, dunningJourney, npsDetractorJourney } from '@kizuna/health';
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
  /**
   * What the `source.ruleId` of its actions starts with, when not the journey id: the alerts run
   * dunning as `alert/late-payment/<step>` and the detractor follow-up as `alert/detractor/<step>`.
   */
  ruleIdPrefix: z.string().optional(),
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

const reusableCopies = new WeakMap<JourneyInput, Map<string, JourneyInput>>();

/**
 * A frozen copy of a journey (in `timeZone` when given), marked reusable: `planJourney` validates it
 * once instead of on every call. The copy is cached, so every customer of a run plans with the same
 * object.
 */
export function reusableJourney(journey: JourneyInput, timeZone?: string): JourneyInput {
  let copies = reusableCopies.get(journey);
  if (copies === undefined) {
    copies = new Map();
    reusableCopies.set(journey, copies);
  }
  const key = timeZone ?? '';
  let copy = copies.get(key);
  if (copy === undefined) {
    copy = freezeForReuse(structuredClone(timeZone === undefined ? journey : { ...journey, timeZone }));
    copies.set(key, copy);
  }
  return copy;
}

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
  ruleIdPrefix?: string,
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
    ...(ruleIdPrefix === undefined ? {} : { ruleIdPrefix }),
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

/**
 * The plans of the journeys the alerts run (health's `evaluateAlerts`): dunning for every unpaid
 * invoice (from its issue, so the day-7 reminder shows as upcoming before it fires) and the detractor
 * follow-up while it runs. Planned again here with the alerts' time zone; each due step carries the
 * key of the alert action that enqueued it (found by step, and invoice for dunning), so the plan
 * joins with the outbox.
 */
export function alertJourneyPlans(
  snapshot: CustomerSnapshot,
  alerts: AlertEvaluation,
  asOf: string,
): StoredJourneyPlan[] {
  const customerId = snapshot.customer.id;
  const timeZone = snapshot.timeZone;
  const withAlertKeys = (plan: JourneyPlan, matches: (action: Action, stepId: string) => boolean) => ({
    ...plan,
    due: plan.due.map((action) => {
      const stepId = action.source.ruleId.slice(action.source.ruleId.indexOf('/') + 1);
      const alert = alerts.actions.find((candidate) => matches(candidate, stepId));
      return alert === undefined ? action : { ...action, idempotencyKey: alert.idempotencyKey };
    }),
  });
  const plans: StoredJourneyPlan[] = [];
  for (const invoice of snapshot.financial.unpaidInvoices) {
    const plan = planJourney(
      reusableJourney(dunningJourney, timeZone),
      { customerId, anchorAt: invoice.issuedAt, subjectId: invoice.id, facts: { paid: false } },
      asOf,
    );
    const keyed = withAlertKeys(
      plan,
      (action, stepId) =>
        action.source.ruleId === `alert/late-payment/${stepId}` && action.payload.invoiceId === invoice.id,
    );
    plans.push(storedJourneyPlan(dunningJourney, keyed, invoice.issuedAt, invoice.id, 'alert/late-payment'));
  }
  const nps = snapshot.satisfaction.latestNps;
  const detractor = alerts.checks.some((check) => check.trigger === 'detractor' && check.fired);
  if (nps !== null && detractor) {
    const plan = planJourney(
      reusableJourney(npsDetractorJourney, timeZone),
      { customerId, anchorAt: nps.respondedAt },
      asOf,
    );
    const keyed = withAlertKeys(
      plan,
      (action, stepId) => action.source.ruleId === `alert/detractor/${stepId}`,
    );
    plans.push(storedJourneyPlan(npsDetractorJourney, keyed, nps.respondedAt, undefined, 'alert/detractor'));
  }
  return plans;
}
