import * as z from 'zod';

/**
 * Why a conversation goes to a human. The first twelve come from the issue and seeds/001 §6;
 * `emotion_trajectory`, `dissatisfaction`, `cancellation_inquiry`, `refund_inquiry` and
 * `account_risk` are ours: the last four only escalate for an account at risk (they lower the bar).
 * `learned_pattern` is the learned model's: no rule fired, but the message reads like the labelled
 * escalations it was trained on (its evidence names the spans that weighed most).
 * `model_unavailable` is set by the support bot, never by the classifier: the language model failed
 * and no FAQ answer was good enough, so a person takes over.
 */
export const escalationReasonCodeSchema = z.enum([
  'anger',
  'anxiety',
  'complaint',
  'refund_request',
  'cancellation_request',
  'legal',
  'human_request',
  'billing_dispute',
  'safety',
  'threat',
  'unresolved_turns',
  'repeated_question',
  'emotion_trajectory',
  'dissatisfaction',
  'cancellation_inquiry',
  'refund_inquiry',
  'account_risk',
  'learned_pattern',
  'model_unavailable',
]);

/** A reason code. See {@link escalationReasonCodeSchema}. */
export type EscalationReasonCode = z.infer<typeof escalationReasonCodeSchema>;

/** One reason for a decision, with the text that shows it. */
export interface EscalationReason {
  /** The reason code. */
  readonly code: EscalationReasonCode;
  /** The words that triggered it (normalised text), or a short description for conversation and account rules. */
  readonly evidence: string;
  /** Where the evidence was found: the current `message`, `history[i]`, the `conversation` or the `account`. */
  readonly source: string;
}
