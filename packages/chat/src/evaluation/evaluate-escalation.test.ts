import { describe, expect, it } from 'vitest';
import { escalationReasonCodeSchema } from '../escalation/escalation-reason';
import { escalationHoldoutSet } from './escalation-holdout-set';
import { escalationEvaluationSet } from './escalation-set';
import { evaluateEscalation } from './evaluate-escalation';

describe('escalationEvaluationSet', () => {
  it('has at least 300 Japanese and English cases covering every reason code and hard negatives', () => {
    expect(escalationEvaluationSet.length).toBeGreaterThanOrEqual(300);
    const languages = new Set(escalationEvaluationSet.map((item) => item.language));
    expect([...languages].sort()).toEqual(['en', 'ja']);
    const codes = new Set(escalationEvaluationSet.flatMap((item) => item.codes));
    for (const code of escalationReasonCodeSchema.options) {
      // refund_inquiry only escalates with account context (unit tests); model_unavailable is set by
      // the bot; learned_pattern is the learned model's, never a person's label.
      if (code === 'refund_inquiry' || code === 'model_unavailable' || code === 'learned_pattern') continue;
      expect(codes.has(code), code).toBe(true);
    }
    const negatives = escalationEvaluationSet.filter((item) => !item.escalate).length;
    expect(negatives).toBeGreaterThanOrEqual(100);
  });
});

describe('evaluateEscalation', () => {
  it('meets recall ≥ 0.97 and precision ≥ 0.95 on the in-repo set', () => {
    const result = evaluateEscalation(escalationEvaluationSet);
    // The one known mistake (round 18): a mild, hedged dissatisfaction with no account, labelled calm
    // here, is escalated by the learned combination (text log-odds 1.1, combined 0.2 over the
    // threshold) since the round-18 writers' data; the rules alone read it as mild. Any other
    // mistake fails this test.
    expect(result.mistakes.map((mistake) => `${mistake.kind}: ${mistake.case.message}`)).toEqual([
      'false_alarm: 最近ちょっと使いにくいと感じています',
    ]);
    expect(result.recall).toBeGreaterThanOrEqual(0.97);
    expect(result.precision).toBeGreaterThanOrEqual(0.95);
  });

  it('meets the same targets on the held-out batches it has been corrected against', () => {
    const result = evaluateEscalation(escalationHoldoutSet);
    expect(result.recall).toBeGreaterThanOrEqual(0.97);
    expect(result.precision).toBeGreaterThanOrEqual(0.95);
  });

  it('counts false alarms and misses', () => {
    const result = evaluateEscalation(
      [
        { language: 'ja', message: 'a', escalate: true, codes: ['anger'] },
        { language: 'ja', message: 'b', escalate: false, codes: [] },
        { language: 'en', message: 'c', escalate: true, codes: ['anger'] },
      ],
      (input) => ({ escalate: input.message !== 'c', priority: 'high', reasons: [] }),
    );
    expect(result).toMatchObject({
      truePositives: 1,
      falsePositives: 1,
      falseNegatives: 1,
      trueNegatives: 0,
    });
    expect(result.precision).toBe(0.5);
    expect(result.recall).toBe(0.5);
    expect(result.recallByCode.anger).toEqual({ cases: 2, recall: 0.5 });
  });
});
