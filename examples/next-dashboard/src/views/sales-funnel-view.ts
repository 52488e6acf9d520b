import type { Bottleneck, KpiResult } from '../api/api-types';
import { formatKpiValue } from '../format/kpi-format';
import { salesKpiName, salesLevelName } from '../i18n/engine-text';
import type { Language } from '../i18n/language';

/** How a KPI is drawn: met, below target, the bottleneck itself, or without data. */
export type KpiState = 'met' | 'below' | 'bottleneck' | 'no_data';

/** The state of a KPI given the funnel's bottleneck. */
export function kpiState(kpi: KpiResult, bottleneck: Bottleneck | null): KpiState {
  if (bottleneck !== null && bottleneck.kpi.id === kpi.id) return 'bottleneck';
  return kpi.status;
}

/**
 * Attainment as a whole percentage (0.42 → 42), `null` without one. A KPI below target is rounded
 * down, so 2.99 % against 3 % reads 99, never 100.
 */
export function attainmentPercent(kpi: KpiResult): number | null {
  if (kpi.attainment === null) return null;
  const percent = kpi.attainment * 100;
  return kpi.status === 'below' ? Math.floor(percent) : Math.round(percent);
}

/** `2026-10` for `2026-11`: the month before a `YYYY-MM` month. */
export function monthBefore(month: string): string {
  const [year = 0, number = 1] = month.split('-').map(Number);
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, '0')}`;
}

/**
 * The bottleneck in words in the UI language, from its structured fields (the engine's own
 * `reason` is English): level, KPI, value, target and the share of the target reached.
 */
export function bottleneckSentence(
  bottleneck: Bottleneck,
  levelId: string,
  templates: { readonly atLeast: string; readonly atMost: string },
  language: Language,
): string {
  const { kpi } = bottleneck;
  const template = kpi.comparison === 'at_most' ? templates.atMost : templates.atLeast;
  const share = attainmentPercent(kpi);
  return template
    .replace('{level}', salesLevelName(levelId, bottleneck.levelName, language))
    .replace('{kpi}', salesKpiName(kpi.id, kpi.name, language))
    .replace('{value}', kpi.value === null ? '–' : formatKpiValue(kpi.value, kpi.unit, language))
    .replace('{target}', formatKpiValue(kpi.target, kpi.unit, language))
    .replace('{share}', share === null ? '–' : `${share}%`);
}
