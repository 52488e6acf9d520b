import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyEscalation } from './classify-escalation';
import { noConversationFeatures } from './conversation-features';
import {
  combinationFeatureNames,
  combinedLogOdds,
  type EscalationEvidence,
  isHardEvidence,
  writeCombinationFeatures,
} from './escalation-combination';
import type { EscalationReason, EscalationReasonCode } from './escalation-reason';

const reason = (code: EscalationReasonCode): EscalationReason => ({
  code,
  evidence: code,
  source: 'message',
});
const nothing: EscalationEvidence = {
  strong: [],
  mild: [],
  conversation: [],
  risk: [],
  takenBack: false,
  progress: false,
  resolved: false,
  negativeHistoryTurns: 0,
  conversationFeatures: noConversationFeatures,
  affectInPast: false,
  recentCustomerTurns: [],
};

describe('isHardEvidence', () => {
  it('holds for a conversation reason or a strong signal beyond affect and complaint words', () => {
    expect(isHardEvidence(nothing)).toBe(false);
    expect(isHardEvidence({ ...nothing, strong: [reason('anger'), reason('complaint')] })).toBe(false);
    expect(isHardEvidence({ ...nothing, strong: [reason('anger'), reason('legal')] })).toBe(true);
    expect(isHardEvidence({ ...nothing, conversation: [reason('repeated_question')] })).toBe(true);
    // A refund inquiry is hard only for an account at risk (where the rules escalate it).
    expect(isHardEvidence({ ...nothing, mild: [reason('refund_inquiry')] })).toBe(false);
    expect(
      isHardEvidence({ ...nothing, mild: [reason('refund_inquiry')], risk: [reason('account_risk')] }),
    ).toBe(true);
    expect(
      isHardEvidence({ ...nothing, mild: [reason('dissatisfaction')], risk: [reason('account_risk')] }),
    ).toBe(false);
  });
});

describe('combinedLogOdds', () => {
  it('adds the intercept and each coefficient times its feature (worked example)', () => {
    // Strong anger placed in the past, an account at risk with mild dissatisfaction, text log-odds
    // −2, three negative history turns (counted as 2), a paraphrase similarity of 0.5 to an
    // answered turn, the assistant asking last, earlier turns at text log-odds 1.5, a message that
    // points back at an earlier question, at-risk text log-odds ln 3 (probability 0.75).
    const evidence: EscalationEvidence = {
      ...nothing,
      strong: [reason('anger')],
      mild: [reason('dissatisfaction')],
      risk: [reason('account_risk')],
      negativeHistoryTurns: 3,
      conversationFeatures: { repeatSimilarity: 0.5, assistantAsked: true, backReference: true },
      recentCustomerTurns: ['まだですか'],
      affectInPast: true,
    };
    const features = new Float64Array(combinationFeatureNames.length);
    writeCombinationFeatures(evidence, 0, 1.5, features, Math.log(3));
    // textLogOdds, atRiskConcern (at risk × σ(0) = 0.5), anger, anxiety, complaint, mildAffect,
    // inquiry, atRiskMild, takenBack, progress, resolved, negativeHistoryTurns, repeatSimilarity,
    // assistantAsked, historyTextLogOdds, affectPast, backReference, atRiskText
    expect(features.length).toBe(18);
    expect([...features.slice(0, 17)]).toEqual([0, 0.5, 1, 0, 0, 1, 0, 1, 0, 0, 0, 2, 0.5, 1, 1.5, 1, 1]);
    expect(features[17]).toBeCloseTo(0.75, 12);
    const coefficients = [0.5, 2, 2, 3, 4, 0.5, -1, 1.5, -1, -2, -1, 0.25, 2, -1, 0.5, -1, 1.5, 2];
    // −1 + 2·0.5 + 2 + 0.5 + 1.5 + 0.25·2 = 4.5, then + 2·0.5 − 1 + 0.5·1.5 − 1 = −0.25: 4.25,
    // then + 1.5 · 1 = 5.75, then + 2 · 0.75 = 7.25
    expect(combinedLogOdds({ intercept: -1, coefficients, threshold: 0 }, features)).toBeCloseTo(7.25, 12);
  });

  it('reads the at-risk text model only for an account at risk', () => {
    const features = new Float64Array(combinationFeatureNames.length);
    const atRiskTextAt = combinationFeatureNames.indexOf('atRiskText');
    writeCombinationFeatures(nothing, 0, 0, features, 5);
    expect(features[atRiskTextAt]).toBe(0);
    writeCombinationFeatures({ ...nothing, risk: [reason('account_risk')] }, 0, 0, features, 0);
    expect(features[atRiskTextAt]).toBe(0.5);
  });

  it('weighs an account at risk by the text model probability: neutral text adds next to nothing', () => {
    const features = new Float64Array(combinationFeatureNames.length);
    const concernAt = combinationFeatureNames.indexOf('atRiskConcern');
    const atRisk = { ...nothing, risk: [reason('account_risk')] };
    writeCombinationFeatures(nothing, 3, 0, features, 0);
    expect(features[concernAt]).toBe(0);
    writeCombinationFeatures(atRisk, 0, 0, features, 0);
    expect(features[concernAt]).toBe(0.5);
    // σ(−3) = 1 / (1 + e³) ≈ 1 / 21.09 ≈ 0.0474
    writeCombinationFeatures(atRisk, -3, 0, features, 0);
    expect(features[concernAt]).toBeCloseTo(0.0474, 4);
    fc.assert(
      fc.property(
        fc.double({ min: -20, max: 20, noNaN: true }),
        fc.double({ min: -20, max: 20, noNaN: true }),
        (left, right) => {
          writeCombinationFeatures(atRisk, Math.min(left, right), 0, features, 0);
          const lower = features[concernAt]!;
          writeCombinationFeatures(atRisk, Math.max(left, right), 0, features, 0);
          return lower >= 0 && lower <= features[concernAt]! && features[concernAt]! <= 1;
        },
      ),
    );
  });

  it('reads no repeat in a message that reports progress', () => {
    const features = new Float64Array(combinationFeatureNames.length);
    const evidence = {
      ...nothing,
      conversationFeatures: { repeatSimilarity: 0.8, assistantAsked: false, backReference: false },
    };
    const repeatAt = combinationFeatureNames.indexOf('repeatSimilarity');
    writeCombinationFeatures(evidence, 0, 0, features, 0);
    expect(features[repeatAt]).toBe(0.8);
    writeCombinationFeatures({ ...evidence, progress: true }, 0, 0, features, 0);
    expect(features[repeatAt]).toBe(0);
  });

  it('counts only concern in the earlier turns, and nothing without them', () => {
    const features = new Float64Array(combinationFeatureNames.length);
    const historyAt = combinationFeatureNames.indexOf('historyTextLogOdds');
    writeCombinationFeatures({ ...nothing, recentCustomerTurns: ['ok'] }, 0, -3, features, 0);
    expect(features[historyAt]).toBe(0);
    writeCombinationFeatures(nothing, 0, 4, features, 0);
    expect(features[historyAt]).toBe(0);
    writeCombinationFeatures({ ...nothing, recentCustomerTurns: ['もう限界'] }, 0, 4, features, 0);
    expect(features[historyAt]).toBe(4);
  });
});

describe('classifyEscalation with the combination', () => {
  const hardMessages = [
    '弁護士に相談して訴えるつもりです',
    '返金してください',
    'I want to cancel my contract now',
    '担当者と話したい',
    'Someone is threatening me at the door, I am scared',
    '口コミに全部書きます',
    '請求が二重になっています',
  ];

  it('always escalates hard evidence, whatever the text model says', () => {
    for (const message of hardMessages) {
      const decision = classifyEscalation({ message });
      expect(decision.escalate).toBe(true);
      expect(decision.declined).toBeUndefined();
    }
  });

  it('does not escalate a new follow-up question in a calm conversation', () => {
    const history = [
      { role: 'user' as const, content: '測定の予約を取りたいです' },
      { role: 'assistant' as const, content: '来週の火曜日と木曜日が空いています。' },
      { role: 'user' as const, content: '木曜日でお願いします' },
      { role: 'assistant' as const, content: '木曜日の10時で承りました。' },
    ];
    expect(classifyEscalation({ message: '当日は立ち会いが必要ですか?', history }).escalate).toBe(false);
    expect(
      classifyEscalation({
        message: 'and do I need to be home for it?',
        history: [
          { role: 'user', content: 'can I book a measurement for next week?' },
          { role: 'assistant', content: 'Yes, Tuesday or Thursday morning is free.' },
        ],
      }).escalate,
    ).toBe(false);
  });

  it('declines an affect word the text model reads as over, and explains it', () => {
    const message = '先月は本当に腹が立ったけど、今は満足しています';
    const decision = classifyEscalation({ message });
    const rules = classifyEscalation({ message }, { learnedModel: false });
    if (rules.escalate && !decision.escalate) {
      expect(decision.declined?.reasons.length).toBeGreaterThan(0);
    } else expect(decision.escalate).toBe(rules.escalate);
  });

  it('gives every escalation a reason, never declines hard codes and is deterministic (property)', () => {
    const hard = new Set<string>([
      'legal',
      'safety',
      'threat',
      'human_request',
      'refund_request',
      'cancellation_request',
      'billing_dispute',
      'unresolved_turns',
      'repeated_question',
      'emotion_trajectory',
    ]);
    const pieces = fc.constantFrom(
      ...hardMessages,
      'ありがとう',
      'I was angry',
      '不満です',
      'fine now',
      '。',
      ' ',
    );
    const turn = fc.record({
      role: fc.constantFrom('user' as const, 'assistant' as const),
      content: fc.oneof(pieces, fc.constantFrom('どちらの物件ですか?', 'いつ届きますか')),
    });
    fc.assert(
      fc.property(
        fc.array(fc.oneof(pieces, fc.string({ maxLength: 20 })), { maxLength: 4 }),
        fc.boolean(),
        fc.array(turn, { maxLength: 4 }),
        (parts, atRisk, history) => {
          const input = {
            message: parts.join(' '),
            history,
            ...(atRisk ? { account: { healthBand: 'red' as const } } : {}),
          };
          const decision = classifyEscalation(input);
          expect(classifyEscalation(input)).toEqual(decision);
          if (decision.escalate) expect(decision.reasons.length).toBeGreaterThanOrEqual(1);
          for (const declined of decision.declined?.reasons ?? [])
            expect(hard.has(declined.code)).toBe(false);
          const rules = classifyEscalation(input, { learnedModel: false });
          if (rules.reasons.some((item) => hard.has(item.code)) && rules.escalate)
            expect(decision.escalate).toBe(true);
        },
      ),
    );
  });
});
