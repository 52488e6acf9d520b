import type { EscalationDecision } from '../escalation/classify-escalation';
import { classifyEscalation } from '../escalation/classify-escalation';
import type { EscalationInput } from '../escalation/escalation-input';
import type { EscalationCase } from './escalation-case';

/** One case the classifier got wrong. */
export interface EscalationMistake {
  readonly case: EscalationCase;
  readonly decision: EscalationDecision;
  /** `missed` (a false negative) or `false_alarm` (a false positive). */
  readonly kind: 'missed' | 'false_alarm';
}

/** Precision and recall of escalation decisions over a labelled set. */
export interface EscalationEvaluation {
  readonly cases: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly trueNegatives: number;
  /** Of the escalations made, the share that were right (1 when none were made). */
  readonly precision: number;
  /** Of the escalations needed, the share that were made (1 when none were needed). */
  readonly recall: number;
  /** Harmonic mean of precision and recall. */
  readonly f1: number;
  /** Recall per expected reason code: the share of cases labelled with it that were escalated. */
  readonly recallByCode: Readonly<Record<string, { readonly cases: number; readonly recall: number }>>;
  /** Precision and recall per language. */
  readonly byLanguage: Readonly<Record<string, { readonly precision: number; readonly recall: number }>>;
  readonly mistakes: readonly EscalationMistake[];
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 1 : numerator / denominator;
}

/**
 * Measures an escalation classifier on a labelled set: precision, recall, F1, recall per reason
 * code and per language, and every mistake with the decision that was made.
 *
 * @param cases - the labelled cases, e.g. {@link escalationEvaluationSet}
 * @param classify - the classifier to measure @defaultValue classifyEscalation
 * @example
 * ```ts
 * import { escalationEvaluationSet, evaluateEscalation } from '@kizuna/chat/evaluation';
 *
 * const { precision, recall } = evaluateEscalation(escalationEvaluationSet);
 * console.log(precision, recall); // 1 1
 * ```
 */
export function evaluateEscalation(
  cases: readonly EscalationCase[],
  classify: (input: EscalationInput) => EscalationDecision = (input) => classifyEscalation(input),
): EscalationEvaluation {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  let trueNegatives = 0;
  const mistakes: EscalationMistake[] = [];
  const codes = new Map<string, { cases: number; hits: number }>();
  const languages = new Map<string, { tp: number; fp: number; fn: number }>();
  for (const item of cases) {
    const decision = classify({
      message: item.message,
      history: item.history === undefined ? [] : [...item.history],
      ...(item.account === undefined ? {} : { account: item.account }),
    });
    const language = languages.get(item.language) ?? { tp: 0, fp: 0, fn: 0 };
    languages.set(item.language, language);
    if (item.escalate && decision.escalate) {
      truePositives += 1;
      language.tp += 1;
    } else if (!item.escalate && decision.escalate) {
      falsePositives += 1;
      language.fp += 1;
      mistakes.push({ case: item, decision, kind: 'false_alarm' });
    } else if (item.escalate) {
      falseNegatives += 1;
      language.fn += 1;
      mistakes.push({ case: item, decision, kind: 'missed' });
    } else trueNegatives += 1;
    for (const code of item.codes) {
      const entry = codes.get(code) ?? { cases: 0, hits: 0 };
      entry.cases += 1;
      if (decision.escalate) entry.hits += 1;
      codes.set(code, entry);
    }
  }
  const precision = ratio(truePositives, truePositives + falsePositives);
  const recall = ratio(truePositives, truePositives + falseNegatives);
  return {
    cases: cases.length,
    truePositives,
    falsePositives,
    falseNegatives,
    trueNegatives,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    recallByCode: Object.fromEntries(
      [...codes]
        .sort()
        .map(([code, entry]) => [code, { cases: entry.cases, recall: entry.hits / entry.cases }]),
    ),
    byLanguage: Object.fromEntries(
      [...languages].map(([name, entry]) => [
        name,
        { precision: ratio(entry.tp, entry.tp + entry.fp), recall: ratio(entry.tp, entry.tp + entry.fn) },
      ]),
    ),
    mistakes,
  };
}
