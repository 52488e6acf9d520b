import type { Language } from '../i18n/language';

const locale = (language: Language) => (language === 'en' ? 'en-US' : 'ja-JP');

/** An amount of money in its minor unit, e.g. `¥80,000`. */
export function formatMoney(amount: number, language: Language, currency = 'JPY'): string {
  const digits = currency === 'JPY' ? 0 : 2;
  return new Intl.NumberFormat(locale(language), { style: 'currency', currency }).format(
    amount / 10 ** digits,
  );
}

/** A ratio 0–1 as a whole percentage, e.g. `0.734` → `73%`. */
export function formatPercent(ratio: number, language: Language): string {
  return new Intl.NumberFormat(locale(language), { style: 'percent', maximumFractionDigits: 0 }).format(
    ratio,
  );
}

/** A number with at most `fractionDigits` decimals. */
export function formatNumber(value: number, language: Language, fractionDigits = 0): string {
  return new Intl.NumberFormat(locale(language), { maximumFractionDigits: fractionDigits }).format(value);
}

/** A signed change, e.g. `+3.5` / `−2`. */
export function formatChange(value: number, language: Language, fractionDigits = 1): string {
  const text = formatNumber(Math.abs(value), language, fractionDigits);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/** A calendar date in Tokyo time, e.g. `2026/11/20`. */
export function formatDate(instant: string, language: Language): string {
  return new Intl.DateTimeFormat(locale(language), {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
}

/** A date and time in Tokyo time, e.g. `2026/11/17 23:40`. */
export function formatDateTime(instant: string, language: Language): string {
  return new Intl.DateTimeFormat(locale(language), {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
}

/** The dashboard's "now": `KIZUNA_AS_OF` when set (demo data), else the current time. */
export function dashboardNow(): Date {
  const configured = process.env.KIZUNA_AS_OF;
  return configured === undefined || configured === '' ? new Date() : new Date(configured);
}

/** `2026-11`: the calendar month of an instant in Tokyo. */
export function monthOf(instant: Date | string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}`;
}
