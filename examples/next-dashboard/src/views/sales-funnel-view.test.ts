import { defaultSalesFunnelTargets, evaluateKpi } from '@kizuna/funnel';
import { describe, expect, it } from 'vitest';
import type { Bottleneck } from '../api/api-types';
import { knownSalesKpiIds, knownSalesLevelIds } from '../i18n/engine-text';
import { attainmentPercent, bottleneckSentence, kpiState, monthBefore } from './sales-funnel-view';

const openRate = evaluateKpi({
  id: 'nurture.open_rate',
  name: 'Open rate',
  value: 0.21,
  target: 0.35,
  comparison: 'at_least',
  unit: 'ratio',
  formula: 'opened ÷ sent',
  inputs: { opened: 21, sent: 100 },
});
const bottleneck: Bottleneck = {
  level: 2,
  levelName: 'Nurture',
  kpi: openRate,
  reason: 'Nurture: open rate 21.0% is below its target 35.0% (60% of target)',
  belowTarget: [{ level: 2, kpi: openRate }],
};
const templates = {
  atLeast: '{level}: {kpi} {value} is below its target {target} ({share} of target)',
  atMost: '{level}: {kpi} {value} is above its limit {target} ({share} of target)',
};

describe('the sales-funnel view', () => {
  it('names every KPI and level of the engine in Japanese and English', () => {
    expect([...knownSalesKpiIds].sort()).toEqual(Object.keys(defaultSalesFunnelTargets).sort());
    expect(knownSalesLevelIds).toEqual([
      'awareness',
      'lead_capture',
      'nurture',
      'consultation',
      'close',
      'success',
      'retention',
    ]);
  });

  it('marks the bottleneck KPI apart from the other KPIs below target', () => {
    expect(kpiState(openRate, bottleneck)).toBe('bottleneck');
    expect(kpiState(openRate, null)).toBe('below');
    expect(kpiState({ ...openRate, id: 'nurture.click_rate' }, bottleneck)).toBe('below');
  });

  it('says the bottleneck in the UI language: 21 opened of 100 against 35 % is 60 % of target', () => {
    expect(bottleneckSentence(bottleneck, 'nurture', templates, 'en')).toBe(
      'Nurture: E-mail open rate 21% is below its target 35% (60% of target)',
    );
    expect(
      bottleneckSentence(
        bottleneck,
        'nurture',
        { atLeast: '{level}：{kpi} {value} / {target}（{share}）', atMost: '' },
        'ja',
      ),
    ).toBe('育成：メール開封率 21% / 35%（60%）');
  });

  it('never shows a KPI below target as 100 % attained', () => {
    // 2.99 % clicked against a 3 % target: 99.67 % of target
    const clicks = evaluateKpi({
      ...openRate,
      id: 'awareness.profile_click_rate',
      value: 0.0299,
      target: 0.03,
    });
    expect(clicks.status).toBe('below');
    expect(attainmentPercent(clicks)).toBe(99);
    // 21 % against 35 %: exactly 60 %
    expect(attainmentPercent(openRate)).toBe(60);
    // 36 % against 35 %: met, 102.86 % rounds to 103
    expect(attainmentPercent(evaluateKpi({ ...openRate, value: 0.36 }))).toBe(103);
  });

  it('steps back a month across the year', () => {
    expect(monthBefore('2026-11')).toBe('2026-10');
    expect(monthBefore('2027-01')).toBe('2026-12');
  });
});
