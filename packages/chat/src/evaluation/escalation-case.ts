import type { AccountContext, ChatTurn } from '../escalation/escalation-input';

/** One labelled message of an escalation evaluation set. */
export interface EscalationCase {
  /** The message's language. */
  readonly language: 'ja' | 'en';
  /** The customer's new message. */
  readonly message: string;
  /** The conversation before it, oldest first. */
  readonly history?: readonly ChatTurn[];
  /** Account context. */
  readonly account?: AccountContext;
  /** Whether a person should take over (the label). */
  readonly escalate: boolean;
  /** The reason codes a person would give; empty for "do not escalate". */
  readonly codes: readonly string[];
}

/** The conversation and account a case is classified with. */
export interface EscalationCaseContext {
  /** The conversation before the message, oldest first. */
  readonly history?: readonly ChatTurn[];
  /** Account context. */
  readonly account?: AccountContext;
}

/** A case that must escalate, with its space-separated reason codes (for the evaluation sets). */
export const escalate = (
  language: 'ja' | 'en',
  codes: string,
  message: string,
  context: EscalationCaseContext = {},
): EscalationCase => ({
  language,
  message,
  ...context,
  escalate: true,
  codes: codes.split(' '),
});

/** A case that must not escalate (for the evaluation sets). */
export const keep = (
  language: 'ja' | 'en',
  message: string,
  context: EscalationCaseContext = {},
): EscalationCase => ({
  language,
  message,
  ...context,
  escalate: false,
  codes: [],
});
