import * as z from 'zod';
import { idSchema, instantSchema } from '../schemas/primitives';

/** How urgent an action is. */
export const actionPrioritySchema = z.enum(['low', 'medium', 'high', 'critical']);
/** `'low' | 'medium' | 'high' | 'critical'`. */
export type ActionPriority = z.infer<typeof actionPrioritySchema>;

/** Where an action is carried out. */
export const actionChannelSchema = z.enum([
  'email',
  'slack',
  'sms',
  'phone',
  'in_app',
  'task',
  'webhook',
  'meeting',
]);
/** The channel of an action. */
export type ActionChannel = z.infer<typeof actionChannelSchema>;

/** A JSON value: what action payloads and stored results may contain. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

/** Schema of a JSON value. */
export const jsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number().refine(Number.isFinite, { error: 'expected a finite number' }),
    z.boolean(),
    z.null(),
    z.array(jsonValueSchema),
    z.record(z.string(), jsonValueSchema),
  ]),
);

/**
 * Something to do for a customer: send an e-mail, Slack the CSM, call, offer a discount. Engines
 * produce actions as plain data; the outbox stores each once per `idempotencyKey` and delivers it.
 */
export const actionSchema = z.object({
  /**
   * Deterministic key: the same decision on the same facts gives the same key, so a daily run that
   * decides it again stores and sends nothing new. Build keys with {@link idempotencyKey}.
   */
  idempotencyKey: idSchema,
  /** What to do, as a stable id (`send_reengagement_campaign`, `csm_intervention`, ...). */
  type: z.string().min(1),
  /** The customer it concerns; absent for workspace-wide actions. */
  customerId: idSchema.optional(),
  /** Where it is carried out. */
  channel: actionChannelSchema,
  /** Who carries it out: `automation`, `csm`, `executive`, `marketing`, `sales`, ... */
  owner: z.string().min(1),
  priority: actionPrioritySchema,
  /** True when software does it; false when a person must. */
  automated: z.boolean(),
  /** When it should happen. */
  dueAt: instantSchema,
  /** Deadline for a person to act (e.g. "within 24 h"). */
  deadlineAt: instantSchema.optional(),
  /** One line a person reads. */
  title: z.string().min(1),
  /** Why: reason codes or sentences from the engine that decided it. @defaultValue [] */
  reasons: z.array(z.string()).default([]),
  /** Which engine and rule produced it, for tracing. */
  source: z.object({ engine: z.string().min(1), ruleId: z.string().min(1) }),
  /** Details for the notifier or the template (JSON only). @defaultValue {} */
  payload: z.record(z.string(), jsonValueSchema).default({}),
});

/** An action after validation. */
export type Action = z.output<typeof actionSchema>;
/** An action as you may write it (defaults optional). */
export type ActionInput = z.input<typeof actionSchema>;

/**
 * Joins the parts that identify a decision into a readable, collision-free idempotency key:
 * each part is escaped, so `['a:b', 'c']` and `['a', 'b:c']` give different keys.
 *
 * @example
 * ```ts
 * console.log(idempotencyKey(['alert', 'usage-drop', 'cust-1', '2026-04'])); // alert:usage-drop:cust-1:2026-04
 * ```
 */
export function idempotencyKey(parts: readonly (string | number)[]): string {
  return parts.map((part) => encodeURIComponent(String(part)).replaceAll(':', '%3A')).join(':');
}
