import { findLexiconSignals } from '../escalation/escalation-lexicon';
import { normalizeText } from '../text/normalize-text';

/**
 * The lexicon signals found in one message, each as `code:strength` ("complaint:strong",
 * "dissatisfaction:mild"), in the order `findLexiconSignals` returns them: the lexicon alone,
 * before the hypothetical and improved filters of `findSignals`. Test support only; not
 * exported from the package.
 */
export function lexiconCodesWithStrength(message: string): string[] {
  return findLexiconSignals(normalizeText(message)).map((signal) => `${signal.code}:${signal.strength}`);
}
