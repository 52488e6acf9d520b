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
