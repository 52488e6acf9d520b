/** Formats points for people: one decimal at most, a real minus sign. */
export function formatPoints(value: number, signed = false): string {
  const rounded = Math.round(value * 10) / 10;
  const magnitude = Math.abs(rounded).toString();
  if (rounded < 0) return `\u2212${magnitude}`;
  return signed ? `+${magnitude}` : magnitude;
}

/**
 * The human-readable explanation of a score change: `78 → 61: usage −14, support −3`. Components
 * whose contribution moved by at least 0.05 points are listed, largest move first.
 */
export function explainDelta(
  previousScore: number,
  score: number,
  components: readonly { readonly id: string; readonly change: number }[],
): string {
  const moved = components
    .map((component, index) => ({ ...component, index }))
    .filter((component) => Math.abs(component.change) >= 0.05)
    .sort((left, right) => Math.abs(right.change) - Math.abs(left.change) || left.index - right.index);
  const head = `${formatPoints(previousScore)} → ${formatPoints(score)}`;
  if (moved.length === 0) return `${head}: no change`;
  return `${head}: ${moved.map((component) => `${component.id} ${formatPoints(component.change, true)}`).join(', ')}`;
}
