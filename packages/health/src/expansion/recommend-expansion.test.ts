import { KizunaValidationError } from '@kizuna/core';
import { describe, expect, it } from 'vitest';
import { asOf, b2bSnapshot, measurements } from '../test-support/snapshot-fixture';
import { recommendExpansion } from './recommend-expansion';
import { planUpsellCampaign } from './upsell-campaign';

const products = (result: ReturnType<typeof recommendExpansion>) =>
  result.recommendations.map((entry) => entry.product);
const matchedIds = (
  signals: Parameters<typeof recommendExpansion>[0],
  rules: NonNullable<Parameters<typeof recommendExpansion>[1]>['rules'],
) => recommendExpansion(signals, { rules }).matchedRuleIds;

describe('recommendExpansion', () => {
  it('offers light → standard when measurements ran over an hour in 90 days (0.85, +4,000 JPY, 10% off)', () => {
    const [recommendation] = recommendExpansion({
      segment: 'b2c',
      plan: 'light',
      measurementHoursLast90Days: 1.5,
    }).recommendations;
    expect(recommendation).toMatchObject({
      product: 'standard_plan',
      confidence: 0.85,
      priceDifference: { amount: 4_000, currency: 'JPY', per: 'once' },
      timing: 'next_measurement',
      discount: { percent: 10 },
      campaign: true,
    });
    expect(
      recommendExpansion({ segment: 'b2c', plan: 'light', measurementHoursLast90Days: 1 }).recommendations,
    ).toEqual([]);
  });

  it('offers standard → premium after 3 negotiation attempts (0.78, +12,000 JPY, no campaign below 0.8)', () => {
    const [recommendation] = recommendExpansion({
      segment: 'b2c',
      plan: 'standard',
      negotiationsTotal: 3,
    }).recommendations;
    expect(recommendation).toMatchObject({
      product: 'premium_plan',
      confidence: 0.78,
      priceDifference: { amount: 12_000 },
      discount: { percent: 20 },
      campaign: false,
    });
    expect(
      recommendExpansion({ segment: 'b2c', plan: 'standard', negotiationsTotal: 2 }).recommendations,
    ).toEqual([]);
  });

  it('sorts B2C matches by confidence: mediation 0.92 before premium 0.78', () => {
    const result = recommendExpansion({
      segment: 'b2c',
      plan: 'standard',
      negotiationsTotal: 4,
      reportsDeliveredTotal: 1,
      mediationUsed: 0,
    });
    expect(products(result)).toEqual(['ai_mediation_service', 'premium_plan']);
    expect(result.recommendations[0]).toMatchObject({
      confidence: 0.92,
      priceDifference: { amount: 8_000 },
      timing: 'within_7_days',
      discount: { percent: 15 },
    });
  });

  it('applies the three B2B rules from a snapshot, top 3 by confidence', () => {
    const snapshot = b2bSnapshot({
      customer: { plan: 'enterprise' },
      // 56 measurements in 90 days over 10 of 100 properties: 56 ÷ 3 ÷ 20 = 0.93 of the limit.
      usageEvents: measurements(56, 89).map((event, index) => ({ ...event, propertyId: `p${index % 10}` })),
    });
    const result = recommendExpansion(snapshot);
    expect(products(result)).toEqual(['upgrade_to_next_tier', 'api_integration', 'add_more_properties']);
    expect(result.recommendations[0]).toMatchObject({
      confidence: 0.89,
      valueProposition: 'Move to the 40 measurements a month plan',
      priceDifference: { amount: 40_000, per: 'month' },
      discount: { percent: 50 },
      timing: 'before_next_billing',
    });
    expect(result.recommendations[2]).toMatchObject({
      confidence: 0.73,
      priceDifference: { amount: 20_000, unit: '50 properties' },
    });
  });

  it('does not offer the next tier below 90% of the limit on the 90-day monthly average', () => {
    expect(products(recommendExpansion({ segment: 'b2b', usageRate90DayAverage: 0.89 }))).toEqual([]);
    expect(products(recommendExpansion({ segment: 'b2b', usageRate90DayAverage: 0.9 }))).toEqual([
      'upgrade_to_next_tier',
    ]);
  });

  it('returns at most 3, and users can add or replace rules', () => {
    const extra = {
      id: 'b2b-training',
      product: 'training_pack',
      when: { fact: 'segment', op: 'eq' as const, value: 'b2b' },
      confidence: 0.95,
      reason: 'Train new staff',
      valueProposition: 'Half-day training',
      priceDifference: { amount: 50_000, per: 'once' as const },
      roi: 'Faster onboarding',
      timing: 'immediately',
      discount: { description: 'none' },
    };
    const signals = {
      segment: 'b2b' as const,
      plan: 'enterprise',
      apiEnabled: 0,
      usageRate90DayAverage: 1,
      propertyCoverage: 0.1,
    };
    const added = recommendExpansion(signals, { rules: [extra] });
    expect(products(added)).toEqual(['training_pack', 'upgrade_to_next_tier', 'api_integration']);
    expect(added.matchedRuleIds).toHaveLength(4);
    expect(products(recommendExpansion(signals, { rules: [extra], replaceRules: true }))).toEqual([
      'training_pack',
    ]);
  });

  it('suppresses every suggestion for a red account, configurably', () => {
    const signals = { segment: 'b2b' as const, usageRate90DayAverage: 1 };
    const red = recommendExpansion(signals, { health: { status: 'red' } });
    expect(red).toMatchObject({ suppressed: true, recommendations: [], matchedRuleIds: ['b2b-next-tier'] });
    expect(
      recommendExpansion(signals, { health: { status: 'red' }, suppressWhenStatus: [] }).suppressed,
    ).toBe(false);
    expect(recommendExpansion(signals, { health: { status: 'yellow' } }).suppressed).toBe(false);
  });

  it('rejects a bad rule, naming the field', () => {
    expect(() => recommendExpansion({}, { rules: [{ id: 'x' } as never] })).toThrow(/rules\[0\]\.product/);
  });

  it('validates your rules on every call, after the defaults were validated once', () => {
    const rule = {
      id: 'api-for-heavy-users',
      product: 'api_integration',
      when: { fact: 'usageRate', op: 'gte', value: 1.2 },
      confidence: 0.5,
      reason: 'heavy use',
      valueProposition: 'automate',
      priceDifference: { amount: 10_000, currency: 'JPY', per: 'month' },
      roi: 'hours saved',
      timing: 'now',
      discount: { description: 'none' },
    } as const;
    // The first calls validate (and keep) the seed's rules; user rules are still checked each time.
    expect(matchedIds({ usageRate: 1.5 }, [rule])).toContain('api-for-heavy-users');
    expect(() => recommendExpansion({}, { rules: [rule, { ...rule, confidence: 1.5 }] })).toThrow(
      /rules\[1\]\.confidence/,
    );
    expect(() => recommendExpansion({}, { rules: [{ ...rule, id: '' }] })).toThrow(/rules\[0\]\.id/);
    expect(() => recommendExpansion({}, { rules: [{ ...rule, id: '' }] })).toThrow(KizunaValidationError);
    // The defaults still apply after a rejected call.
    expect(
      products(recommendExpansion({ segment: 'b2c', plan: 'light', measurementHoursLast90Days: 2 })),
    ).toEqual(['standard_plan']);
  });
});

describe('planUpsellCampaign', () => {
  it('starts the campaign for a confident recommendation, with keys per product', () => {
    const [recommendation] = recommendExpansion({
      segment: 'b2b',
      usageRate90DayAverage: 1,
      monthlyMeasurementLimit: 20,
    }).recommendations;
    const plan = planUpsellCampaign(recommendation!, { customerId: 'acme', recommendedAt: asOf }, asOf);
    expect(plan?.due.map((action) => [action.type, action.idempotencyKey])).toEqual([
      ['show_upsell_notice', 'upsell:acme:upgrade_to_next_tier:2026-04-01T00%3A00%3A00.000Z:in-app-notice'],
    ]);
    expect(plan?.due[0]?.payload).toMatchObject({ product: 'upgrade_to_next_tier', discountPercent: 50 });
  });

  it('gives no campaign below confidence 0.8', () => {
    const [premium] = recommendExpansion({
      segment: 'b2c',
      plan: 'standard',
      negotiationsTotal: 3,
    }).recommendations;
    expect(planUpsellCampaign(premium!, { customerId: 'c', recommendedAt: asOf }, asOf)).toBeNull();
  });
});
