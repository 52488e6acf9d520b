const compact = new Intl.NumberFormat('ja-JP', { notation: 'compact', maximumFractionDigits: 1 });

/** An axis label for an amount in yen: `2345000` → `234.5万`. */
export function compactAmount(amount: number): string {
  return compact.format(amount);
}
