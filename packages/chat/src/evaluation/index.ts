// The evaluation entry point, `@kizuna/chat/evaluation`: the labelled escalation sets, the
// function that measures a classifier on them, and the FAQ calibration queries. A subpath of its
// own so that the sets (tens of kilobytes of text) stay out of the main entry.

export { faqCalibrationSet } from '../faq/faq-calibration-set';
export {
  type EscalationCase,
  type EscalationCaseContext,
  escalate,
  keep,
} from './escalation-case';
export { escalationFrozenSet } from './escalation-frozen-set';
export { escalationHoldoutSet } from './escalation-holdout-set';
export { escalationEvaluationSet } from './escalation-set';
export {
  type EscalationEvaluation,
  type EscalationMistake,
  evaluateEscalation,
} from './evaluate-escalation';
