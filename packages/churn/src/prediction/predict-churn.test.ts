import { actionSchema, KizunaValidationError } from '@kizuna/core';
import { describe, expect, it } from 'vitest';
import { rocAuc } from '../evaluation/ranking-metrics';
import { buildTrainingSet } from '../features/build-training-set';
import { churnFeatureNames, churnFeatures } from '../features/churn-features';
import { trainGradientBoostedTrees } from '../model/train-gradient-boosted-trees';
import { generateSyntheticChurnData } from '../synthetic/generate-synthetic-churn-data';
import { riskySnapshot } from '../test-support/snapshot-fixture';
import { predictChurn } from './predict-churn';
import { riskLevelOf } from './risk-level';
import { scoreChurnRules } from './rules-churn-score';
import { trainChurnModel } from './train-churn-model';

const thresholds = { critical: 0.7, high: 0.5, medium: 0.3 };
const synthetic = generateSyntheticChurnData({ customers: 1300, seed: 11 });
const trainingSet = buildTrainingSet(synthetic.snapshots.slice(0, 1000), synthetic.outcomes);
const scorer = trainChurnModel(trainingSet);

describe('riskLevelOf', () => {
  it('uses inclusive thresholds 0.7 / 0.5 / 0.3', () => {
    expect([0.7, 0.69, 0.5, 0.49, 0.3, 0.29].map((p) => riskLevelOf(p, thresholds))).toEqual([
      'critical',
      'high',
      'high',
      'medium',
      'medium',
      'low',
    ]);
  });
});

describe('scoreChurnRules', () => {
  it('adds the points of each warning signal to the 0.05 base', () => {
    // Risky fixture: usage 0.3 < 0.5 (0.2), trend < 0 (0.1), reports 0.6 (none), NPS 5 (0.15),
    // CSAT 2.5 (0.1), 3 negative (0.1), 10 days late (0.1), price 0.75 (0.1), renewal in 45 days
    // (0.05) → 0.05 + 1.0 = 1.05, capped at 0.95.
    const score = scoreChurnRules(churnFeatures(riskySnapshot()).byName);
    expect(score.probability).toBe(0.95);
    expect(score.firedRules.map((rule) => rule.id)).toEqual([
      'usage_below_half_plan',
      'detractor',
      'usage_falling',
      'low_csat',
      'negative_feedback',
      'payment_7_days_late',
      'price_sensitive',
      'renewal_within_90_days',
    ]);
  });

  it('ignores missing values and scores a quiet customer at the base', () => {
    const quiet = Object.fromEntries(churnFeatureNames.map((name) => [name, Number.NaN])) as Record<
      (typeof churnFeatureNames)[number],
      number
    >;
    expect(scoreChurnRules(quiet)).toEqual({ probability: 0.05, firedRules: [] });
    expect(scoreChurnRules({ ...quiet, nps_score: 6, monthly_usage_rate: 0.4 }).probability).toBe(0.4);
  });
});

describe('trainChurnModel', { timeout: 120_000 }, () => {
  it('trains a model when there are enough churners', () => {
    expect(scorer.method).toBe('model');
    expect(trainingSet.counts.churners).toBeGreaterThanOrEqual(30);
  });

  it('falls back to the rules with too few churners and says why', () => {
    const few = trainChurnModel(
      { features: trainingSet.features, labels: trainingSet.labels },
      { minChurners: 10_000 },
    );
    expect(few).toEqual({
      method: 'rules',
      reason: `${trainingSet.counts.churners} churners, fewer than the 10000 needed to train: rules-based fallback`,
    });
  });
});

describe('predictChurn', { timeout: 120_000 }, () => {
  it('ranks held-out synthetic customers well above chance', () => {
    const held = synthetic.snapshots.slice(1000);
    const probabilities = held.map((snapshot) => predictChurn(scorer, snapshot).churnProbability);
    const labels = synthetic.outcomes.slice(1000).map((outcome) => (outcome.churned ? 1 : 0));
    expect(rocAuc(labels, probabilities)).toBeGreaterThan(0.7);
  }, 60_000);

  it('reports the top 3 TreeSHAP risk factors, largest first, all pushing towards churn', () => {
    const prediction = predictChurn(scorer, riskySnapshot());
    expect(prediction.method).toBe('model');
    expect(prediction.topRiskFactors.length).toBeLessThanOrEqual(3);
    const contributions = prediction.topRiskFactors.map((factor) => factor.contribution);
    expect(contributions).toEqual([...contributions].sort((left, right) => right - left));
    expect(contributions.every((contribution) => contribution > 0)).toBe(true);
    for (const factor of prediction.topRiskFactors)
      expect(factor.value).toBe(prediction.features[factor.feature]);
  });

  it('builds the seed retention plan for a critical customer from the rules fallback', () => {
    const prediction = predictChurn({ method: 'rules', reason: 'test' }, riskySnapshot());
    expect(prediction.method).toBe('rules');
    expect(prediction.riskLevel).toBe('critical');
    // Top factors: usage below half (0.2), detractor (0.15), usage falling (0.1).
    expect(prediction.topRiskFactors.map((factor) => factor.feature)).toEqual([
      'monthly_usage_rate',
      'nps_score',
      'usage_trend_3m',
    ]);
    const plan = prediction.retentionPlan;
    expect(plan.map((action) => [action.type, action.owner, action.deadlineAt])).toEqual([
      ['executive_intervention', 'ceo', '2026-04-03T00:00:00.000Z'],
      ['special_discount_offer', 'csm', '2026-04-04T00:00:00.000Z'],
      ['csm_phone_call', 'csm', '2026-04-02T00:00:00.000Z'],
      ['satisfaction_recovery', 'csm', '2026-04-02T00:00:00.000Z'],
      ['reactivation_campaign', 'marketing_automation', '2026-04-01T00:00:00.000Z'],
    ]);
    for (const action of plan) expect(actionSchema.safeParse(action).success).toBe(true);
    expect(plan[0]!.idempotencyKey).toBe('churn:executive_intervention:customer-risky:2026-04-01');
  });

  it('plans only a phone call for a high-risk customer without those factors', () => {
    const row = churnFeatureNames.map(() => Number.NaN);
    row[churnFeatureNames.indexOf('payment_delay_days')] = 20; // 0.15
    row[churnFeatureNames.indexOf('monthly_usage_rate')] = 0.2; // 0.2
    row[churnFeatureNames.indexOf('price_sensitivity')] = 1; // 0.1 → 0.05 + 0.45 = 0.5: high
    const prediction = predictChurn({ method: 'rules', reason: 'test' }, row, {
      asOf: '2026-04-01T00:00:00Z',
      customerId: 'c9',
    });
    expect(prediction.churnProbability).toBe(0.5);
    expect(prediction.riskLevel).toBe('high');
    expect(prediction.retentionPlan.map((action) => action.type)).toEqual(['csm_phone_call']);
  });

  it('gives the same prediction for a snapshot and its feature row', () => {
    const snapshot = riskySnapshot();
    const fromSnapshot = predictChurn(scorer, snapshot);
    const fromRow = predictChurn(scorer, churnFeatures(snapshot).values, {
      asOf: snapshot.asOf,
      customerId: snapshot.customer.id,
    });
    expect(fromRow).toEqual(fromSnapshot);
  });

  it('rejects a row of the wrong length, a row without asOf and a model of other features', () => {
    expect(() => predictChurn(scorer, [1, 2, 3])).toThrow(KizunaValidationError);
    expect(() => predictChurn(scorer, churnFeatures(riskySnapshot()).values, { customerId: 'c' })).toThrow(
      /asOf/,
    );
    const other = trainGradientBoostedTrees({ features: [[1], [2]], labels: [0, 1], nEstimators: 1 });
    expect(() => predictChurn(other, riskySnapshot())).toThrow(/churn features/);
  });
});
