/** How a KPI is compared with its target. */
export type KpiComparison = 'at_least' | 'at_most';

/** The unit of a KPI value. `ratio` is a fraction (0.35 = 35 %); money is in minor units. */
export type KpiUnit = 'count' | 'ratio' | 'days' | 'money' | 'score' | 'minutes' | 'hours' | 'multiple';

/** Whether a KPI meets its target; `no_data` when its value cannot be computed (no denominator). */
export type KpiStatus = 'met' | 'below' | 'no_data';

/** One KPI against its target, with the numbers it was computed from. */
export interface KpiResult {
  /** Stable id, e.g. `nurture.open_rate`. */
  readonly id: string;
  readonly name: string;
  readonly value: number | null;
  readonly target: number;
  readonly comparison: KpiComparison;
  readonly unit: KpiUnit;
  readonly status: KpiStatus;
  /** value − target in the KPI's unit (negative = short of an at-least target). */
  readonly gap: number | null;
  /** How much of the target is achieved: value / target (at least) or target / value (at most). */
  readonly attainment: number | null;
  /** The definition in words, e.g. `opened ÷ sent, e-mails sent in the month`. */
  readonly formula: string;
  /** The counts behind the value. */
  readonly inputs: Readonly<Record<string, number>>;
}

/**
 * Builds a {@link KpiResult}: status `met` when value ≥ target (at least) or ≤ target (at most),
 * `below` otherwise, `no_data` when the value is null.
 *
 * @example
 * ```ts
 * evaluateKpi({ id: 'x', name: 'Open rate', value: 0.3, target: 0.35, comparison: 'at_least',
 *   unit: 'ratio', formula: 'opened ÷ sent', inputs: { opened: 30, sent: 100 } }).status; // 'below'
 * ```
 */
export function evaluateKpi(definition: Omit<KpiResult, 'status' | 'gap' | 'attainment'>): KpiResult {
  const { value, target, comparison } = definition;
  if (value === null) return { ...definition, status: 'no_data', gap: null, attainment: null };
  const met = comparison === 'at_least' ? value >= target : value <= target;
  let attainment: number | null;
  if (comparison === 'at_least') attainment = target === 0 ? null : value / target;
  else attainment = value === 0 ? null : target / value;
  return { ...definition, status: met ? 'met' : 'below', gap: value - target, attainment };
}
