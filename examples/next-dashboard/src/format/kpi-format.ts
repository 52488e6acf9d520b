import type { KpiUnit } from '@kizuna/funnel';
import type { Language } from '../i18n/language';
import { formatMoney, formatNumber } from './formatting';

const locale = (language: Language) => (language === 'en' ? 'en-US' : 'ja-JP');

const suffixes: Partial<Record<KpiUnit, { readonly ja: string; readonly en: string }>> = {
  days: { ja: '日', en: ' days' },
  hours: { ja: '時間', en: ' h' },
  minutes: { ja: '分', en: ' min' },
  multiple: { ja: '倍', en: '×' },
};

/**
 * A KPI value in its unit: a ratio as a percentage with one decimal, two under 10 % so a small
 * rate stays readable against its target (`0.0297` → `2.97%`, `0.145` → `14.5%`), money in
 * the currency's minor unit, days / hours / minutes / multiples with their suffix, counts whole.
 */
export function formatKpiValue(value: number, unit: KpiUnit, language: Language, currency = 'JPY'): string {
  if (unit === 'ratio')
    return new Intl.NumberFormat(locale(language), {
      style: 'percent',
      maximumFractionDigits: Math.abs(value) < 0.1 ? 2 : 1,
    }).format(value);
  if (unit === 'money') return formatMoney(value, language, currency);
  if (unit === 'count') return formatNumber(value, language, 0);
  const suffix = suffixes[unit];
  return `${formatNumber(value, language, 1)}${suffix === undefined ? '' : suffix[language]}`;
}

/**
 * A KPI's gap to its target (value − target) with its sign; a ratio's gap in percentage points,
 * with two decimals under one point (`-0.032` → `−3.2 pt` / `−3.2ポイント`, `-0.0003` → `−0.03 pt`).
 */
export function formatKpiGap(gap: number, unit: KpiUnit, language: Language, currency = 'JPY'): string {
  const sign = gap > 0 ? '+' : gap < 0 ? '−' : '';
  const size = Math.abs(gap);
  if (unit === 'ratio')
    return `${sign}${formatNumber(size * 100, language, size < 0.01 ? 2 : 1)}${language === 'ja' ? 'ポイント' : ' pt'}`;
  return `${sign}${formatKpiValue(size, unit, language, currency)}`;
}
