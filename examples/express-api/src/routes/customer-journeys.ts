import type { OutboxEntry } from '@kizuna/core';
import { journeyPlansKind, type StoredJourneyPlan, storedJourneyPlanSchema } from '@kizuna/example-worker';
import * as z from 'zod';
import type { ApiContext } from '../api-context';
import { healthResultKind } from '../customer-insights';
import { ApiProblem } from '../problem-details';
import { customerParamsSchema } from './common-schemas';
import { defineRoute, type RouteDefinition } from './route-definition';

const journeyStepSchema = z.object({
  stepId: z.string(),
  title: z.string(),
  type: z.string(),
  channel: z.string(),
  owner: z.string(),
  priority: z.string(),
  automated: z.boolean(),
  /** When the occurrence is (or was) due. */
  dueAt: z.string(),
  state: z.enum(['sent', 'due', 'upcoming', 'skipped']).meta({
    description:
      '`sent`: its action was delivered; `due`: its action is in the outbox (or about to be) and not delivered yet; `upcoming`: its time is still to come; `skipped`: its time came but it was not sent (see `skipReason`).',
  }),
  skipReason: z
    .enum(['completed', 'condition_not_met', 'repeat_finished', 'expired'])
    .optional()
    .meta({ description: 'Why a skipped step was not sent.' }),
  actionKey: z
    .string()
    .optional()
    .meta({ description: 'The idempotency key of its outbox entry, when it has one.' }),
  done: z.boolean().meta({ description: 'Whether a person marked its action done.' }),
  conditional: z.boolean().meta({
    description:
      'For an upcoming step: its condition does not hold now, so it happens only if the facts change.',
  }),
});

const customerJourneysSchema = z.object({
  customerId: z.string(),
  /** The run the plans come from; `null` when the pipeline has planned no journey for the customer. */
  asOf: z.string().nullable(),
  journeys: z.array(
    z.object({
      journeyId: z.string(),
      name: z.string(),
      anchor: z.string(),
      anchorAt: z.string(),
      subjectId: z.string().optional(),
      exited: z.boolean(),
      /** Every step occurrence of the plan, by due time. */
      steps: z.array(journeyStepSchema),
    }),
  ),
});

/** The body of `GET /v1/customers/{customerId}/journeys`. */
export type CustomerJourneys = z.output<typeof customerJourneysSchema>;
type JourneyStepView = z.output<typeof journeyStepSchema>;

/** An occurrence of a step as its action's `source.ruleId` and due instant. */
function occurrenceOf(ruleId: string, dueAt: string): string {
  return `${ruleId}@${dueAt}`;
}

/**
 * Joins a stored plan with the customer's outbox. A due step finds its entry by key. A skipped
 * step may still have an entry: a step that went out on time and has since gone stale is planned
 * as `expired`, yet it was sent; it is found by its rule id (`<journey>/<step>`, or the plan's
 * `ruleIdPrefix` for the alerts' journeys), due time and (for a journey a customer can be in several
 * times) the subject among the key's parts.
 */
function journeySteps(
  plan: StoredJourneyPlan,
  byKey: ReadonlyMap<string, OutboxEntry>,
  byOccurrence: ReadonlyMap<string, readonly OutboxEntry[]>,
): JourneyStepView[] {
  const subjectPart = plan.subjectId === undefined ? undefined : encodeURIComponent(plan.subjectId);
  const fromOutbox = (entry: OutboxEntry) => ({
    state: entry.status === 'delivered' ? ('sent' as const) : ('due' as const),
    actionKey: entry.action.idempotencyKey,
    done: entry.acknowledgement !== undefined,
  });
  const steps: JourneyStepView[] = [];
  for (const step of plan.due) {
    const entry = byKey.get(step.actionKey);
    const { actionKey, ...template } = step;
    steps.push({
      ...template,
      ...(entry === undefined ? { state: 'due', actionKey, done: false } : fromOutbox(entry)),
      conditional: false,
    });
  }
  for (const step of plan.skipped) {
    const { reason, ...template } = step;
    const entry = byOccurrence
      .get(occurrenceOf(`${plan.ruleIdPrefix ?? plan.journeyId}/${step.stepId}`, step.dueAt))
      ?.find(
        (candidate) =>
          subjectPart === undefined || candidate.action.idempotencyKey.split(':').includes(subjectPart),
      );
    if (entry === undefined) {
      steps.push({
        ...template,
        state: 'skipped',
        skipReason: reason,
        done: reason === 'completed',
        conditional: false,
      });
    } else {
      const outbox = fromOutbox(entry);
      steps.push({ ...template, ...outbox, done: outbox.done || reason === 'completed', conditional: false });
    }
  }
  for (const step of plan.upcoming) steps.push({ ...step, state: 'upcoming', done: false });
  // Stable: equal instants keep the plan's order.
  return steps.sort((left, right) => Date.parse(left.dueAt) - Date.parse(right.dueAt));
}

/**
 * Reads a customer's open journeys: the plans the pipeline stored in its latest run (one
 * `journey-plans` result), joined with the customer's outbox entries (one `listActions` call) for
 * delivery and done state. The pipeline stores plans only for a customer with at least one
 * journey, so plans older than the customer's latest health score (a later run planned nothing:
 * onboarding over, campaign no longer recommended, customer left) are no longer open: the answer is
 * then that run's instant with no journeys. A stored journey that does not parse is left out
 * rather than failing the page.
 */
export async function readCustomerJourneys(
  context: Pick<ApiContext, 'store'>,
  customerId: string,
): Promise<CustomerJourneys> {
  const [customer, stored, latestScore, entries] = await Promise.all([
    context.store.getRecord('customer', customerId),
    context.store.getLatestResult(journeyPlansKind, customerId),
    context.store.getLatestResult(healthResultKind, customerId),
    context.store.listActions({ customerId }),
  ]);
  if (customer === undefined) throw new ApiProblem('NOT_FOUND', `No customer has the id "${customerId}".`);
  if (stored === undefined) return { customerId, asOf: null, journeys: [] };
  if (latestScore !== undefined && Date.parse(latestScore.asOf) > Date.parse(stored.asOf)) {
    return { customerId, asOf: latestScore.asOf, journeys: [] };
  }
  const value = stored.value as { readonly journeys?: unknown };
  const plans = (Array.isArray(value?.journeys) ? value.journeys : []).flatMap((journey: unknown) => {
    const parsed = storedJourneyPlanSchema.safeParse(journey);
    return parsed.success ? [parsed.data] : [];
  });
  const byKey = new Map(entries.map((entry) => [entry.action.idempotencyKey, entry]));
  const byOccurrence = new Map<string, OutboxEntry[]>();
  for (const entry of entries) {
    const key = occurrenceOf(entry.action.source.ruleId, entry.action.dueAt);
    const list = byOccurrence.get(key);
    if (list === undefined) byOccurrence.set(key, [entry]);
    else list.push(entry);
  }
  return {
    customerId,
    asOf: stored.asOf,
    journeys: plans.map((plan) => ({
      journeyId: plan.journeyId,
      name: plan.name,
      anchor: plan.anchor,
      anchorAt: plan.anchorAt,
      ...(plan.subjectId === undefined ? {} : { subjectId: plan.subjectId }),
      exited: plan.exited,
      steps: journeySteps(plan, byKey, byOccurrence),
    })),
  };
}

/** `GET /v1/customers/{customerId}/journeys`: the customer's journeys with every planned step. */
export function customerJourneyRoutes(context: ApiContext): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/customers/{customerId}/journeys',
      operationId: 'getCustomerJourneys',
      summary: "The customer's journeys with their sent, due, upcoming and skipped steps",
      description:
        "From the journey plans the pipeline stored in its latest run (dunning per unpaid invoice, detractor follow-up, onboarding, upsell campaigns), joined with the customer's outbox entries for delivery and done state. `asOf` is the run's instant, `null` (with no journeys) when no run has planned a journey for the customer. When a later run scored the customer but planned no journey, `asOf` is that run's instant and `journeys` is empty.",
      tag: 'customers',
      scope: 'read',
      usesStore: true,
      params: customerParamsSchema,
      responses: { 200: { description: 'The journeys', schema: customerJourneysSchema } },
      handle: async ({ params }) => ({ body: await readCustomerJourneys(context, params.customerId) }),
    }),
  ];
}
