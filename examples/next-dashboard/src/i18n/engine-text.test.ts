import { describe, expect, it } from 'vitest';
import {
  actionTitle,
  escalationReason,
  featureName,
  funnelStageName,
  productReason,
  reasonText,
} from './engine-text';

describe('reasonText', () => {
  it('renders the churn-probability sentence as a percentage with the localised level', () => {
    expect(reasonText('churn probability 0.724 (critical)', 'ja')).toBe('解約確率 72%（緊急）');
    expect(reasonText('churn probability 0.724 (critical)', 'en')).toBe('churn probability 72% (critical)');
  });

  it('renders the alert reason codes with their numbers', () => {
    expect(reasonText('invoice_unpaid_12_days', 'ja')).toBe('請求が12日未払い');
    expect(reasonText('nps_5_detractor', 'en')).toBe('NPS 5 (detractor)');
    expect(reasonText('usage 3/20 = 0.15 < 0.5', 'ja')).toBe('直近30日の測定 3回（上限 20回）');
    expect(reasonText('renewal_in_45_days', 'en')).toBe('renewal in 45 days');
    expect(reasonText('status_yellow', 'ja')).toBe('ヘルス 黄');
  });

  it('names the journey and the risk factor in the UI language', () => {
    expect(reasonText('journey dunning step day-7-reminder', 'ja')).toBe(
      'ジャーニー「未払い督促」のステップ day-7-reminder',
    );
    expect(reasonText('usage_trend_3m = -0.5 (falling usage) is a top risk factor', 'ja')).toBe(
      '3か月の利用傾向 = -0.5（利用が減少）が主な要因',
    );
    expect(reasonText('upsell b2b-next-tier confidence 0.89', 'en')).toBe(
      'upsell b2b-next-tier (confidence 89%)',
    );
  });

  it('maps escalation codes and leaves unknown text as the engine wrote it', () => {
    expect(reasonText('refund_request', 'ja')).toBe('返金の依頼');
    expect(reasonText('something the dashboard does not know', 'ja')).toBe(
      'something the dashboard does not know',
    );
  });
});

describe('engine ids', () => {
  it('translates action titles by type and falls back to the engine title', () => {
    expect(actionTitle({ type: 'csm_phone_call', title: 'x' }, 'ja')).toBe('CSMが電話で課題をヒアリング');
    expect(actionTitle({ type: 'brand_new_action', title: 'Engine title' }, 'ja')).toBe('Engine title');
  });

  it('translates features, products and escalation reasons', () => {
    expect(featureName('days_since_last_use', 'ja')).toBe('最終利用からの日数');
    expect(productReason({ product: 'api_integration', reason: 'English' }, 'ja')).toBe(
      '業務システムと連携して効率化',
    );
    expect(productReason({ product: 'unknown_product', reason: 'Engine reason' }, 'ja')).toBe(
      'Engine reason',
    );
    expect(escalationReason('legal', 'en')).toBe('legal matter');
    expect(funnelStageName('Consultations held', 'ja')).toBe('相談実施');
    expect(funnelStageName('A stage of tomorrow', 'ja')).toBe('A stage of tomorrow');
  });
});
