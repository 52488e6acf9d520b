import * as z from 'zod';
import { actionChannelSchema, actionPrioritySchema, jsonValueSchema } from '../actions/action';
import { idSchema, timeZoneSchema } from '../schemas/primitives';
import { conditionSchema } from './condition';

/**
 * An offset from the journey's anchor. `days` are calendar days on the local wall clock (so "day 3"
 * keeps its time of day across a DST change); `hours` and `minutes` are elapsed time. Negative values
 * fall before the anchor (renewal "D-90" is `{ days: -90 }`).
 */
export const offsetSchema = z.object({
  days: z.number().int().default(0),
  hours: z.number().int().default(0),
  minutes: z.number().int().default(0),
});

/** An offset from an anchor. See {@link offsetSchema}. */
export type Offset = z.output<typeof offsetSchema>;

/** What a step does when it is due: the template of its action. */
export const stepActionSchema = z.object({
  type: z.string().min(1),
  channel: actionChannelSchema,
  /** Who carries it out. @defaultValue 'automation' */
  owner: z.string().min(1).default('automation'),
  /** @defaultValue 'medium' */
  priority: actionPrioritySchema.default('medium'),
  /** @defaultValue true */
  automated: z.boolean().default(true),
  title: z.string().min(1),
  /** Time a person has to act after the step is due, e.g. `{ hours: 24 }`. */
  deadline: offsetSchema.optional(),
  /** @defaultValue {} */
  payload: z.record(z.string(), jsonValueSchema).default({}),
});

/** A step of a journey. */
export const journeyStepSchema = z.object({
  /** Unique within the journey; part of the idempotency key, so never reuse an id for another step. */
  id: idSchema,
  /** When the (first) occurrence is due, from the anchor. */
  offset: offsetSchema,
  /** Local time of day `HH:mm` the step is due at, on the day the offset lands on. */
  at: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected a local time HH:mm' })
    .optional(),
  /** The step runs only when this holds at planning time. */
  when: conditionSchema.optional(),
  /**
   * Repeat the step at this interval after its first occurrence ("remind every 3 days until done").
   * Only the latest occurrence that is due is returned, so a late run does not send a burst.
   */
  repeat: z
    .object({
      every: offsetSchema,
      /** Stop repeating once this holds. */
      until: conditionSchema.optional(),
      /** At most this many occurrences in all. @defaultValue 10 */
      maxOccurrences: z.number().int().positive().default(10),
    })
    .optional(),
  /** An occurrence this long past its due time is skipped as stale instead of sent. */
  expiresAfter: offsetSchema.optional(),
  action: stepActionSchema,
});

/** A journey step after validation. */
export type JourneyStep = z.output<typeof journeyStepSchema>;

/**
 * A timed playbook as data: steps at offsets from an anchor (signup, invoice issue, contract end,
 * booking), conditions on facts, and exit criteria. One engine ({@link planJourney}) runs them all.
 */
export const journeySchema = z
  .object({
    id: idSchema,
    name: z.string().min(1),
    description: z.string().optional(),
    /** What the anchor instant is, for people: `signup`, `invoice_issued`, `contract_end`, ... */
    anchor: z.string().min(1),
    steps: z.array(journeyStepSchema).min(1, { error: 'a journey needs at least one step' }),
    /** The journey ends (nothing more is due) once this holds. */
    exitWhen: conditionSchema.optional(),
    /** Default staleness for every step without its own `expiresAfter`. */
    expiresAfter: offsetSchema.optional(),
    /** Time zone for calendar-day offsets and `at` times. @defaultValue 'Asia/Tokyo' */
    timeZone: timeZoneSchema.default('Asia/Tokyo'),
  })
  .superRefine((journey, context) => {
    const seen = new Set<string>();
    journey.steps.forEach((step, index) => {
      if (seen.has(step.id)) {
        context.addIssue({
          code: 'custom',
          path: ['steps', index, 'id'],
          message: `duplicate step id "${step.id}"`,
        });
      }
      seen.add(step.id);
    });
  });

/** A journey after validation. */
export type Journey = z.output<typeof journeySchema>;
/** A journey as you may write it (defaults optional). */
export type JourneyInput = z.input<typeof journeySchema>;
