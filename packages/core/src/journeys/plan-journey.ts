import * as z from 'zod';
import { type Action, idempotencyKey } from '../actions/action';
import { addCalendarDays, localDate, zonedDateTime, zonedInstant } from '../calendar/calendar';
import { toEpochMilliseconds, toInstant } from '../calendar/clock';
import { parseInput } from '../errors/parse-input';
import { idSchema, instantSchema } from '../schemas/primitives';
import { evaluateCondition, type Facts } from './condition';
import { type Journey, type JourneyInput, type JourneyStep, journeySchema, type Offset } from './journey';

/** Where one customer stands in a journey. */
export const journeyStateSchema = z.object({
  customerId: idSchema,
  /** The instant the offsets count from (signup, invoice issue, contract end, booking, ...). */
  anchorAt: instantSchema,
  /** Facts the conditions read. @defaultValue {} */
  facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({}),
  /**
   * What the journey runs for when one customer can be in it several times at once (an invoice, a
   * booking): made part of every idempotency key, so two invoices issued at the same instant do not
   * share keys.
   */
  subjectId: idSchema.optional(),
  /** Ids of steps already done (e.g. marked done by a CSM); they are never due again. @defaultValue [] */
  completedStepIds: z.array(z.string()).default([]),
});

/** Journey state as you may write it. */
export type JourneyStateInput = z.input<typeof journeyStateSchema>;

/** Why a step is not due now. */
export type SkipReason = 'completed' | 'condition_not_met' | 'repeat_finished' | 'expired';

/**
 * A step occurrence still to come: its time is after `asOf` and it is not completed. What the
 * customer page shows as the journey's next steps.
 */
export interface UpcomingStep {
  readonly stepId: string;
  /** When the occurrence falls due (ISO instant), always after `asOf`. */
  readonly dueAt: string;
  readonly type: string;
  readonly channel: Action['channel'];
  readonly owner: string;
  readonly priority: Action['priority'];
  readonly title: string;
  readonly automated: boolean;
  /**
   * True when the step has a `when` condition that does not hold at `asOf`: with today's facts it
   * would be skipped when its time comes, but it may still happen if the facts change before then.
   */
  readonly conditional: boolean;
}

/** The plan of a journey for one customer at one instant. */
export interface JourneyPlan {
  readonly journeyId: string;
  readonly customerId: string;
  /** True when the journey's exit condition holds: nothing is due. */
  readonly exited: boolean;
  /** The steps due now, as actions with deterministic idempotency keys. */
  readonly due: readonly Action[];
  /** Steps whose time has come but that are not due, with the reason. */
  readonly skipped: readonly {
    readonly stepId: string;
    readonly dueAt: string;
    readonly reason: SkipReason;
  }[];
  /**
   * Every step occurrence after `asOf` that is not completed, in time order (ties in step order):
   * for a repeating step only its next occurrence, and none once its `until` holds or its
   * `maxOccurrences` are used up. Empty when the journey has exited. A step whose `when` does not
   * hold now is listed with `conditional: true`.
   */
  readonly upcoming: readonly UpcomingStep[];
  /** The next instant a step becomes due, if any. */
  readonly nextDueAt?: string;
}

function applyOffset(instant: number, offset: Offset, timeZone: string, at?: string): number {
  const date = addCalendarDays(localDate(instant, timeZone), offset.days);
  let time = at;
  if (time === undefined) {
    const local = zonedDateTime(instant, timeZone);
    time = `${local.hour}:${local.minute}:${local.second}`;
  }
  const subSecond = at === undefined ? ((instant % 1000) + 1000) % 1000 : 0;
  return zonedInstant(date, time, timeZone) + subSecond + (offset.hours * 60 + offset.minutes) * 60_000;
}

function occurrenceTimes(step: JourneyStep, anchor: number, timeZone: string, until: number): number[] {
  const times = [applyOffset(anchor, step.offset, timeZone, step.at)];
  if (step.repeat === undefined) return times;
  const every = step.repeat.every;
  if (every.days <= 0 && every.hours <= 0 && every.minutes <= 0) return times;
  while (times.length < step.repeat.maxOccurrences) {
    const next = applyOffset(times[times.length - 1]!, every, timeZone, step.at);
    times.push(next);
    if (next > until) break;
  }
  return times;
}

/**
 * Plans a journey for one customer: which steps are due at `asOf`, as actions with deterministic
 * idempotency keys, which are skipped and why, which are still to come (`upcoming`), and when the
 * next step falls due.
 *
 * Rules: nothing is due once `exitWhen` holds; a completed step is never due again; a step is due
 * once its time has come and its `when` condition holds; a repeating step yields only its latest
 * due occurrence and stops when `until` holds or after `maxOccurrences`; an occurrence older than
 * `expiresAfter` is skipped as stale. The same inputs always give the same plan, so running the
 * planner every day and enqueueing its actions into the outbox sends each step once.
 *
 * @throws KizunaValidationError when the journey, state or `asOf` is invalid
 * @example
 * ```ts
 * // Dunning (DOMAIN.md §3): remind on day 7 after the invoice, call on day 14, unless it is paid.
 * const dunningJourney: JourneyInput = {
 *   id: 'dunning', name: 'Dunning', anchor: 'invoice_issued',
 *   exitWhen: { fact: 'paid', op: 'eq', value: true },
 *   steps: [
 *     { id: 'day-7', offset: { days: 7 }, action: { type: 'payment_reminder', channel: 'email', title: 'Reminder' } },
 *     { id: 'day-14', offset: { days: 14 }, action: { type: 'second_reminder', channel: 'phone', title: 'Call' } },
 *     { id: 'day-21', offset: { days: 21 }, action: { type: 'csm_intervention', channel: 'task', title: 'Instalments' } },
 *   ],
 * };
 * const invoice = { id: 'inv-42', issuedAt: '2026-04-01T00:00:00Z' };
 * const plan = planJourney(dunningJourney, { customerId: 'c1', anchorAt: invoice.issuedAt,
 *   facts: { paid: false } }, '2026-04-15T00:00:00Z');
 * console.log(plan.due.map((action) => action.type), plan.nextDueAt);
 * // ['payment_reminder', 'second_reminder'] 2026-04-22T00:00:00.000Z
 * console.log(plan.upcoming.map((step) => [step.stepId, step.dueAt])); // [['day-21', '2026-04-22T00:00:00.000Z']]
 * const store = createMemoryStore();
 * const { enqueued } = await store.enqueueActions(plan.due, { now: '2026-04-15T00:00:00Z' });
 * console.log(enqueued.length); // 2
 * ```
 */
export function planJourney(
  journeyInput: JourneyInput,
  stateInput: JourneyStateInput,
  asOfInput: string,
): JourneyPlan {
  const journey: Journey = parseInput(journeySchema, journeyInput, 'journey');
  const state = parseInput(journeyStateSchema, stateInput, 'journey state');
  const asOf = toEpochMilliseconds(parseInput(instantSchema, asOfInput, 'asOf'));
  const facts: Facts = state.facts;
  const anchor = toEpochMilliseconds(state.anchorAt);

  if (journey.exitWhen !== undefined && evaluateCondition(journey.exitWhen, facts)) {
    return {
      journeyId: journey.id,
      customerId: state.customerId,
      exited: true,
      due: [],
      skipped: [],
      upcoming: [],
    };
  }

  const due: Action[] = [];
  const skipped: { stepId: string; dueAt: string; reason: SkipReason }[] = [];
  const upcoming: { step: JourneyStep; at: number }[] = [];
  let nextDue = Number.POSITIVE_INFINITY;
  const completed = new Set(state.completedStepIds);

  for (const step of journey.steps) {
    const times = occurrenceTimes(step, anchor, journey.timeZone, asOf);
    let latest = -1;
    for (let index = 0; index < times.length; index += 1) {
      if (times[index]! <= asOf) latest = index;
      else {
        if (!completed.has(step.id)) {
          nextDue = Math.min(nextDue, times[index]!);
          const finished = step.repeat?.until !== undefined && evaluateCondition(step.repeat.until, facts);
          if (!finished) upcoming.push({ step, at: times[index]! });
        }
        break;
      }
    }
    if (latest < 0) continue;
    const dueAt = times[latest]!;
    const skip = (reason: SkipReason) => skipped.push({ stepId: step.id, dueAt: toInstant(dueAt), reason });
    if (completed.has(step.id)) {
      skip('completed');
      continue;
    }
    if (step.when !== undefined && !evaluateCondition(step.when, facts)) {
      skip('condition_not_met');
      continue;
    }
    if (step.repeat?.until !== undefined && evaluateCondition(step.repeat.until, facts)) {
      skip('repeat_finished');
      continue;
    }
    const expiresAfter = step.expiresAfter ?? journey.expiresAfter;
    if (expiresAfter !== undefined && applyOffset(dueAt, expiresAfter, journey.timeZone) < asOf) {
      skip('expired');
      continue;
    }
    const keyParts = ['journey', journey.id, state.customerId, state.anchorAt, step.id];
    if (state.subjectId !== undefined) keyParts.splice(3, 0, state.subjectId);
    if (step.repeat !== undefined) keyParts.push(String(latest + 1));
    const template = step.action;
    due.push({
      idempotencyKey: idempotencyKey(keyParts),
      type: template.type,
      customerId: state.customerId,
      channel: template.channel,
      owner: template.owner,
      priority: template.priority,
      automated: template.automated,
      dueAt: toInstant(dueAt),
      ...(template.deadline === undefined
        ? {}
        : { deadlineAt: toInstant(applyOffset(dueAt, template.deadline, journey.timeZone)) }),
      title: template.title,
      reasons: [`journey ${journey.id} step ${step.id}${step.repeat === undefined ? '' : ` #${latest + 1}`}`],
      source: { engine: 'journey', ruleId: `${journey.id}/${step.id}` },
      payload: template.payload,
    });
  }

  return {
    journeyId: journey.id,
    customerId: state.customerId,
    exited: false,
    due,
    skipped,
    // Array.prototype.sort is stable: equal instants keep the order of the steps.
    upcoming: upcoming
      .sort((left, right) => left.at - right.at)
      .map(({ step, at }) => ({
        stepId: step.id,
        dueAt: toInstant(at),
        type: step.action.type,
        channel: step.action.channel,
        owner: step.action.owner,
        priority: step.action.priority,
        title: step.action.title,
        automated: step.action.automated,
        conditional: step.when !== undefined && !evaluateCondition(step.when, facts),
      })),
    ...(Number.isFinite(nextDue) ? { nextDueAt: toInstant(nextDue) } : {}),
  };
}
