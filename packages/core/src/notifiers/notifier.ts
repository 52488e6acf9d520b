import type { Action } from '../actions/action';

/** What a notifier reports after delivering an action. */
export interface NotificationReceipt {
  /** The notifier's name. */
  readonly notifier: string;
  /** HTTP status or other delivery detail, when there is one. */
  readonly status?: number;
  /** Attempts the notifier itself made (its own retries included). */
  readonly attempts: number;
}

/**
 * The notification port: delivers one action to people or systems (Slack, e-mail, SMS, a CRM).
 *
 * Semantics: `send` resolves once the receiver accepted the action, and rejects with a
 * `KizunaError` (code `NOTIFICATION_FAILED`, `isRetryable` set) when it could not. Implementations
 * pass `action.idempotencyKey` on to receivers that understand one, and must not deliver the same
 * key twice on their own account.
 */
export interface Notifier {
  /** A short name for logs and events (`slack`, `console`). */
  readonly name: string;
  /** Delivers one action. */
  send(action: Action, options?: { readonly signal?: AbortSignal }): Promise<NotificationReceipt>;
}
