import { EventEmitter } from 'eventemitter3';

/** Fields every event payload carries. */
export interface EventBase {
  /** When the event happened (ISO instant). */
  readonly occurredAt: string;
}

/**
 * The events Kizuna emits, by name (`noun.verb-ed`). Payloads are readonly and carry ids for
 * correlation. Packages add their own events by augmenting this interface:
 *
 * ```ts
 * declare module '@kizuna/core' { interface KizunaEventMap { 'my.thing-happened': { ... } } }
 * ```
 */
export interface KizunaEventMap {
  /** A health score was computed. */
  'health.scored': EventBase & {
    readonly customerId: string;
    readonly score: number;
    readonly band: string;
    readonly asOf: string;
  };
  /** A proactive alert fired; its action went to the outbox under `idempotencyKey`. */
  'alert.raised': EventBase & {
    readonly customerId: string;
    readonly alertId: string;
    readonly idempotencyKey: string;
    readonly priority: string;
  };
  /** A churn prediction was made. */
  'churn.predicted': EventBase & {
    readonly customerId: string;
    readonly probability: number;
    readonly riskLevel: string;
    readonly modelVersion: string;
  };
  /** Expansion opportunities were found for a customer. */
  'expansion.recommended': EventBase & {
    readonly customerId: string;
    readonly ruleIds: readonly string[];
  };
  /** A chat conversation was handed to a human. */
  'chat.escalated': EventBase & {
    readonly conversationId: string;
    readonly customerId?: string;
    readonly priority: string;
    readonly reasonCodes: readonly string[];
  };
  /** The chat's language model failed and the bot fell back. */
  'chat.model-failed': EventBase & {
    readonly conversationId: string;
    readonly error: string;
  };
  /** A journey step fell due and its action was produced. */
  'journey.step-due': EventBase & {
    readonly journeyId: string;
    readonly stepId: string;
    readonly customerId: string;
    readonly idempotencyKey: string;
  };
  /** An action was stored in the outbox. */
  'action.enqueued': EventBase & { readonly idempotencyKey: string; readonly customerId?: string };
  /** A notifier delivered an action. */
  'notification.sent': EventBase & {
    readonly idempotencyKey: string;
    readonly notifier: string;
    readonly attempts: number;
  };
  /** A delivery attempt failed; `willRetry` says whether the outbox will try again. */
  'notification.failed': EventBase & {
    readonly idempotencyKey: string;
    readonly notifier: string;
    readonly attempts: number;
    readonly error: string;
    readonly willRetry: boolean;
  };
}

/** The name of a Kizuna event. */
export type KizunaEventName = keyof KizunaEventMap;

/** The listener signature of each event in an event map. */
export type KizunaEventListeners<Events> = {
  [Name in keyof Events]: (payload: Readonly<Events[Name]>) => void;
};

/** A typed event bus: `on`, `once`, `off` and `emit` know each event's payload. */
export type KizunaEventBus<Events extends object = KizunaEventMap> = InstanceType<
  typeof EventEmitter<KizunaEventListeners<Events>>
>;

/**
 * Creates a typed event bus (eventemitter3). The SDK emits; your code listens.
 *
 * @example
 * ```ts
 * const events = createEventBus();
 * events.on('chat.escalated', (event) => console.log(event.conversationId, event.reasonCodes));
 * events.emit('chat.escalated', {
 *   occurredAt: '2026-04-01T09:30:00Z',
 *   conversationId: 'conv-7',
 *   priority: 'high',
 *   reasonCodes: ['refund_request'],
 * }); // prints: conv-7 [ 'refund_request' ]
 * ```
 */
export function createEventBus<Events extends object = KizunaEventMap>(): KizunaEventBus<Events> {
  return new EventEmitter<KizunaEventListeners<Events>>();
}
