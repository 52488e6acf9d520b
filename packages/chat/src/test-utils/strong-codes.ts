import { findSignals } from '../escalation/classify-escalation';
import type { EscalationReasonCode } from '../escalation/escalation-reason';
import { normalizeText } from '../text/normalize-text';

/**
 * The codes of the strong signals the escalation rules find in one message, in the order
 * `findSignals` returns them: what a rule test asserts on when it checks that a message
 * does (or does not) raise a strong signal such as `human_request`. Test support only; not
 * exported from the package.
 */
export function strongSignalCodes(message: string): EscalationReasonCode[] {
  return findSignals(normalizeText(message), message)
    .filter((signal) => signal.strength === 'strong')
    .map((signal) => signal.code);
}
