import { describe, expect, it } from 'vitest';
import { formatKpiGap, formatKpiValue } from './kpi-format';

describe('formatKpiValue', () => {
  it('shows each unit as a person reads it', () => {
    // a 2.97 % click rate against its 3 % target must not read as 3 %
    expect(formatKpiValue(0.0297, 'ratio', 'en')).toBe('2.97%');
    expect(formatKpiValue(0.145, 'ratio', 'en')).toBe('14.5%');
    expect(formatKpiValue(0.35, 'ratio', 'ja')).toBe('35%');
    expect(formatKpiValue(1_234_567, 'count', 'en')).toBe('1,234,567');
    expect(formatKpiValue(8_330_000, 'money', 'en')).toBe('¥8,330,000');
    expect(formatKpiValue(21.25, 'days', 'ja')).toBe('21.3日');
    expect(formatKpiValue(21.25, 'days', 'en')).toBe('21.3 days');
    expect(formatKpiValue(5, 'multiple', 'en')).toBe('5×');
  });
});

describe('formatKpiGap', () => {
  it('signs the gap and gives a ratio gap in percentage points', () => {
    // open rate 0.318 against 0.35: −0.032 → −3.2 points
    expect(formatKpiGap(0.318 - 0.35, 'ratio', 'en')).toBe('−3.2 pt');
    expect(formatKpiGap(0.318 - 0.35, 'ratio', 'ja')).toBe('−3.2ポイント');
    // 2.97 % against 3 %: −0.03 points, not "−0"
    expect(formatKpiGap(0.0297 - 0.03, 'ratio', 'en')).toBe('−0.03 pt');
    // 412 leads against 500: −88
    expect(formatKpiGap(412 - 500, 'count', 'en')).toBe('−88');
    // cycle of 25.5 days against an at-most 21: +4.5 days (over the limit)
    expect(formatKpiGap(25.5 - 21, 'days', 'en')).toBe('+4.5 days');
    expect(formatKpiGap(0, 'count', 'en')).toBe('0');
  });
});
